using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Web.Infrastructure.Security;
using LearningReviews.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace LearningReviews.Web.Features.Account;

[Route("account"), AllowWithoutTwoFactor]
public sealed class AccountController(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    AuditLog audit,
    SignInAttemptLimiter attempts) : Controller
{
    // Shown for every refusal, locked and deactivated accounts included, so the page never says whether
    // an account exists or what state it is in.
    internal const string SignInRefused = "Enter a correct email address and password";

    // A password hash to check guesses against when there is no real one to check (unknown email, locked or
    // deactivated account), so those answers take as long as a wrong password does.
    private static string? decoyHash;

    [HttpGet("sign-in"), AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) =>
        View(new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in"), AllowAnonymous, EnableRateLimiting(RateLimiting.SignInPolicy)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid) return View(form);
        if (!attempts.TryAttempt(form.Email)) return StatusCode(StatusCodes.Status429TooManyRequests);

        var user = await userManager.FindByEmailAsync(form.Email!);
        SignInResult result;
        if (user is null || !user.IsActive || await userManager.IsLockedOutAsync(user))
        {
            // Identity answers these without hashing; hash anyway so the time gives nothing away.
            HashDecoy(form.Password!);
            result = user is not null && user.IsActive ? SignInResult.LockedOut : SignInResult.Failed;
        }
        else
        {
            result = await signInManager.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);
        }

        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignedIn, "User", user!.Id);
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right; Identity holds the half-done sign-in in its own cookie until the code comes.
            return Redirect("/account/two-factor" + (Url.IsLocalUrl(form.ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(form.ReturnUrl) : ""));
        }

        // Every refusal is recorded, for an unknown address too (without the typed address), which also
        // keeps the time taken the same whether or not the account exists.
        await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, "User", user?.Id,
            detail: user is null ? "No active account has this address" : null);
        ModelState.AddModelError(nameof(SignInForm.Email), SignInRefused);
        return View(form);
    }

    private void HashDecoy(string password)
    {
        var hasher = userManager.PasswordHasher;
        var decoyUser = new ApplicationUser();
        decoyHash ??= hasher.HashPassword(decoyUser, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(decoyUser, decoyHash, password);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutOfService()
    {
        var userId = userManager.GetUserId(User);
        await signInManager.SignOutAsync();
        await audit.RecordAsync(AuditActions.SignedOut, "User", userId);
        return RedirectToAction(nameof(SignedOut));
    }

    [HttpGet("signed-out"), AllowAnonymous]
    public IActionResult SignedOut() => View();

    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
