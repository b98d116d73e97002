using System.Globalization;
using LearningReviews.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace LearningReviews.Web.Infrastructure.Security;

/// <summary>
/// Tokens for the links in password-reset and invitation emails. A token holds the account, the purpose,
/// the time it was made (from <see cref="TimeProvider"/>, so tests can move the clock) and the account's
/// security stamp, encrypted with the application's data-protection keys. Setting a password changes the
/// security stamp, so a link works once; it also stops working after its purpose's lifespan.
/// </summary>
public sealed class TimedLinkTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IConfiguration configuration)
    : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string Name = "TimedLink";
    public const string InvitationPurpose = "Invitation";

    private readonly IDataProtector protector = protection.CreateProtector("LearningReviews.TimedLinkTokens");

    public TimeSpan LifespanOf(string purpose) => purpose == InvitationPurpose
        ? TimeSpan.FromDays(configuration.GetValue("Authentication:InvitationLinkDays", 7))
        : TimeSpan.FromMinutes(configuration.GetValue("Authentication:PasswordResetLinkMinutes", 120));

    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var stamp = await manager.GetSecurityStampAsync(user) ?? "";
        var made = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return protector.Protect(string.Join('\n', made, await manager.GetUserIdAsync(user), purpose, stamp));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        string[] parts;
        try
        {
            parts = protector.Unprotect(token ?? "").Split('\n');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var madeAt)) return false;
        var expires = DateTimeOffset.FromUnixTimeSeconds(madeAt) + LifespanOf(purpose);
        return expires > clock.GetUtcNow()
            && parts[1] == await manager.GetUserIdAsync(user)
            && parts[2] == purpose
            && parts[3] == (await manager.GetSecurityStampAsync(user) ?? "");
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(false);
}
