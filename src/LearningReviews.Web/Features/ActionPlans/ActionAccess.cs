using LearningReviews.Domain.Access;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;

namespace LearningReviews.Web.Features.ActionPlans;

/// <summary>
/// Who may change an action's status and evidence, on a review they may see: its owner (chosen from the
/// accounts), whoever runs the review (lead author or reviewer, chair, co-ordinator), and the methodology's
/// oversight roles (the business manager and subgroup members monitor action plans). Unlike the stage
/// operations this does not end when the review closes: actions are followed up long after.
/// </summary>
public static class ActionAccess
{
    public static bool MayUpdate(UserContext user, Review review, WorkflowDefinition? newest, ReviewAction action)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(action);
        if (!ReviewAccessPolicy.MaySee(user, review, newest)) return false;
        if (action.OwnerUserId is not null && action.OwnerUserId == user.UserId) return true;
        if (ReviewAccessPolicy.RolesIn(user, review).Any(ReviewAccessPolicy.RunningRoles.Contains)) return true;
        return newest is not null && newest.Oversight.Any(user.IsInRole);
    }
}
