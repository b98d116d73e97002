using LearningReviews.Domain.Identity;
using LearningReviews.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningReviews.Web.Features.Users;

public sealed record NewAccount(
    string DisplayName, string Email, IReadOnlyCollection<string> Roles, Guid? AgencyId, Guid? LocalityId, string? Password,
    bool IsDemo = false);

/// <summary>Creates accounts with their roles; used by first-run setup, the Users pages and demo seeding.</summary>
public sealed class AccountProvisioning(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock)
{
    public async Task<IdentityResult> CreateAsync(NewAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        await EnsureRolesExistAsync();
        var user = new ApplicationUser
        {
            UserName = account.Email.Trim(),
            Email = account.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = account.DisplayName.Trim(),
            AgencyId = account.AgencyId,
            LocalityId = account.LocalityId,
            IsDemo = account.IsDemo,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = account.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, account.Password);
        if (!created.Succeeded) return created;
        return await users.AddToRolesAsync(user, account.Roles.Where(Domain.Identity.Roles.Exists));
    }

    public async Task EnsureRolesExistAsync()
    {
        foreach (var role in Domain.Identity.Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Puts Identity's messages on the form: email problems by the email field, the rest by the password.</summary>
    public void CopyErrors(IdentityResult result, ModelStateDictionary modelState, string passwordField, string emailField = "Email")
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in result.Errors)
        {
            var field = error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal)
                ? emailField
                : passwordField;
            var message = error.Code is "DuplicateEmail" or "DuplicateUserName"
                ? "An account with this email address already exists"
                : error.Description.TrimEnd('.');
            if (modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0) continue;
            modelState.AddModelError(field, message);
        }
    }
}
