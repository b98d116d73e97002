using System.Net;
using System.Text.Json;
using LearningReviews.Domain.Auditing;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Security;

/// <summary>
/// Passkeys over HTTP: the options Identity hands the browser, and what the app refuses. Making and using a real
/// passkey needs an authenticator; the browser test (SignInJourneyTests) does that with Chromium's virtual one.
/// </summary>
public sealed class PasskeyTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_signed_in_person_gets_creation_options_for_their_own_account_and_a_made_up_passkey_is_refused(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var tm = await app.SignedInAsAsync("tm@demo.example");

        var page = await tm.GetAsync("/account/passkeys");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Passkeys", page.H1);
        Assert.NotNull(page.Html.GetElementById("no-passkeys"));
        // Hidden until the script finds the browser can make passkeys.
        Assert.True(page.Html.QuerySelector("form[data-passkey-create]")!.HasAttribute("hidden"));

        var response = await tm.Client.PostAsync("/account/passkeys/creation-options",
            new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken()!)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = options.RootElement;
        Assert.Equal("localhost", root.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal("tm@demo.example", root.GetProperty("user").GetProperty("name").GetString());
        Assert.True(root.GetProperty("challenge").GetString()!.Length >= 40); // 32 random bytes, base64url

        // No name: asked for one.
        var noName = await tm.PostAsync("/account/passkeys/add", [new("Name", ""), new("CredentialJson", "{}")], page.AntiforgeryToken());
        Assert.Contains("Enter a name for the passkey", noName.ErrorSummary, StringComparison.Ordinal);
        // A credential the browser did not make: refused, nothing stored, no error page.
        var forged = await tm.PostAsync("/account/passkeys/add",
            [new("Name", "Laptop"), new("CredentialJson", """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{}}""")],
            page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("The passkey was not added", forged.ErrorSummary, StringComparison.Ordinal);
        // Again, with the options already used up: still a refusal, not an error.
        var again = await tm.PostAsync("/account/passkeys/add", [new("Name", "Laptop"), new("CredentialJson", "not json")], page.AntiforgeryToken());
        Assert.Contains("The passkey was not added", again.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.UserPasskeys.CountAsync()));

        // Removing a passkey that is not the person's: not found.
        var remove = await tm.PostAsync("/account/passkeys/AAAA/remove", [], page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.NotFound, remove.Status);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Signing_in_with_a_passkey_gets_options_naming_no_account_and_refuses_a_made_up_answer(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        using var visitor = new TestBrowser(app.NewBrowser());

        var signIn = await visitor.GetAsync("/account/sign-in");
        var form = signIn.Html.QuerySelector("form[data-passkey-get]");
        Assert.NotNull(form);
        Assert.True(form.HasAttribute("hidden")); // without JavaScript only the password form shows
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        // Without the antiforgery token: refused.
        var noToken = await visitor.Client.PostAsync("/account/passkeys/request-options", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var response = await visitor.Client.PostAsync("/account/passkeys/request-options",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token!)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = options.RootElement;
        Assert.Equal("localhost", root.GetProperty("rpId").GetString());
        // The browser offers whichever passkeys it holds for the site; the answer says nothing about any account.
        Assert.True(!root.TryGetProperty("allowCredentials", out var allowed) || allowed.GetArrayLength() == 0);

        var forged = await visitor.PostAsync("/account/passkeys/sign-in",
            [new("CredentialJson", """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{}}"""), new("ReturnUrl", "/")], token);
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Equal("Sign in to Learning Reviews", forged.H1);
        Assert.Contains("The passkey was not accepted", forged.ErrorSummary, StringComparison.Ordinal);
        Assert.True((await visitor.GetAsync("/")).IsRedirect); // still signed out

        // Straight to the last step, with no options issued: a refusal, not an error page.
        using var other = new TestBrowser(app.NewBrowser());
        var otherToken = (await other.GetAsync("/account/sign-in")).AntiforgeryToken();
        var skipped = await other.PostAsync("/account/passkeys/sign-in", [new("CredentialJson", "{}")], otherToken);
        Assert.Equal(HttpStatusCode.OK, skipped.Status);
        Assert.Contains("The passkey was not accepted", skipped.ErrorSummary, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Resetting_someones_two_factor_sign_in_removes_their_passkeys(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var admin = await app.SignedInAsAsync("admin@demo.example");
        var tmId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "tm@demo.example").Select(u => u.Id).SingleAsync());
        await StorePasskeyAsync(app, tmId, "Lost phone");

        var edit = await admin.GetAsync($"/admin/users/{tmId}");
        var reset = await admin.PostAsync($"/admin/users/{tmId}/reset-two-factor", [], edit.AntiforgeryToken());

        Assert.True(reset.IsRedirect);
        Assert.Equal(0, await app.WithDbAsync(db => db.UserPasskeys.CountAsync(p => p.UserId == tmId)));
        var audited = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.TwoFactorReset));
        Assert.Equal("Passkeys removed: 1", audited.Detail);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_person_sees_renames_and_removes_their_own_passkeys_only(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var tmId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "tm@demo.example").Select(u => u.Id).SingleAsync());
        var leadId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "lead@demo.example").Select(u => u.Id).SingleAsync());
        var own = await StorePasskeyAsync(app, tmId, "Laptop");
        var someoneElses = await StorePasskeyAsync(app, leadId, "Lead's phone");

        var page = await tm.GetAsync("/account/passkeys");
        var rows = page.Html.QuerySelectorAll("#passkeys tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();
        Assert.Equal(["Laptop"], rows);

        var rename = await tm.GetAsync($"/account/passkeys/{own}/rename");
        Assert.Equal("Laptop", rename.InputValue("Name"));
        var blank = await tm.PostAsync($"/account/passkeys/{own}/rename", [new("Name", " ")], rename.AntiforgeryToken());
        Assert.Contains("Enter a name for the passkey", blank.ErrorSummary, StringComparison.Ordinal);
        var renamed = await tm.PostAsync($"/account/passkeys/{own}/rename", [new("Name", "Work laptop")], rename.AntiforgeryToken());
        Assert.True(renamed.IsRedirect);
        page = await tm.FollowAsync(renamed);
        Assert.Contains("Passkey renamed ‘Work laptop’", page.Html.QuerySelector(".govuk-notification-banner--success")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Work laptop", page.Html.QuerySelector("#passkeys tbody td")!.TextContent.Trim());

        // Someone else's passkey: not found, to rename or to remove.
        Assert.Equal(HttpStatusCode.NotFound, (await tm.GetAsync($"/account/passkeys/{someoneElses}/rename")).Status);
        Assert.Equal(HttpStatusCode.NotFound,
            (await tm.PostAsync($"/account/passkeys/{someoneElses}/remove", [], page.AntiforgeryToken())).Status);

        var removed = await tm.PostAsync($"/account/passkeys/{own}/remove", [], page.AntiforgeryToken());
        Assert.True(removed.IsRedirect);
        Assert.Equal(["Lead's phone"], await app.WithDbAsync(db => db.UserPasskeys.Select(p => p.Data.Name!).ToListAsync()));
        Assert.Contains(AuditActions.PasskeyRemoved, await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync()));
    }

    [Theory, InlineData(Provider.Sqlite)]
    public async Task Adding_a_passkey_needs_a_signed_in_person(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var visitor = new TestBrowser(app.NewBrowser());

        var page = await visitor.GetAsync("/account/passkeys");
        Assert.True(page.IsRedirect);
        Assert.StartsWith("/account/sign-in", new Uri(new Uri("https://localhost"), page.Location!).AbsolutePath, StringComparison.Ordinal);
        var token = (await visitor.GetAsync("/account/sign-in")).AntiforgeryToken();
        var options = await visitor.PostAsync("/account/passkeys/creation-options", [], token);
        Assert.True(options.IsRedirect);
    }

    /// <summary>A passkey as Identity stores one after a real ceremony (the browser test makes real ones); returns its id as the pages show it.</summary>
    private static async Task<string> StorePasskeyAsync(AppFactory app, string userId, string name)
    {
        var credentialId = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        await app.WithDbAsync(async db =>
        {
            db.UserPasskeys.Add(new IdentityUserPasskey<string>
            {
                CredentialId = credentialId,
                UserId = userId,
                Data = new IdentityPasskeyData
                {
                    PublicKey = [1, 2, 3],
                    Name = name,
                    CreatedAt = app.Clock.GetUtcNow(),
                    AttestationObject = [],
                    ClientDataJson = [],
                },
            });
            return await db.SaveChangesAsync();
        });
        return Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Encode(credentialId);
    }
}
