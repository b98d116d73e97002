using LearningReviews.Domain.Access;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;

namespace LearningReviews.Domain.RapidReviews;

/// <summary>Who records the national panel's response to a rapid review.</summary>
public static class RapidReviewAccess
{
    public const string MethodologyKey = "rapid-review";

    /// <summary>
    /// Those who record the decision (the decision stage's actors: Business Manager, Subgroup Member, the
    /// review's Chair), on a rapid review that was not withdrawn: the response usually arrives after it closed.
    /// </summary>
    public static bool MayRecordPanelResponse(UserContext user, Review review, WorkflowDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);
        if (review.MethodologyKey != MethodologyKey || review.Status == ReviewStatus.Withdrawn) return false;
        if (!ReviewAccessPolicy.MaySee(user, review, definition)) return false;
        return user.IsInRole(Roles.BusinessManager) || user.IsInRole(Roles.SubgroupMember)
               || ReviewAccessPolicy.RolesIn(user, review).Contains(ReviewRole.Chair);
    }
}
