using LearningReviews.Domain.Access;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;

namespace LearningReviews.Domain.Chronology;

/// <summary>
/// Who may do what with a review's multi-agency chronology (asked through IAuthorizationService, like
/// every other rule in ReviewAccessPolicy):
/// <list type="bullet">
/// <item>Entering: someone who may see the review and takes part in it for an agency (a participant with an
/// agency, other than as a learner or practitioner being reviewed), while the review is open. They enter,
/// import, change and remove their own agency's entries only, and see only those.</item>
/// <item>Seeing the whole chronology (every agency, the combined view, merging and exports): the roles
/// overseeing that kind of review (the business manager), and the review's lead author, lead reviewer,
/// chair or coordinator; never someone who sees only some of a review's families.</item>
/// </list>
/// </summary>
public static class ChronologyAccess
{
    private static readonly IReadOnlySet<ReviewRole> Compilers = new HashSet<ReviewRole>
    {
        ReviewRole.LeadAuthor, ReviewRole.LeadReviewer, ReviewRole.Chair, ReviewRole.Coordinator,
    };

    /// <summary>The agencies this user enters chronology entries for in this review (none: may not enter).</summary>
    public static IReadOnlyList<Guid> AgenciesOf(UserContext user, Review review)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);
        return review.Participants
            .Where(p => p.UserId == user.UserId && p.AgencyId is not null && !ReviewAccessPolicy.SubjectRoles.Contains(p.Role))
            .Select(p => p.AgencyId!.Value).Distinct().ToList();
    }

    public static bool MayEnter(UserContext user, Review review, WorkflowDefinition? newest) =>
        ReviewAccessPolicy.IsOpen(review) && ReviewAccessPolicy.MaySee(user, review, newest) && AgenciesOf(user, review).Count > 0;

    public static bool MaySeeAll(UserContext user, Review review, WorkflowDefinition? newest)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!ReviewAccessPolicy.MaySee(user, review, newest) || ReviewAccessPolicy.IsFamilyRestricted(user, review)) return false;
        if (newest is not null && newest.Oversight.Any(user.IsInRole)) return true;
        return ReviewAccessPolicy.RolesIn(user, review).Any(Compilers.Contains);
    }
}
