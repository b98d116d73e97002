using System.Net;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.Security;

public sealed class AdministrationTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task First_run_setup_needs_the_token_creates_an_administrator_and_then_closes(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var browser = new TestBrowser(app.NewBrowser());
        KeyValuePair<string, string>[] Form(string token) =>
        [
            new("Token", token), new("DisplayName", "Ada Lovelace"), new("Email", "ada@partnership.example"),
            new("Password", "Analytical-Engine-1843"), new("ConfirmPassword", "Analytical-Engine-1843"),
        ];

        var wrongToken = await browser.SubmitAsync("/setup", Form("guess"));
        Assert.Contains("The setup token is not correct", wrongToken.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Ada Lovelace", wrongToken.InputValue("DisplayName"));

        var done = await browser.SubmitAsync("/setup", Form(AppFactory.SetupToken));
        Assert.True(done.IsRedirect, done.ErrorSummary);
        var adminPage = await browser.FollowAsync(done);
        Assert.Equal(HttpStatusCode.OK, adminPage.Status); // signed in as the new administrator
        Assert.Null(adminPage.Html.QuerySelector("#demo-banner-title")); // a real account: no demo banner

        Assert.Equal(HttpStatusCode.NotFound, (await new TestBrowser(app.NewBrowser()).GetAsync("/setup")).Status);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_administrator_creates_an_account_and_a_deactivated_account_cannot_sign_in(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var admin = await app.SignedInAsAsync("admin@demo.example");
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());

        var created = await admin.SubmitAsync("/admin/users/new",
        [
            new("DisplayName", "Noor Patel"), new("Email", "noor@partnership.example"), new("Roles", "Team Manager"),
            new("Roles", "Facilitator"), new("LocalityId", north.ToString()),
        ]);
        Assert.True(created.IsRedirect, created.ErrorSummary);
        // The password is the person's own choice, made from the invitation link (see PasswordTests); here it is set directly.
        await SetPasswordAsync(app, "noor@partnership.example", "Kettle-Lantern-Orchard-7");
        using (var noor = new TestBrowser(app.NewBrowser()))
        {
            await noor.SignInAsync("noor@partnership.example", "Kettle-Lantern-Orchard-7");
        }

        var noorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "noor@partnership.example").Select(u => u.Id).SingleAsync());
        var list = await admin.GetAsync("/admin/users");
        await admin.PostAsync($"/admin/users/{noorId}/deactivate", [], list.AntiforgeryToken());

        using var again = new TestBrowser(app.NewBrowser());
        var refused = await again.SubmitAsync("/account/sign-in", [new("Email", "noor@partnership.example"), new("Password", "Kettle-Lantern-Orchard-7")]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Enter a correct email address and password", refused.ErrorSummary, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Duplicate_emails_are_refused_with_the_form_kept(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var admin = await app.SignedInAsAsync("admin@demo.example");

        var duplicate = await admin.SubmitAsync("/admin/users/new",
            [new("DisplayName", "Second Tariq"), new("Email", "tm@demo.example"), new("Roles", "Practitioner")]);

        Assert.Equal("Second Tariq", duplicate.InputValue("DisplayName"));
        Assert.Contains("An account with this email address already exists", duplicate.ErrorSummary, StringComparison.Ordinal);
    }

    private static async Task SetPasswordAsync(AppFactory app, string email, string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<LearningReviews.Infrastructure.Identity.ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.True((await users.AddPasswordAsync(user!, password)).Succeeded);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Demo_seeding_refuses_a_database_that_holds_real_data(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var browser = new TestBrowser(app.NewBrowser());
        await browser.SubmitAsync("/setup",
        [
            new("Token", AppFactory.SetupToken), new("DisplayName", "Real Admin"), new("Email", "real@partnership.example"),
            new("Password", "Analytical-Engine-1843"), new("ConfirmPassword", "Analytical-Engine-1843"),
        ]);

        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<Web.Features.Demo.DemoDataSeeder>().SeedAsync("Whatever-Password-99");

        Assert.Equal(Web.Features.Demo.DemoSeedOutcome.RefusedRealData, result.Outcome);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.IsDemo)));
    }
}
