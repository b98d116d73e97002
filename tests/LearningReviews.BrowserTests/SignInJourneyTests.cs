using System.Text.RegularExpressions;
using LearningReviews.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

/// <summary>
/// Signing in with more than a password, in a real browser: two-factor sign-in with an authenticator app
/// (the test computes the codes the app would show) and a recovery code.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class SignInJourneyTests(BrowserFixture browser, LearningReviewsAppHost app)
    : IClassFixture<LearningReviewsAppHost>
{
    [Fact]
    public async Task Administrator_sets_up_an_authenticator_then_signs_in_with_a_code_and_with_a_recovery_code()
    {
        const string email = "admin@demo.example";
        var page = await browser.NewPageAsync();
        try
        {
            await SignInWithPasswordAsync(page, email);
            await Expect(page).ToHaveURLAsync(app.Url("/"));

            await page.GotoAsync(app.Url("/account/two-factor/setup"));
            await Expect(Heading(page)).ToHaveTextAsync("Set up two-factor sign-in");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();

            await Expect(Heading(page)).ToHaveTextAsync("Set up your authenticator app");
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code holding the key shown below" })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "authenticator set-up page");
            // What a person would type into their app. The app under test runs on the real clock.
            var key = await page.Locator("#authenticator-key").InnerTextAsync();
            await page.GetByLabel("Code from the app").FillAsync(AuthenticatorCodes.At(key, DateTimeOffset.UtcNow));
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();

            await Expect(Heading(page)).ToHaveTextAsync("Two-factor sign-in is on");
            var recoveryCodes = await page.Locator("#recovery-codes code").AllInnerTextsAsync();
            Assert.Equal(10, recoveryCodes.Count);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "recovery codes page");

            // Next time: password, then the code from the app, then My work.
            await SignOutAsync(page);
            await SignInWithPasswordAsync(page, email);
            await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor$"));
            await Expect(Heading(page)).ToHaveTextAsync("Enter the code from your authenticator app");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "authenticator code page");
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(AuthenticatorCodes.At(key, DateTimeOffset.UtcNow));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(app.Url("/"));
            await Expect(Heading(page)).ToHaveTextAsync("My work");

            // Without the app: password, then one of the recovery codes.
            await SignOutAsync(page);
            await SignInWithPasswordAsync(page, email);
            await page.GetByRole(AriaRole.Link, new() { Name = "I cannot use my authenticator app" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Enter a recovery code");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "recovery code page");
            await page.GetByLabel("Recovery code").FillAsync(recoveryCodes[0]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(app.Url("/"));
            await Expect(Heading(page)).ToHaveTextAsync("My work");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task SignInWithPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync(app.Url("/account/sign-in"));
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(LearningReviewsAppHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/signed-out$"));
    }

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
}
