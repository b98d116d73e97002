using System.Security.Claims;
using LearningReviews.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LearningReviews.Web.Infrastructure.Security;

/// <summary>
/// Refuses sign-in to deactivated accounts, and marks passkey sign-ins; everything else is Identity's own behaviour.
/// </summary>
public sealed class ActiveUserSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && await base.CanSignInAsync(user);
    }

    /// <summary>
    /// The "amr" (authentication methods, RFC 8176) value on the sign-in cookie of someone who signed in with a
    /// passkey: proof of possession of a key. Identity keeps the first "amr" claim when it renews the cookie.
    /// </summary>
    public const string PasskeyMethod = "pop";

    /// <summary>
    /// Signs in with a passkey as Identity's <see cref="SignInManager{TUser}.PasskeySignInAsync"/> does (the
    /// assertion, then the deactivated, lockout and confirmation checks, then the passkey's new signature count
    /// is saved), but also says on the cookie that a passkey was used, which counts as two-factor sign-in.
    /// </summary>
    /// <returns>The result, and the account the passkey belongs to when the passkey itself was valid.</returns>
    public async Task<(SignInResult Result, ApplicationUser? User)> PasskeySignInWithMethodAsync(string credentialJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialJson);
        PasskeyAssertionResult<ApplicationUser> assertion;
        try
        {
            assertion = await PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // No request options were issued to this browser (or they were used already).
            return (SignInResult.Failed, null);
        }
        if (!assertion.Succeeded) return (SignInResult.Failed, null);

        var user = assertion.User;
        if (await PreSignInCheck(user) is { } refused) return (refused, user);
        if (!(await UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Succeeded) return (SignInResult.Failed, user);
        await ResetLockout(user);
        await SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", PasskeyMethod)]);
        return (SignInResult.Success, user);
    }
}
