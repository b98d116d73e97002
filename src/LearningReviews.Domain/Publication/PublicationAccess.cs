using LearningReviews.Domain.Access;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;

namespace LearningReviews.Domain.Publication;

/// <summary>
/// Who records a review's dissemination, its publication decision and its publishable summary (the
/// ManagePublication operation). Seed 003 section 4 puts these after the review's conclusion, so unlike the
/// Outcomes Form steps they are not limited to a window of stages: they stay open on a closed review, and only a
/// withdrawn review is refused. Those who may:
/// <list type="bullet">
/// <item>the people who run the review (<see cref="ReviewAccessPolicy.RunningRoles"/>: lead author or reviewer, chair, co-ordinator);</item>
/// <item>whoever may act at the stage where the review concludes (its Outcomes Form stage, or its last stage when it
/// has no form), other than as a subject: for the commissioned reviews, the business manager;</item>
/// </list>
/// and they must see all of the review's families (a summary speaks for the whole review).
/// </summary>
public static class PublicationAccess
{
    public static bool MayManage(UserContext user, Review review, WorkflowDefinition definition, WorkflowDefinition? newest = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(definition);
        if (review.Status == ReviewStatus.Withdrawn) return false;
        if (!ReviewAccessPolicy.MaySee(user, review, newest ?? definition)) return false;
        if (ReviewAccessPolicy.IsFamilyRestricted(user, review)) return false;
        if (ReviewAccessPolicy.RolesIn(user, review).Any(ReviewAccessPolicy.RunningRoles.Contains)) return true;
        var concluding = ConcludingStage(definition);
        return concluding is not null
               && ReviewAccessPolicy.ActingAt(user, review, definition, concluding) is ActingBy.ReviewRole or ActingBy.Standing;
    }

    /// <summary>The stage where the review's findings are written: its Outcomes Form stage, or else its last stage.</summary>
    public static StageDefinition? ConcludingStage(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.OutcomesForm is { } form ? definition.FindStage(form.Stage) : definition.Stages.Count > 0 ? definition.Stages[^1] : null;
    }
}
