using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LearningReviews.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    AuditLog audit) : Controller
{
    // Shown for every refusal, so the page never says whether an account exists.
    internal const string SignInRefused = "Enter a correct email address and password";
    internal const string LockedOutMessage =
        "Your account is locked because of too many attempts to sign in. Try again in 15 minutes, or ask an administrator to unlock it.";

    [HttpGet("sign-in"), AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) =>
        View(new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in"), AllowAnonymous]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid) return View(form);

        var user = await userManager.FindByEmailAsync(form.Email!);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignedIn, "User", user!.Id);
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }

        if (user is not null)
        {
            await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, "User", user.Id);
        }
        ModelState.AddModelError(nameof(SignInForm.Email), result.IsLockedOut ? LockedOutMessage : SignInRefused);
        return View(form);
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
