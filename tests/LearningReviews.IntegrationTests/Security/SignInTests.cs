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
        Assert.False(right.IsRedirect);
        Assert.Contains("Enter a correct email address and password", right.ErrorSummary, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.LockedOut)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Unknown_locked_and_wrong_password_answers_are_the_same_page(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        using var browser = new TestBrowser(app.NewBrowser());
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await browser.SubmitAsync("/account/sign-in", [new("Email", "tm@demo.example"), new("Password", "not-the-password-" + attempt)]);
        }

        var locked = await browser.SubmitAsync("/account/sign-in", [new("Email", "tm@demo.example"), new("Password", AppFactory.DemoPassword)]);
        var unknown = await browser.SubmitAsync("/account/sign-in", [new("Email", "nobody@demo.example"), new("Password", AppFactory.DemoPassword)]);
        var wrong = await browser.SubmitAsync("/account/sign-in", [new("Email", "hol@demo.example"), new("Password", "not-the-password")]);

        Assert.Equal(wrong.ErrorSummary, unknown.ErrorSummary);
        Assert.Equal(wrong.ErrorSummary, locked.ErrorSummary);
        Assert.Equal(Normalise(wrong, "hol@demo.example"), Normalise(locked, "tm@demo.example"));
        Assert.Equal(Normalise(wrong, "hol@demo.example"), Normalise(unknown, "nobody@demo.example"));
    }

    // The pages differ only in the email typed and the antiforgery token.
    private static string Normalise(TestBrowser.Page page, string email)
    {
        var main = page.Html.QuerySelector("main")!;
        foreach (var token in main.QuerySelectorAll("input[name=__RequestVerificationToken]")) token.Remove();
        return main.OuterHtml.Replace(email, "EMAIL", StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Sign_in_attempts_beyond_the_limit_per_address_are_answered_429(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider, settings: new Dictionary<string, string>
        {
            ["RateLimits:SignInPerAddress"] = "4",
        });
        using var browser = new TestBrowser(app.NewBrowser());
        var form = await browser.GetAsync("/account/sign-in");

        var answers = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var page = await browser.PostAsync("/account/sign-in",
                [new("Email", $"person{attempt}@demo.example"), new("Password", "some-guess-" + attempt)], form.AntiforgeryToken());
            answers.Add(page.Status);
            if (page.Status == HttpStatusCode.TooManyRequests) Assert.Equal("Too many attempts", page.H1);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        // Reading the sign-in page is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/sign-in")).Status);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Sign_in_attempts_for_one_account_beyond_its_limit_are_answered_429(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider, settings: new Dictionary<string, string>
        {
            ["RateLimits:SignInPerAccount"] = "3",
        });
        using var browser = new TestBrowser(app.NewBrowser());
        var form = await browser.GetAsync("/account/sign-in");

        var answers = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var page = await browser.PostAsync("/account/sign-in",
                [new("Email", "Someone@demo.example"), new("Password", "some-guess-" + attempt)], form.AntiforgeryToken());
            answers.Add(page.Status);
        }
        var otherAccount = await browser.PostAsync("/account/sign-in",
            [new("Email", "other@demo.example"), new("Password", "some-guess")], form.AntiforgeryToken());

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, otherAccount.Status);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Setup_attempts_are_rate_limited_and_wrong_tokens_audited(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider, settings: new Dictionary<string, string>
        {
            ["RateLimits:SetupPerAddress"] = "2",
        });
        using var browser = new TestBrowser(app.NewBrowser());
        var form = await browser.GetAsync("/setup");

        var answers = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var page = await browser.PostAsync("/setup", [new("Token", "guess-" + attempt), new("DisplayName", "Ada Admin"),
                new("Email", "ada@example.org"), new("Password", "a-long-enough-password-1"),
                new("ConfirmPassword", "a-long-enough-password-1")], form.AntiforgeryToken());
            answers.Add(page.Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.SetupFailed)));
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
