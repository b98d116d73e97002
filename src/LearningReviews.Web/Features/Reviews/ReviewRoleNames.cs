using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>Review roles as people say them.</summary>
public static class ReviewRoleNames
{
    public static string Of(ReviewRole role) => role switch
    {
        ReviewRole.LeadAuthor => "Lead author",
        ReviewRole.LeadReviewer => "Lead reviewer",
        ReviewRole.AgencyRepresentative => "Agency representative",
        ReviewRole.LayMember => "Lay member",
        _ => role.ToString(),
    };
}
