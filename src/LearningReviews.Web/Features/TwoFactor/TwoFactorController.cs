using System.Text;
using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Web.Infrastructure.Security;
using LearningReviews.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;

namespace LearningReviews.Web.Features.TwoFactor;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, Identity's authenticator token provider): the second
/// step of signing in, recovery codes, and setting it up.
/// </summary>
[Route("account/two-factor"), AllowWithoutTwoFactor]
public sealed class TwoFactorController(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    AuditLog audit) : Controller
{
    internal const string CodeRefused = "Enter the 6-digit code shown in your authenticator app";
    private const string Issuer = "Learning Reviews";

    [HttpGet(""), AllowAnonymous]
    public async Task<IActionResult> Code(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Redirect("/account/sign-in");
        return View(new TwoFactorCodeForm { ReturnUrl = returnUrl });
    }

    [HttpPost(""), AllowAnonymous, EnableRateLimiting(RateLimiting.SignInPolicy)]
    public async Task<IActionResult> Code(TwoFactorCodeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Redirect("/account/sign-in");
        var code = Digits(form.Code);
        var result = code.Length == 6
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignedIn, "User", user.Id, detail: "Password and authenticator code");
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }
        await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, "User", user.Id,
            detail: "Wrong authenticator code");
        ModelState.AddModelError(nameof(TwoFactorCodeForm.Code), CodeRefused);
        return View(new TwoFactorCodeForm { ReturnUrl = form.ReturnUrl });
    }

    [HttpGet("recovery"), AllowAnonymous]
    public async Task<IActionResult> Recovery(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Redirect("/account/sign-in");
        return View(new TwoFactorCodeForm { ReturnUrl = returnUrl });
    }

    [HttpPost("recovery"), AllowAnonymous, EnableRateLimiting(RateLimiting.SignInPolicy)]
    public async Task<IActionResult> Recovery(TwoFactorCodeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Redirect("/account/sign-in");
        var code = (form.Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = code.Length is > 0 and <= 50
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.RecoveryCodeUsed, "User", user.Id,
                detail: $"Recovery codes left: {await users.CountRecoveryCodesAsync(user)}");
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }
        await audit.RecordAsync(AuditActions.SignInFailed, "User", user.Id, detail: "Wrong recovery code");
        ModelState.AddModelError(nameof(TwoFactorCodeForm.Code), "Enter one of your recovery codes, exactly as it was shown");
        return View(new TwoFactorCodeForm { ReturnUrl = form.ReturnUrl });
    }

    [HttpGet("setup")]
    public async Task<IActionResult> Setup()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return View("AlreadyOn");
        var key = await users.GetAuthenticatorKeyAsync(user);
        // No key yet: the page offers a button that makes one (a POST: nothing changes on GET).
        if (string.IsNullOrEmpty(key)) return View("SetupStart");
        return View(SetupModel(user, key, new TwoFactorCodeForm()));
    }

    [HttpPost("setup/start")]
    public async Task<IActionResult> Start()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) await users.ResetAuthenticatorKeyAsync(user);
        return Redirect("/account/two-factor/setup");
    }

    [HttpPost("setup"), EnableRateLimiting(RateLimiting.SignInPolicy)]
    public async Task<IActionResult> Setup(TwoFactorCodeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (user.TwoFactorEnabled || string.IsNullOrEmpty(key)) return Redirect("/account/two-factor/setup");

        var code = Digits(form.Code);
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(TwoFactorCodeForm.Code), CodeRefused);
            return View(SetupModel(user, key, new TwoFactorCodeForm()));
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        // Renews the cookie, so it now says two-factor sign-in is on.
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, "User", user.Id);
        // Shown once, in the answer to this POST, never stored anywhere readable.
        return View("RecoveryCodes", recoveryCodes?.ToList() ?? []);
    }

    private static AuthenticatorSetup SetupModel(ApplicationUser user, string key, TwoFactorCodeForm form)
    {
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.Id)}" +
                  $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(5);
        return new AuthenticatorSetup(Grouped(key), svg, form);
    }

    /// <summary>The key in groups of four, easier to type into an app.</summary>
    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    private static string Digits(string? code) => new((code ?? "").Where(char.IsAsciiDigit).Take(7).ToArray());
}
