using System.Net;
using LearningReviews.Domain.Auditing;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Security;

public sealed class SignInTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        using var browser = new TestBrowser(app.NewBrowser());

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await browser.SubmitAsync("/account/sign-in", [new("Email", "tm@demo.example"), new("Password", "not-the-password-" + attempt)]);
            Assert.Equal(HttpStatusCode.OK, wrong.Status);
        }
        var right = await browser.SubmitAsync("/account/sign-in", [new("Email", "tm@demo.example"), new("Password", AppFactory.DemoPassword)]);

        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains("Your account is locked", right.ErrorSummary, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.LockedOut)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Unknown_accounts_and_wrong_passwords_get_the_same_message(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        using var browser = new TestBrowser(app.NewBrowser());

        var unknown = await browser.SubmitAsync("/account/sign-in", [new("Email", "nobody@demo.example"), new("Password", "whatever-it-is")]);
        var wrong = await browser.SubmitAsync("/account/sign-in", [new("Email", "tm@demo.example"), new("Password", "whatever-it-is")]);

        Assert.Equal(unknown.ErrorSummary, wrong.ErrorSummary);
        Assert.Contains("Enter a correct email address and password", wrong.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("tm@demo.example", wrong.InputValue("Email"));
        Assert.Equal("", wrong.InputValue("Password"));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_malformed_email_and_missing_password_are_explained_once_each_and_the_email_kept(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var browser = new TestBrowser(app.NewBrowser());

        var page = await browser.SubmitAsync("/account/sign-in", [new("Email", "tm-at-demo"), new("Password", "")]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var links = page.Html.QuerySelectorAll(".govuk-error-summary a")
            .Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal(
        [
            ("#Email", "Enter an email address in the correct format, like name@example.org"),
            ("#Password", "Enter your password"),
        ], links);
        Assert.Equal("tm-at-demo", page.InputValue("Email"));
        Assert.Contains("Enter your password", page.Html.GetElementById("Password-error")?.TextContent, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Signing_out_ends_the_session(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var home = await hol.GetAsync("/");

        var signedOut = await hol.PostAsync("/account/sign-out", [], home.AntiforgeryToken());

        Assert.True(signedOut.IsRedirect);
        Assert.True((await hol.GetAsync("/")).IsRedirect);
    }
}
