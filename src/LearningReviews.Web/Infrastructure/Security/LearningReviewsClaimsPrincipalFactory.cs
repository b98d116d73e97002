using System.Globalization;
using System.Security.Claims;
using LearningReviews.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LearningReviews.Web.Infrastructure.Security;

/// <summary>Adds the display name, locality and demo flag to the sign-in cookie so pages need not look them up.</summary>
public sealed class LearningReviewsClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "display_name";
    public const string LocalityClaim = "locality_id";
    public const string DemoAccountClaim = "demo_account";
    public const string TwoFactorClaim = "two_factor_enabled";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.LocalityId is { } locality)
        {
            identity.AddClaim(new Claim(LocalityClaim, locality.ToString("D", CultureInfo.InvariantCulture)));
        }
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(TwoFactorClaim, "true"));
        if (user.IsDemo) identity.AddClaim(new Claim(DemoAccountClaim, "true"));
        return identity;
    }
}
