using System.Net;
using System.Text.RegularExpressions;
using LearningReviews.Domain.Auditing;
using LearningReviews.Web.Features.Email;
using LearningReviews.IntegrationTests.Email;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LearningReviews.IntegrationTests.Security;

/// <summary>People choose and change their own passwords; links arrive by email through the outbox and a real SMTP server.</summary>
public sealed partial class PasswordTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_new_account_gets_an_invitation_link_that_sets_the_password_once(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        await using var app = await StartAsync(provider, smtp);
        using var admin = await app.SignedInAsAsync("admin@demo.example");

        var created = await admin.SubmitAsync("/admin/users/new",
            [new("DisplayName", "Noor Patel"), new("Email", "noor@partnership.example"), new("Roles", "Practitioner")]);
        Assert.True(created.IsRedirect, created.ErrorSummary);
        await DispatchAsync(app);
        var invitation = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("noor@partnership.example", Assert.IsType<MailboxAddress>(Assert.Single(invitation.To)).Address);
        var link = LinkIn(invitation, "/account/set-up");

        using var noor = new TestBrowser(app.NewBrowser());
        var page = await noor.GetAsync(link);
        Assert.Equal("Choose your password", page.H1);
        var set = await noor.SubmitAsync(link, [new("NewPassword", "Kettle-Lantern-Orchard-7"), new("ConfirmPassword", "Kettle-Lantern-Orchard-7"),
            new("User", page.Html.QuerySelector("input[name=User]")!.GetAttribute("value")!), new("Token", page.Html.QuerySelector("input[name=Token]")!.GetAttribute("value")!)],
            "/account/set-up");
        Assert.True(set.IsRedirect, set.ErrorSummary);
        await noor.SignInAsync("noor@partnership.example", "Kettle-Lantern-Orchard-7");

        var again = await new TestBrowser(app.NewBrowser()).GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal("This link has expired or has been used", again.H1);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.InvitationSent)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_forgotten_password_is_reset_from_an_emailed_link_that_works_once_and_never_says_who_has_an_account(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        await using var app = await StartAsync(provider, smtp);
        await app.SeedDemoAsync();
        using var browser = new TestBrowser(app.NewBrowser());

        var unknown = await browser.SubmitAsync("/account/forgot-password", [new("Email", "nobody@demo.example")]);
        var known = await browser.SubmitAsync("/account/forgot-password", [new("Email", "tm@demo.example")]);
        Assert.Equal(unknown.Html.QuerySelector("main")!.OuterHtml, known.Html.QuerySelector("main")!.OuterHtml);
        Assert.Equal("Check your email", known.H1);

        await DispatchAsync(app);
        var message = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("tm@demo.example", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        var link = LinkIn(message, "/account/reset-password");

        var changed = await SetPasswordAsync(browser, link, "Quiet-Harbour-Lamp-58");
        Assert.True(changed.IsRedirect, changed.ErrorSummary);
        using (var tm = new TestBrowser(app.NewBrowser())) await tm.SignInAsync("tm@demo.example", "Quiet-Harbour-Lamp-58");

        var secondUse = await SetPasswordAsync(new TestBrowser(app.NewBrowser()), link, "Another-Harbour-Lamp-59", expectForm: false);
        Assert.Equal(HttpStatusCode.BadRequest, secondUse.Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.PasswordReset)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_reset_link_stops_working_when_it_expires(Provider provider)
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var smtp = await SmtpTestServer.StartedAsync();
        await using var app = await StartAsync(provider, smtp, clock);
        await app.SeedDemoAsync();
        using var browser = new TestBrowser(app.NewBrowser());
        await browser.SubmitAsync("/account/forgot-password", [new("Email", "tm@demo.example")]);
        await DispatchAsync(app);
        var link = LinkIn(Assert.Single(await smtp.WaitForAsync(1)), "/account/reset-password");

        clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).Status);
        clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, expired.Status);
        Assert.Equal("This link has expired or has been used", expired.H1);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task People_change_their_own_password_with_the_current_one(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var tm = await app.SignedInAsAsync("tm@demo.example");

        var wrong = await tm.SubmitAsync("/account/password", [new("CurrentPassword", "not-it"),
            new("NewPassword", "Quiet-Harbour-Lamp-58"), new("ConfirmPassword", "Quiet-Harbour-Lamp-58")]);
        Assert.Contains("Your current password is not correct", wrong.ErrorSummary, StringComparison.Ordinal);
        var weak = await tm.SubmitAsync("/account/password", [new("CurrentPassword", AppFactory.DemoPassword),
            new("NewPassword", "password1234"), new("ConfirmPassword", "password1234")]);
        Assert.Contains("common word", weak.ErrorSummary, StringComparison.Ordinal);
        var changed = await tm.SubmitAsync("/account/password", [new("CurrentPassword", AppFactory.DemoPassword),
            new("NewPassword", "Quiet-Harbour-Lamp-58"), new("ConfirmPassword", "Quiet-Harbour-Lamp-58")]);
        Assert.True(changed.IsRedirect, changed.ErrorSummary);

        Assert.Equal(HttpStatusCode.OK, (await tm.GetAsync("/")).Status); // this session carries on
        using var fresh = new TestBrowser(app.NewBrowser());
        await fresh.SignInAsync("tm@demo.example", "Quiet-Harbour-Lamp-58");
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.PasswordChanged)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_administrator_sends_a_reset_link_and_cannot_choose_a_password(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        await using var app = await StartAsync(provider, smtp);
        using var admin = await app.SignedInAsAsync("admin@demo.example");
        var tmId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "tm@demo.example").Select(u => u.Id).SingleAsync());

        var edit = await admin.GetAsync($"/admin/users/{tmId}");
        Assert.Null(edit.Html.QuerySelector("input[type=password]"));
        var sent = await admin.PostAsync($"/admin/users/{tmId}/password-link", [], edit.AntiforgeryToken());
        Assert.True(sent.IsRedirect);

        await DispatchAsync(app);
        var message = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("tm@demo.example", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Contains("/account/reset-password?", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("Sent by an administrator",
            await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.PasswordResetRequested).Select(e => e.Detail).SingleAsync()));
    }

    private static async Task<TestBrowser.Page> SetPasswordAsync(TestBrowser browser, string link, string password, bool expectForm = true)
    {
        var page = await browser.GetAsync(link);
        if (!expectForm && page.Status != HttpStatusCode.OK) return page;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);
        return await browser.PostAsync("/account/reset-password",
            [new("User", query["user"]!), new("Token", query["token"]!), new("NewPassword", password), new("ConfirmPassword", password)],
            page.AntiforgeryToken());
    }

    /// <summary>The app-relative link (path and query) in the message's plain-text body.</summary>
    private static string LinkIn(MimeMessage message, string path)
    {
        var match = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(match.Success, message.TextBody);
        var uri = new Uri(match.Value);
        Assert.Equal(path, uri.AbsolutePath);
        return uri.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/account/\S+")]
    private static partial Regex LinkPattern();

    private static async Task<AppFactory> StartAsync(Provider provider, SmtpTestServer smtp, TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string>(smtp.Settings())
        {
            ["Email:Dispatch:IntervalSeconds"] = "3600",
            ["App:PublicBaseUrl"] = "https://reviews.partnership.example",
        };
        var factory = new AppFactory(await TestDatabase.CreateAsync(provider))
        {
            Settings = settings,
            TestServices = clock is null ? null : services => services.AddSingleton(clock),
        };
        _ = factory.Server;
        return factory;
    }

    private static async Task DispatchAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchDueAsync();
    }
}
