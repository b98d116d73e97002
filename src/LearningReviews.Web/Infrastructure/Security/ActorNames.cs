using System.Security.Claims;

namespace LearningReviews.Web.Infrastructure.Security;

/// <summary>How a signed-in person is named on what they record (history rows, files, meeting records).</summary>
public static class ActorNames
{
    /// <summary>The display name from sign-in, else the user name, else "Unknown".</summary>
    public static string ActorName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(LearningReviewsClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? user.Identity?.Name ?? "Unknown";
    }
}
