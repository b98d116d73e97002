using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Web.Features.Users;
using LearningReviews.Web.Infrastructure.Security;
using LearningReviews.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningReviews.Web.Features.Password;

/// <summary>
/// People look after their own passwords: change it when signed in, or set it from an emailed link (a reset
/// they asked for, or an invitation to a new account). No page says whether an email address has an account.
/// </summary>
[Route("account")]
public sealed class PasswordController(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    PasswordLinks links,
    AccountProvisioning provisioning,
    SignInAttemptLimiter attempts,
    AuditLog audit) : Controller
{
    [HttpGet("password")]
    public IActionResult Change() => View(new ChangePasswordForm());

    [HttpPost("password"), EnableRateLimiting(RateLimiting.SignInPolicy)]
    public async Task<IActionResult> Change(ChangePasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid) return View(new ChangePasswordForm());
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? nameof(ChangePasswordForm.CurrentPassword) : nameof(ChangePasswordForm.NewPassword);
                var message = error.Code == "PasswordMismatch" ? "Your current password is not correct" : error.Description.TrimEnd('.');
                if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0) continue;
                ModelState.AddModelError(field, message);
            }
            return View(new ChangePasswordForm());
        }
        // The new security stamp ends every other session; this one carries on.
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditActions.PasswordChanged, "User", user.Id);
        TempData["Notice"] = "Your password has been changed";
        return Redirect("/");
    }

    [HttpGet("forgot-password"), AllowAnonymous]
    public IActionResult Forgot() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password"), AllowAnonymous, EnableRateLimiting(RateLimiting.SignInPolicy)]
    public async Task<IActionResult> Forgot(ForgotPasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid) return View(form);
        if (!attempts.TryAttempt(form.Email)) return StatusCode(StatusCodes.Status429TooManyRequests);

        var user = await users.FindByEmailAsync(form.Email!);
        if (user is { IsActive: true })
        {
            await links.QueueResetAsync(user);
            audit.Add(AuditActions.PasswordResetRequested, "User", user.Id, detail: "Asked for by the account holder");
            await users.UpdateAsync(user); // saves the queued message and the audit entry together
        }
        else
        {
            // One write either way, so the answer takes about as long whether or not the address has an
            // account; the row also shows someone probing for addresses. The typed address is not kept.
            await audit.RecordAsync(AuditActions.PasswordResetRequested, "User", null, detail: "Asked for an address with no active account");
        }
        // The same page whatever happened: it must not tell anyone whether the address has an account.
        return View("ForgotSent");
    }

    [HttpGet("reset-password"), AllowAnonymous]
    public Task<IActionResult> Reset(string? user, string? token) => ShowLinkPageAsync(user, token, invitation: false);

    [HttpPost("reset-password"), AllowAnonymous, EnableRateLimiting(RateLimiting.SignInPolicy)]
    public Task<IActionResult> Reset(SetPasswordForm form) => SetFromLinkAsync(form, invitation: false);

    [HttpGet("set-up"), AllowAnonymous]
    public Task<IActionResult> Invitation(string? user, string? token) => ShowLinkPageAsync(user, token, invitation: true);

    [HttpPost("set-up"), AllowAnonymous, EnableRateLimiting(RateLimiting.SignInPolicy)]
    public Task<IActionResult> Invitation(SetPasswordForm form) => SetFromLinkAsync(form, invitation: true);

    private async Task<IActionResult> ShowLinkPageAsync(string? userId, string? token, bool invitation)
    {
        // Reading the page uses nothing up; only setting the password does.
        var user = await FindLinkUserAsync(userId, token, invitation);
        if (user is null) return LinkNotValid();
        ViewData["Invitation"] = invitation;
        return View("SetPassword", new SetPasswordForm { User = userId, Token = token });
    }

    private async Task<IActionResult> SetFromLinkAsync(SetPasswordForm form, bool invitation)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await FindLinkUserAsync(form.User, form.Token, invitation);
        if (user is null) return LinkNotValid();
        ViewData["Invitation"] = invitation;
        if (!ModelState.IsValid) return View("SetPassword", Blank(form));

        IdentityResult result;
        if (invitation)
        {
            // AddPassword changes the security stamp, so the invitation link cannot be used again.
            result = await users.AddPasswordAsync(user, form.NewPassword!);
        }
        else
        {
            result = await users.ResetPasswordAsync(user, form.Token!, form.NewPassword!);
        }
        if (!result.Succeeded)
        {
            provisioning.CopyErrors(result, ModelState, nameof(SetPasswordForm.NewPassword), nameof(SetPasswordForm.NewPassword));
            return View("SetPassword", Blank(form));
        }
        // A reset also ends a lockout: the person has just proved they hold the mailbox.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Add(invitation ? AuditActions.PasswordChanged : AuditActions.PasswordReset, "User", user.Id,
            detail: invitation ? "First password chosen from the invitation link" : "Reset from an emailed link");
        await users.UpdateAsync(user);
        TempData["Notice"] = invitation
            ? "Your password has been set. Sign in with your email address and new password"
            : "Your password has been changed. Sign in with your email address and new password";
        return Redirect("/account/sign-in");
    }

    private async Task<ApplicationUser?> FindLinkUserAsync(string? userId, string? token, bool invitation)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || userId.Length > 100 || token.Length > 2000) return null;
        var user = await users.FindByIdAsync(userId);
        if (user is not { IsActive: true }) return null;
        var valid = invitation
            ? !await users.HasPasswordAsync(user)
              && await users.VerifyUserTokenAsync(user, TimedLinkTokenProvider.Name, TimedLinkTokenProvider.InvitationPurpose, token)
            : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
                UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }

    private ViewResult LinkNotValid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("LinkNotValid");
    }

    private static SetPasswordForm Blank(SetPasswordForm form) => new() { User = form.User, Token = form.Token };
}
