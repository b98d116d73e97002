using LearningReviews.Domain.Identity;

namespace LearningReviews.Domain.DipSamples;

/// <summary>The rules of dip-sample compliance, from seed 001.</summary>
public static class DipSampleRules
{
    /// <summary>Seed 001: "As a minimum each area Team Manager will undertake a minimum of 4 audits each month."</summary>
    public const int MinimumPerMonth = 4;

    /// <summary>The longest range of months the compliance view shows at once.</summary>
    public const int MaxMonthsShown = 12;

    /// <summary>Who records audits: the area Team Managers.</summary>
    public static readonly IReadOnlyList<string> Recorders = [Roles.TeamManager];

    /// <summary>
    /// Who reads every Team Manager's compliance: the Service Managers they report to, the QA Team Manager who
    /// keeps the central log of audit activity, and the Heads of Locality (seed 001). The partnership's business
    /// manager and subgroup see the partnership's reviews, not children's services' internal case audits.
    /// </summary>
    public static readonly IReadOnlyList<string> Overseers = [Roles.ServiceManager, Roles.QaTeamManager, Roles.HeadOfLocality];

    public static string OverseerRoleList => string.Join(",", Overseers);

    public static bool IsBelowMinimum(int audits) => audits < MinimumPerMonth;

    public static int MonthKey(DateOnly date) => date.Year * 100 + date.Month;

    public static int MonthKey(int year, int month) => year * 100 + month;

    public static DateOnly FirstDayOf(int monthKey) => new(monthKey / 100, monthKey % 100, 1);

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/> inclusive, as yyyymm keys.</summary>
    public static IReadOnlyList<int> MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = new List<int>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1)) months.Add(MonthKey(month));
        return months;
    }

    public static string ThemeName(DipSampleTheme theme) => theme switch
    {
        DipSampleTheme.Supervision => "Supervision",
        DipSampleTheme.Assessment => "Assessment",
        DipSampleTheme.Plans => "Plans",
        DipSampleTheme.ChildsJourney => "Recording the child's journey from referral",
        DipSampleTheme.ChildsVoice => "The child's voice",
        _ => "Other",
    };

    public static string KindName(DipSampleKind kind) => kind switch
    {
        DipSampleKind.KloeAudit => "Key lines of enquiry (KLOE) audit",
        _ => "Case dip sample",
    };
}
