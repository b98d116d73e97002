using LearningReviews.Domain.Access;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>
/// In a review of several families, what someone involved with only one family may see: that family's
/// label and the people involved with it or with the whole review. The review's stored title lists every
/// family, so a restricted viewer gets one made from the families they may see.
/// </summary>
public static class FamilyRestriction
{
    public static string TitleFor(UserContext user, Review review, string methodologyName)
    {
        ArgumentNullException.ThrowIfNull(review);
        var visible = review.Cases.Where(c => ReviewAccessPolicy.MaySeeCase(user, review, c.CaseId))
            .OrderBy(c => c.Case?.Label, StringComparer.Ordinal).ToList();
        return visible.Count == review.Cases.Count
            ? review.Title
            : $"{methodologyName}: {string.Join(", ", visible.Select(c => c.Case?.Label))}";
    }

    public static bool MaySeeParticipant(UserContext user, Review review, Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return participant.CaseId is not { } caseId || ReviewAccessPolicy.MaySeeCase(user, review, caseId);
    }
}
