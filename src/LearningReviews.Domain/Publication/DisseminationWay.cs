namespace LearningReviews.Domain.Publication;

/// <summary>
/// The ways learning is spread, as section 4 of the Learning Methodology Framework (seed 003) lists them,
/// with the briefings and service away days seed 001 adds, and "Other".
/// </summary>
public enum DisseminationWay
{
    LearningBulletin,
    WorkforceDevelopment,
    TrainingEvent,
    WorkplaceShadowing,
    Supervision,
    PolicyReview,
    AwarenessCampaign,
    PractitionerInformationGroup,
    ServiceUserCoProduction,
    Briefing,
    Other,
}

public static class DisseminationWays
{
    public static readonly IReadOnlyList<DisseminationWay> All = Enum.GetValues<DisseminationWay>();

    public static string Name(DisseminationWay way) => way switch
    {
        DisseminationWay.LearningBulletin => "Learning bulletin",
        DisseminationWay.WorkforceDevelopment => "Workforce development (training and development plans, supervision policy, recruitment, induction, performance management)",
        DisseminationWay.TrainingEvent => "Single or multi-agency training event",
        DisseminationWay.WorkplaceShadowing => "Workplace shadowing",
        DisseminationWay.Supervision => "Individual or group supervision",
        DisseminationWay.PolicyReview => "Review of policies and guidance for staff",
        DisseminationWay.AwarenessCampaign => "Awareness campaign on social media",
        DisseminationWay.PractitionerInformationGroup => "Multi-agency practitioner information group",
        DisseminationWay.ServiceUserCoProduction => "Consultation or co-production with service user groups",
        DisseminationWay.Briefing => "Briefing, service away day or practice learning event",
        _ => "Other",
    };

    /// <summary>The short name for tables and reports.</summary>
    public static string ShortName(DisseminationWay way) => way switch
    {
        DisseminationWay.WorkforceDevelopment => "Workforce development",
        _ => Name(way),
    };
}
