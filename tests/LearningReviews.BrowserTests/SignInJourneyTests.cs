using System.Text.RegularExpressions;
using LearningReviews.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

/// <summary>
/// Signing in with more than a password, in a real browser: two-factor sign-in with an authenticator app
/// (the test computes the codes the app would show) and a recovery code, and passkeys (Chromium's virtual
/// authenticator, driven through the DevTools protocol). Administrators must use two factors on this host, as
/// out of the box.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class SignInJourneyTests(BrowserFixture browser, AdministratorsNeedTwoFactorAppHost app)
    : IClassFixture<AdministratorsNeedTwoFactorAppHost>
{
    [Fact]
    public async Task Administrator_sets_up_an_authenticator_then_signs_in_with_a_code_and_with_a_recovery_code()
    {
        const string email = "admin@demo.example";
        var page = await browser.NewPageAsync();
        try
        {
            // An administrator's password opens nothing but the set-up of two-factor sign-in.
            await SignInWithPasswordAsync(page, email);
            await Expect(page).ToHaveURLAsync(app.Url("/account/two-factor/setup"));
            await Expect(Heading(page)).ToHaveTextAsync("Set up two-factor sign-in");
            await page.GotoAsync(app.Url("/admin/users"));
            await Expect(page).ToHaveURLAsync(app.Url("/account/two-factor/setup"));
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

    [Fact]
    public async Task Team_manager_adds_a_passkey_and_signs_in_with_it()
    {
        const string email = "tm@demo.example";
        var page = await browser.NewPageAsync();
        try
        {
            // Chromium's virtual authenticator stands in for a phone or laptop: it makes discoverable passkeys,
            // verifies the user (as a fingerprint or PIN would) and answers without a prompt.
            var devTools = await page.Context.NewCDPSessionAsync(page);
            await devTools.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
            await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2",
                    ["transport"] = "internal",
                    ["hasResidentKey"] = true,
                    ["hasUserVerification"] = true,
                    ["isUserVerified"] = true,
                    ["automaticPresenceSimulation"] = true,
                },
            });

            // Passkeys need a domain (not an IP address) as the site's identity: this test uses localhost.
            await SignInWithPasswordAsync(page, email, app.LocalhostUrl("/account/sign-in"));
            await Expect(page).ToHaveURLAsync(app.LocalhostUrl("/"));

            await page.GotoAsync(app.LocalhostUrl("/account/passkeys"));
            await Expect(Heading(page)).ToHaveTextAsync("Passkeys");
            await Expect(page.GetByText("You have no passkeys.")).ToBeVisibleAsync();
            await page.GetByLabel("Name for the passkey").FillAsync("Work laptop");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Passkey ‘Work laptop’ added");
            await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Cell, new() { Name = "Work laptop", Exact = true })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "passkeys page with a passkey");

            // Signed out, the passkey alone signs in: no email address, password or code.
            await SignOutAsync(page);
            await page.GotoAsync(app.LocalhostUrl("/account/sign-in"));
            await Accessibility.AssertNoSeriousViolationsAsync(page, "sign-in page offering passkeys");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(app.LocalhostUrl("/"));
            await Expect(Heading(page)).ToHaveTextAsync("My work");
            await Expect(page.GetByText(email)).ToBeVisibleAsync();

            // Removed, it is gone from the page (and from the account).
            await page.GetByRole(AriaRole.Link, new() { Name = "Passkeys", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Remove passkey Work laptop" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Passkey ‘Work laptop’ removed");
            await Expect(page.GetByText("You have no passkeys.")).ToBeVisibleAsync();

            var audited = await app.AuditActionsForAsync(email);
            Assert.Equal(["SignedIn", "PasskeyAdded", "SignedOut", "SignedIn", "PasskeyRemoved"],
                audited.Where(a => a is "SignedIn" or "SignedOut" or "PasskeyAdded" or "PasskeyRemoved"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private Task SignInWithPasswordAsync(IPage page, string email) => SignInWithPasswordAsync(page, email, app.Url("/account/sign-in"));

    private static async Task SignInWithPasswordAsync(IPage page, string email, string signInUrl)
    {
        await page.GotoAsync(signInUrl);
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
