using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Identity;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Web.Features.Users;
using LearningReviews.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningReviews.Web.Features.Setup;

/// <summary>
/// The first-run page: creates the first administrator, once, for whoever holds the setup token.
/// After that the page no longer exists.
/// </summary>
[Route("setup"), AllowAnonymous]
public sealed class SetupController(
    SetupToken token,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AccountProvisioning provisioning,
    AuditLog audit) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => token.Value is null ? NotFound() : View(new SetupForm());

    [HttpPost(""), EnableRateLimiting(RateLimiting.SetupPolicy)]
    public async Task<IActionResult> Index(SetupForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (token.Value is null) return NotFound();
        if (!ModelState.IsValid) return View(form);
        if (!token.Matches(form.Token))
        {
            // Nobody is signed in yet: the entry records the address the attempt came from.
            await audit.RecordAsync(AuditActions.SetupFailed, "Setup", entityId: null, detail: "Wrong setup token");
            ModelState.AddModelError(nameof(SetupForm.Token), "The setup token is not correct. Copy it from the application's console");
            return View(form);
        }

        var result = await provisioning.CreateAsync(new NewAccount(
            form.DisplayName!, form.Email!, [Roles.Administrator], AgencyId: null, LocalityId: null, form.Password));
        if (!result.Succeeded)
        {
            provisioning.CopyErrors(result, ModelState, nameof(SetupForm.Password));
            await audit.RecordAsync(AuditActions.SetupFailed, "Setup", entityId: null, detail: "Account not accepted");
            return View(form);
        }

        token.Spend();
        var admin = await users.FindByEmailAsync(form.Email!);
        await signIn.SignInAsync(admin!, isPersistent: false);
        await audit.RecordAsync(AuditActions.SetupCompleted, "User", admin!.Id);
        return Redirect("/admin/users");
    }
}
