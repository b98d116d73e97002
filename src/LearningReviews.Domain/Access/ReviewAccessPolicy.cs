using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;

namespace LearningReviews.Domain.Access;

/// <summary>Who is asking: enough about the signed-in user to decide what they may see.</summary>
public sealed record UserContext(string UserId, IReadOnlySet<string> Roles, Guid? LocalityId)
{
    public bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>
/// Decides whether a user may see a review. A review's data is visible only to its participants
/// (and whoever proposed it) and to the roles its methodology names as overseeing that kind of
/// review; for locality-based methodologies, also to the managers of the review's own locality.
/// Administrators manage accounts and do not see case data by virtue of that role.
/// </summary>
public static class ReviewAccessPolicy
{
    public static readonly IReadOnlyList<string> LocalityManagerRoles =
        [Roles.HeadOfLocality, Roles.ServiceManager, Roles.TeamManager];

    public static bool MaySee(UserContext user, Review review, WorkflowDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);

        if (review.CreatedBy == user.UserId) return true;
        if (review.Participants.Any(p => p.UserId == user.UserId)) return true;
        if (definition is null) return false;
        if (definition.Oversight.Any(user.IsInRole)) return true;

        return definition.LocalityOversight
            && review.LocalityId is { } locality
            && user.LocalityId == locality
            && LocalityManagerRoles.Any(user.IsInRole);
    }

    /// <summary>
    /// In a review of several families, the cases this user may see the details of: a participant tied
    /// to one family sees that family only; everyone else who may see the review sees them all.
    /// </summary>
    public static bool MaySeeCase(UserContext user, Review review, Guid caseId)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);
        var mine = review.Participants.Where(p => p.UserId == user.UserId).ToList();
        if (mine.Count == 0 || mine.Any(p => p.CaseId is null)) return true;
        return mine.Any(p => p.CaseId == caseId);
    }
}
