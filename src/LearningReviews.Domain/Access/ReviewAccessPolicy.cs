using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Domain.Access;

/// <summary>Who is asking: enough about the signed-in user to decide what they may see.</summary>
public sealed record UserContext(string UserId, IReadOnlySet<string> Roles, Guid? LocalityId)
{
    public bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>
/// Decides whether a user may see a review. A review's data is visible only to its participants
/// (and whoever proposed it) and to the roles that oversee that kind of review; for a locality
/// review those are the managers of the same locality and the QA Team Manager. Administrators
/// manage accounts and do not see case data by virtue of that role.
/// </summary>
public static class ReviewAccessPolicy
{
    private static readonly string[] LocalityOversightRoles =
        [Roles.HeadOfLocality, Roles.ServiceManager, Roles.TeamManager];

    public static bool MaySee(UserContext user, Review review)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);

        if (review.CreatedBy == user.UserId) return true;
        if (review.Participants.Any(p => p.UserId == user.UserId)) return true;
        if (user.IsInRole(Roles.QaTeamManager)) return true;

        return review.LocalityId is { } locality
            && user.LocalityId == locality
            && LocalityOversightRoles.Any(user.IsInRole);
    }
}
