namespace LearningReviews.Domain.Identity;

/// <summary>Organisational roles a user account can hold. The names are shown to users as they are.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string HeadOfLocality = "Head of Locality";
    public const string ServiceManager = "Service Manager";
    public const string TeamManager = "Team Manager";
    public const string Practitioner = "Practitioner";
    public const string QaTeamManager = "QA Team Manager";
    public const string BusinessManager = "Business Manager";
    public const string LeadReviewer = "Lead Reviewer";
    public const string Facilitator = "Facilitator";
    public const string SubgroupMember = "Subgroup Member";
    public const string AgencyRepresentative = "Agency Representative";

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, HeadOfLocality, ServiceManager, TeamManager, Practitioner, QaTeamManager,
        BusinessManager, LeadReviewer, Facilitator, SubgroupMember, AgencyRepresentative,
    ];

    public static bool Exists(string role) => All.Contains(role, StringComparer.Ordinal);
}
