using System.Globalization;
using System.Security.Claims;
using LearningReviews.Domain.Access;

namespace LearningReviews.Web.Infrastructure.Security;

/// <summary>Turns the signed-in principal into the small UserContext the access rules work on.</summary>
public sealed class UserContextFactory(IHttpContextAccessor accessor)
{
    public UserContext Current()
    {
        var principal = accessor.HttpContext?.User
                        ?? throw new InvalidOperationException("There is no signed-in user outside a request.");
        return From(principal);
    }

    public static UserContext From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
                     ?? throw new InvalidOperationException("The user is not signed in.");
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var locality = principal.FindFirstValue(LearningReviewsClaimsPrincipalFactory.LocalityClaim);
        return new UserContext(userId, roles,
            Guid.TryParse(locality, CultureInfo.InvariantCulture, out var id) ? id : null);
    }
}
