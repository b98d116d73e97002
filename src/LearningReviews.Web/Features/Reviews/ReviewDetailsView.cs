using LearningReviews.Domain.Access;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Methodologies;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>What the review page shows.</summary>
public sealed record ReviewDetailsView(Review Review, MethodologySummary? Methodology, bool ShowRestricted)
{
    public string MethodologyName => Methodology?.Name ?? Review.MethodologyKey;

    /// <summary>The stage's key said as words ("proposal" reads "Proposal") until stages carry titles of their own.</summary>
    public string StageTitle => Review.CurrentStageKey.Length == 0
        ? ""
        : char.ToUpperInvariant(Review.CurrentStageKey[0]) + Review.CurrentStageKey[1..].Replace('-', ' ');

    public string ReasonText => Methodology?.FindReason(Review.ReasonSelected)?.Text ?? Review.ReasonSelected;

    /// <summary>Case-record numbers are restricted to the managers who would look the child up.</summary>
    public static bool MaySeeRestricted(UserContext user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.HeadOfLocality) || user.IsInRole(Roles.ServiceManager)
               || user.IsInRole(Roles.TeamManager) || user.IsInRole(Roles.QaTeamManager);
    }
}
