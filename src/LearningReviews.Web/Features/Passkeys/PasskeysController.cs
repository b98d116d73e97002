using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Account;
using LearningReviews.Web.Infrastructure.Security;
using LearningReviews.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace LearningReviews.Web.Features.Passkeys;

/// <summary>
/// Passkeys (WebAuthn) with ASP.NET Core Identity's own support: adding, listing and removing them on the
/// account's Passkeys page, and signing in with one. The browser side is wwwroot/js/passkeys.js: it asks for
/// options here, calls navigator.credentials, and posts the answer in an ordinary form. Without JavaScript the
/// passkey buttons stay hidden and password sign-in works as before.
/// </summary>
/// <remarks>
/// A passkey sign-in counts as two-factor sign-in (see <see cref="TwoFactorRequirementFilter"/>). People whose
/// role needs two factors set up the authenticator app first (this page is not open to them until then), so they
/// always have recovery codes too.
/// </remarks>
[Route("account/passkeys")]
public sealed class PasskeysController(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    AuditLog audit,
    ILogger<PasskeysController> logger) : Controller
{
    /// <summary>Enough for a few devices and security keys.</summary>
    public const int MaxPasskeysPerAccount = 10;

    /// <summary>A registration or assertion with "none" attestation is a few kilobytes; anything far larger is not a browser's answer.</summary>
    private const int MaxCredentialJsonLength = 64 * 1024;

    internal const string NotAdded = "The passkey was not added. Try again, or use a different device or security key";
    internal const string NotAccepted = "The passkey was not accepted. Try again, or sign in with your email address and password";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(await PageAsync(user, new AddPasskeyForm()));
    }

    /// <summary>Step 1 of adding a passkey: the options for navigator.credentials.create, as JSON.</summary>
    [HttpPost("creation-options"), EnableRateLimiting(RateLimiting.SignInPolicy)]
    public async Task<IActionResult> CreationOptions()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if ((await users.GetPasskeysAsync(user)).Count >= MaxPasskeysPerAccount) return Conflict();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id,
            Name = user.Email ?? user.UserName ?? user.Id,
            DisplayName = user.DisplayName,
        });
        return Content(options, "application/json");
    }

    /// <summary>Step 2 of adding a passkey: the browser's new credential, checked against the options from step 1.</summary>
    [HttpPost("add"), EnableRateLimiting(RateLimiting.SignInPolicy)]
    public async Task<IActionResult> Add(AddPasskeyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var existing = await users.GetPasskeysAsync(user);

        var name = (form.Name ?? "").Trim();
        if (name.Length == 0) ModelState.AddModelError(nameof(AddPasskeyForm.Name), "Enter a name for the passkey, like Work laptop");
        else if (name.Length > AddPasskeyForm.NameMaxLength)
            ModelState.AddModelError(nameof(AddPasskeyForm.Name), $"Name must be {AddPasskeyForm.NameMaxLength} characters or fewer");
        if (existing.Count >= MaxPasskeysPerAccount)
            ModelState.AddModelError("", $"You have {MaxPasskeysPerAccount} passkeys, the most an account can have. Remove one first");
        if (!ModelState.IsValid) return View("Index", await PageAsync(user, form));

        var attestation = await AttestAsync(form.CredentialJson);
        if (attestation is not { Succeeded: true }
            || attestation.UserEntity.Id != user.Id
            || attestation.Passkey.CredentialId.Length > LearningReviewsDbContext.MaxPasskeyCredentialIdBytes)
        {
            if (attestation?.Failure is { } failure) logger.LogInformation("A passkey was not added: {Reason}", failure.Message);
            ModelState.AddModelError("", NotAdded);
            return View("Index", await PageAsync(user, form));
        }
        attestation.Passkey.Name = name;
        var saved = await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey);
        if (!saved.Succeeded)
        {
            ModelState.AddModelError("", NotAdded);
            return View("Index", await PageAsync(user, form));
        }
        await audit.RecordAsync(AuditActions.PasskeyAdded, "User", user.Id);
        TempData["Notice"] = $"Passkey ‘{name}’ added. You can use it to sign in";
        return Redirect("/account/passkeys");
    }

    [HttpGet("{id}/rename")]
    public async Task<IActionResult> Rename(string id)
    {
        var (_, passkey) = await FindOwnAsync(id);
        if (passkey is null) return NotFound();
        return View(new RenamePasskeyForm { Id = id, Name = PasskeyRow.From(passkey).Name });
    }

    [HttpPost("{id}/rename")]
    public async Task<IActionResult> Rename(string id, RenamePasskeyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (user, passkey) = await FindOwnAsync(id);
        if (user is null || passkey is null) return NotFound();
        var name = (form.Name ?? "").Trim();
        if (name.Length == 0) ModelState.AddModelError(nameof(RenamePasskeyForm.Name), "Enter a name for the passkey, like Work laptop");
        else if (name.Length > AddPasskeyForm.NameMaxLength)
            ModelState.AddModelError(nameof(RenamePasskeyForm.Name), $"Name must be {AddPasskeyForm.NameMaxLength} characters or fewer");
        if (!ModelState.IsValid) return View(new RenamePasskeyForm { Id = id, Name = form.Name });
        passkey.Name = name;
        var saved = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!saved.Succeeded) return Conflict();
        TempData["Notice"] = $"Passkey renamed ‘{name}’";
        return Redirect("/account/passkeys");
    }

    [HttpPost("{id}/remove")]
    public async Task<IActionResult> Remove(string id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var credentialId = Decode(id);
        var passkey = credentialId is null ? null : await users.GetPasskeyAsync(user, credentialId);
        if (passkey is null) return NotFound();
        var removed = await users.RemovePasskeyAsync(user, credentialId!);
        if (!removed.Succeeded) return Conflict();
        await audit.RecordAsync(AuditActions.PasskeyRemoved, "User", user.Id);
        TempData["Notice"] = $"Passkey ‘{PasskeyRow.From(passkey).Name}’ removed";
        return Redirect("/account/passkeys");
    }

    /// <summary>Step 1 of signing in with a passkey: the options for navigator.credentials.get, as JSON.</summary>
    /// <remarks>
    /// No account is named: the browser offers the passkeys it holds for this site (discoverable credentials),
    /// so the answer never says whether an email address has an account.
    /// </remarks>
    [HttpPost("request-options"), AllowAnonymous, AllowWithoutTwoFactor, EnableRateLimiting(RateLimiting.SignInPolicy)]
    public async Task<IActionResult> RequestOptions() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>Step 2 of signing in with a passkey: the browser's signed answer.</summary>
    [HttpPost("sign-in"), AllowAnonymous, AllowWithoutTwoFactor, EnableRateLimiting(RateLimiting.SignInPolicy)]
    public async Task<IActionResult> SignIn(PasskeySignInForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var json = form.CredentialJson;
        var (result, user) = string.IsNullOrWhiteSpace(json) || json.Length > MaxCredentialJsonLength
            ? (Microsoft.AspNetCore.Identity.SignInResult.Failed, null)
            : await ((ActiveUserSignInManager)signIn).PasskeySignInWithMethodAsync(json);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignedIn, "User", user!.Id, detail: "Passkey");
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }
        if (user is not null)
        {
            await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, "User", user.Id,
                detail: "Passkey");
        }
        ModelState.AddModelError("", NotAccepted);
        return View("~/Features/Account/SignIn.cshtml", new SignInForm { ReturnUrl = form.ReturnUrl });
    }

    private async Task<PasskeyAttestationResult?> AttestAsync(string? credentialJson)
    {
        if (string.IsNullOrWhiteSpace(credentialJson) || credentialJson.Length > MaxCredentialJsonLength) return null;
        try
        {
            return await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // No creation options were issued to this browser (or they were used already).
            return null;
        }
    }

    private async Task<PasskeysPage> PageAsync(ApplicationUser user, AddPasskeyForm form)
    {
        var passkeys = (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt).Select(PasskeyRow.From).ToList();
        return new PasskeysPage(passkeys, form, passkeys.Count < MaxPasskeysPerAccount);
    }

    /// <summary>The signed-in person's passkey with this id, or null: other people's passkeys are not found.</summary>
    private async Task<(ApplicationUser? User, UserPasskeyInfo? Passkey)> FindOwnAsync(string? id)
    {
        var user = await users.GetUserAsync(User);
        var credentialId = Decode(id);
        if (user is null || credentialId is null) return (user, null);
        return (user, await users.GetPasskeyAsync(user, credentialId));
    }

    private static byte[]? Decode(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 2 * LearningReviewsDbContext.MaxPasskeyCredentialIdBytes) return null;
        try
        {
            return Base64UrlTextEncoder.Decode(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
