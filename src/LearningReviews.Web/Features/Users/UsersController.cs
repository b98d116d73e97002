using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Identity;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Password;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Users;

/// <summary>
/// Administrators create accounts, set roles, agency and locality, send password links and deactivate accounts.
/// They never see or choose anyone's password.
/// </summary>
[Route("admin/users"), Authorize(Roles = Roles.Administrator)]
public sealed class UsersController(
    LearningReviewsDbContext db,
    UserManager<ApplicationUser> users,
    AccountProvisioning provisioning,
    PasswordLinks links,
    AuditLog audit,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync();
        var rolesByUser = await (from ur in db.UserRoles
                                 join r in db.Roles on ur.RoleId equals r.Id
                                 select new { ur.UserId, r.Name }).ToListAsync();
        var rows = accounts.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.IsActive,
                u.LockoutEnd is { } end && end > clock.GetUtcNow(),
                rolesByUser.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList()))
            .ToList();
        return View(rows);
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create() => View(await WithChoicesAsync(new UserForm()));

    [HttpPost("new")]
    public async Task<IActionResult> Create(UserForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid) return View(await WithChoicesAsync(form));
        // No password: the person chooses their own from the invitation link.
        var result = await provisioning.CreateAsync(new NewAccount(form.DisplayName!, form.Email!, form.Roles,
            ParseId(form.AgencyId), ParseId(form.LocalityId), Password: null));
        if (!result.Succeeded)
        {
            provisioning.CopyErrors(result, ModelState, nameof(UserForm.Email));
            return View(await WithChoicesAsync(form));
        }
        var created = await users.FindByEmailAsync(form.Email!);
        await links.QueueInvitationAsync(created!);
        audit.Add(AuditActions.UserCreated, "User", created!.Id, detail: "Roles: " + string.Join(", ", form.Roles));
        audit.Add(AuditActions.InvitationSent, "User", created.Id);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Account created for {form.DisplayName}. They have been sent a link to choose their password";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Emails the person a link to choose a password: an invitation if they never set one, otherwise a reset.</summary>
    [HttpPost("{id}/password-link")]
    public async Task<IActionResult> SendPasswordLink(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (await users.HasPasswordAsync(user))
        {
            await links.QueueResetAsync(user);
            audit.Add(AuditActions.PasswordResetRequested, "User", user.Id, detail: "Sent by an administrator");
        }
        else
        {
            await links.QueueInvitationAsync(user);
            audit.Add(AuditActions.InvitationSent, "User", user.Id, detail: "Sent again by an administrator");
        }
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{user.DisplayName} has been sent a link to choose a password";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var form = new UserForm
        {
            DisplayName = user.DisplayName,
            Email = user.Email,
            Roles = [.. await users.GetRolesAsync(user)],
            AgencyId = user.AgencyId?.ToString(),
            LocalityId = user.LocalityId?.ToString(),
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
        ViewData["UserId"] = user.Id;
        ViewData["IsActive"] = user.IsActive;
        return View(await WithChoicesAsync(form));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, UserForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        ViewData["UserId"] = user.Id;
        ViewData["IsActive"] = user.IsActive;
        if (!ModelState.IsValid) return View(await WithChoicesAsync(form));
        if (form.ConcurrencyStamp != user.ConcurrencyStamp)
        {
            ModelState.AddModelError(nameof(UserForm.DisplayName),
                "Someone else changed this account while you were editing it. Check the details below and make your changes again");
            ModelState.Remove(nameof(UserForm.ConcurrencyStamp));
            form.ConcurrencyStamp = user.ConcurrencyStamp;
            return View(await WithChoicesAsync(form));
        }

        var current = await users.GetRolesAsync(user);
        var isSelf = user.Id == users.GetUserId(User);
        var activeAdmins = await CountActiveAdministratorsAsync();
        var refusal = AccountRules.RefuseRoleChange(isSelf, current, form.Roles, user.IsActive, activeAdmins);
        if (refusal is not null)
        {
            await audit.RecordAsync(AuditActions.RoleChangeRefused, "User", user.Id, detail: refusal);
            ModelState.AddModelError(nameof(UserForm.Roles), refusal);
            return View(await WithChoicesAsync(form));
        }

        var changes = new List<string>();
        if (user.DisplayName != form.DisplayName!.Trim()) changes.Add("name");
        if (!string.Equals(user.Email, form.Email!.Trim(), StringComparison.OrdinalIgnoreCase)) changes.Add("email address");
        if (user.AgencyId != ParseId(form.AgencyId)) changes.Add("agency");
        if (user.LocalityId != ParseId(form.LocalityId)) changes.Add("locality");
        user.DisplayName = form.DisplayName!.Trim();
        user.Email = form.Email!.Trim();
        user.UserName = user.Email;
        user.AgencyId = ParseId(form.AgencyId);
        user.LocalityId = ParseId(form.LocalityId);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            provisioning.CopyErrors(updated, ModelState, nameof(UserForm.DisplayName));
            return View(await WithChoicesAsync(form));
        }
        var removed = current.Except(form.Roles).ToList();
        var added = form.Roles.Except(current).ToList();
        await users.RemoveFromRolesAsync(user, removed);
        await users.AddToRolesAsync(user, added);
        // New roles or locality change what the person may see: end their sessions so they sign in afresh.
        await users.UpdateSecurityStampAsync(user);
        if (added.Count > 0) changes.Add("roles added: " + string.Join(", ", added));
        if (removed.Count > 0) changes.Add("roles removed: " + string.Join(", ", removed));
        await audit.RecordAsync(AuditActions.UserUpdated, "User", user.Id,
            detail: changes.Count == 0 ? "No changes" : "Changed " + string.Join("; ", changes));
        TempData["Notice"] = $"Account updated for {user.DisplayName}";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// For someone who lost their authenticator app and recovery codes, or a device holding a passkey: their
    /// passkeys are removed and they set up two-factor sign-in afresh at their next sign-in.
    /// </summary>
    [HttpPost("{id}/reset-two-factor")]
    public async Task<IActionResult> ResetTwoFactor(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (user.Id == users.GetUserId(User))
        {
            TempData["Notice"] = "Ask another administrator to reset your own two-factor sign-in";
            return RedirectToAction(nameof(Index));
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        // A lost phone or laptop may hold a passkey too; the person adds passkeys again once signed in.
        var passkeys = await users.GetPasskeysAsync(user);
        foreach (var passkey in passkeys) await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorReset, "User", user.Id,
            detail: passkeys.Count == 0 ? null : $"Passkeys removed: {passkeys.Count}");
        TempData["Notice"] = $"{user.DisplayName} will set up two-factor sign-in again when they next sign in";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/deactivate")]
    public Task<IActionResult> Deactivate(string id) => SetActive(id, active: false);

    [HttpPost("{id}/reactivate")]
    public Task<IActionResult> Reactivate(string id) => SetActive(id, active: true);

    private async Task<IActionResult> SetActive(string id, bool active)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (!active && user.Id == users.GetUserId(User))
        {
            TempData["Notice"] = "You cannot deactivate your own account";
            return RedirectToAction(nameof(Index));
        }
        if (!active && user.IsActive && await users.IsInRoleAsync(user, Roles.Administrator) && await CountActiveAdministratorsAsync() <= 1)
        {
            await audit.RecordAsync(AuditActions.RoleChangeRefused, "User", user.Id, detail: AccountRules.LastAdministrator);
            TempData["Notice"] = AccountRules.LastAdministrator;
            return RedirectToAction(nameof(Index));
        }
        user.IsActive = active;
        user.DeactivatedAt = active ? null : clock.GetUtcNow().UtcDateTime;
        if (active) user.LockoutEnd = null;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(active ? AuditActions.UserReactivated : AuditActions.UserDeactivated, "User", user.Id);
        TempData["Notice"] = active ? $"{user.DisplayName} can sign in again" : $"{user.DisplayName} can no longer sign in";
        return RedirectToAction(nameof(Index));
    }

    private async Task<int> CountActiveAdministratorsAsync() =>
        (await users.GetUsersInRoleAsync(Roles.Administrator)).Count(u => u.IsActive);

    private async Task<UserForm> WithChoicesAsync(UserForm form)
    {
        form.RoleChoices = Roles.All.Select(r => new SelectListItem(r, r));
        // Ids become text in memory: SQLite would turn them into upper-case text, which no form value matches.
        form.AgencyChoices = (await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new { a.Name, a.Id }).ToListAsync()).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
        form.LocalityChoices = (await db.Localities.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Name)
            .Select(l => new { l.Name, l.Id }).ToListAsync()).Select(l => new SelectListItem(l.Name, l.Id.ToString())).ToList();
        return form;
    }

    private static Guid? ParseId(string? value) => Guid.TryParse(value, out var id) ? id : null;
}

public sealed record UserRow(string Id, string DisplayName, string Email, bool IsActive, bool IsLockedOut, IReadOnlyList<string> Roles);
