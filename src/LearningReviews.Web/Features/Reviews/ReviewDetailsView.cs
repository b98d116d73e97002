using LearningReviews.Domain.Access;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Methodologies;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>What the review page shows.</summary>
public sealed record ReviewDetailsView(Review Review, MethodologySummary? Methodology, bool ShowRestricted)
{
    public string MethodologyName => Methodology?.Name ?? Review.MethodologyKey;

    public string ReasonText => Methodology?.FindReason(Review.ReasonSelected)?.Text ?? Review.ReasonSelected;

    /// <summary>Case-record numbers are restricted to the managers who would look the child up.</summary>
    public static bool MaySeeRestricted(UserContext user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.HeadOfLocality) || user.IsInRole(Roles.ServiceManager)
               || user.IsInRole(Roles.TeamManager) || user.IsInRole(Roles.QaTeamManager);
    }
}
