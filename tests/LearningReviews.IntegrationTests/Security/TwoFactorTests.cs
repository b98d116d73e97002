using System.Net;
using LearningReviews.Domain.Auditing;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Security;

/// <summary>Two-factor sign-in with an authenticator app; the test computes the codes as an app would (RFC 6238).</summary>
public sealed class TwoFactorTests
{
    private static readonly Dictionary<string, string> AdministratorsNeedTwoFactor = new()
    {
        ["Authentication:RequireTwoFactorForRoles:0"] = "Administrator",
    };

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_administrator_must_set_up_an_authenticator_and_then_signs_in_with_its_code(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider, settings: AdministratorsNeedTwoFactor);
        using var admin = await app.SignedInAsAsync("admin@demo.example");

        // Nothing else opens until two-factor sign-in is set up.
        var users = await admin.GetAsync("/admin/users");
        Assert.Equal("/account/two-factor/setup", users.Location);
        var start = await admin.GetAsync("/account/two-factor/setup");
        Assert.Equal("Set up two-factor sign-in", start.H1);
        await admin.PostAsync("/account/two-factor/setup/start", [], start.AntiforgeryToken());
        var setup = await admin.GetAsync("/account/two-factor/setup");
        Assert.NotNull(setup.Html.QuerySelector(".app-qr-code svg"));
        var key = setup.Html.GetElementById("authenticator-key")!.TextContent;

        var wrong = await admin.PostAsync("/account/two-factor/setup", [new("Code", "000000")], setup.AntiforgeryToken());
        Assert.Contains("Enter the 6-digit code", wrong.ErrorSummary, StringComparison.Ordinal);
        var done = await admin.PostAsync("/account/two-factor/setup", [new("Code", Totp(key, DateTimeOffset.UtcNow))], setup.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, done.Status);
        var recoveryCodes = done.Html.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).Status);

        // Next time: password, then code.
        using var again = new TestBrowser(app.NewBrowser());
        var password = await again.SubmitAsync("/account/sign-in", [new("Email", "admin@demo.example"), new("Password", AppFactory.DemoPassword)]);
        Assert.Equal("/account/two-factor", password.Location);
        Assert.True((await again.GetAsync("/admin/users")).IsRedirect); // not signed in yet
        var badCode = await again.SubmitAsync("/account/two-factor", [new("Code", "123456")]);
        Assert.Contains("Enter the 6-digit code", badCode.ErrorSummary, StringComparison.Ordinal);
        var code = await again.SubmitAsync("/account/two-factor", [new("Code", Totp(key, DateTimeOffset.UtcNow.AddSeconds(30)))]);
        Assert.True(code.IsRedirect, code.ErrorSummary);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin/users")).Status);

        // A recovery code works once.
        using var recovering = new TestBrowser(app.NewBrowser());
        await recovering.SubmitAsync("/account/sign-in", [new("Email", "admin@demo.example"), new("Password", AppFactory.DemoPassword)]);
        var recovered = await recovering.SubmitAsync("/account/two-factor/recovery", [new("Code", recoveryCodes[0])]);
        Assert.True(recovered.IsRedirect, recovered.ErrorSummary);
        using var reusing = new TestBrowser(app.NewBrowser());
        await reusing.SubmitAsync("/account/sign-in", [new("Email", "admin@demo.example"), new("Password", AppFactory.DemoPassword)]);
        var reused = await reusing.SubmitAsync("/account/two-factor/recovery", [new("Code", recoveryCodes[0])]);
        Assert.False(reused.IsRedirect);

        var actions = await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.TwoFactorEnabled, actions);
        Assert.Contains(AuditActions.RecoveryCodeUsed, actions);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Roles_not_listed_sign_in_with_a_password_alone(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider, settings: AdministratorsNeedTwoFactor);
        using var tm = await app.SignedInAsAsync("tm@demo.example");

        Assert.Equal(HttpStatusCode.OK, (await tm.GetAsync("/")).Status);
    }

    private static string Totp(string manualKey, DateTimeOffset at) => AuthenticatorCodes.At(manualKey, at);
}
