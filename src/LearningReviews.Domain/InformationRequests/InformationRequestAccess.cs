using LearningReviews.Domain.Access;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;

namespace LearningReviews.Domain.InformationRequests;

/// <summary>
/// Who sends and who answers information requests, beside the rules in ReviewAccessPolicy (which decide
/// seeing the review at all). The web app asks them through IAuthorizationService, as the
/// SendInformationRequests and AnswerInformationRequest operations.
/// </summary>
public static class InformationRequestAccess
{
    /// <summary>Review roles that co-ordinate a review's information gathering with the business manager.</summary>
    private static readonly HashSet<ReviewRole> Coordinating = new()
    {
        ReviewRole.LeadAuthor, ReviewRole.LeadReviewer, ReviewRole.Chair, ReviewRole.Coordinator,
    };

    /// <summary>
    /// Sending: the business manager co-ordinates information gathering (003), so a Business Manager who may
    /// see the review; also whoever leads or chairs it. Only on an open review of a methodology that sends requests.
    /// </summary>
    public static bool MaySend(UserContext user, Review review, WorkflowDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);
        if (!ReviewAccessPolicy.IsOpen(review) || InformationRequestRules.KindFor(review.MethodologyKey) is null) return false;
        if (!ReviewAccessPolicy.MaySee(user, review, definition)) return false;
        return user.IsInRole(Roles.BusinessManager) || ReviewAccessPolicy.RolesIn(user, review).Any(Coordinating.Contains);
    }

    /// <summary>
    /// Answering: the asked agency's representative on this review (a participant with an account, in the
    /// Agency Representative role, of the agency the request went to), while the review is open.
    /// </summary>
    public static bool MayAnswer(UserContext user, Review review, InformationRequest request)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(request);
        return request.ReviewId == review.Id && ReviewAccessPolicy.IsOpen(review)
               && review.Participants.Any(p => p.UserId == user.UserId && p.Role == ReviewRole.AgencyRepresentative
                                               && (p.AgencyId == request.AgencyId || p.Id == request.RecipientParticipantId));
    }
}
