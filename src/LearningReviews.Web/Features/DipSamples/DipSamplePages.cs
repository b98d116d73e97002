using LearningReviews.Domain.DipSamples;
using LearningReviews.Domain.Organisation;

namespace LearningReviews.Web.Features.DipSamples;

/// <summary>A Team Manager's own audits, newest first, with how many they have recorded this month.</summary>
public sealed record MyDipSamplesPage(IReadOnlyList<DipSampleAudit> Audits, int Total, int PageNumber, int PageSize,
    int ThisMonth, DateOnly Today, IReadOnlyDictionary<Guid, string> Localities)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool ThisMonthBelowMinimum => DipSampleRules.IsBelowMinimum(ThisMonth);
}

/// <summary>The record form, for a new audit or a change to one of one's own.</summary>
public sealed record DipSampleEditPage(Guid? AuditId, DipSampleForm Form, IReadOnlyList<Locality> Localities);

/// <summary>One Team Manager's counts for each month shown.</summary>
public sealed record ComplianceRow(string UserId, string Name, string? Locality, IReadOnlyList<MonthCount> Months)
{
    public int BelowMinimum => Months.Count(m => m.BelowMinimum);
}

public sealed record MonthCount(int Month, int Audits)
{
    public bool BelowMinimum => DipSampleRules.IsBelowMinimum(Audits);
}

/// <summary>Each Team Manager's audits per month for the chosen months, those below the minimum marked.</summary>
public sealed record CompliancePage(IReadOnlyList<int> Months, IReadOnlyList<ComplianceRow> Rows, int Total, int PageNumber, int PageSize,
    IReadOnlyList<Locality> Localities, Guid? LocalityId, string From, string To, DateOnly Today)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static string MonthName(int month) =>
        DipSampleRules.FirstDayOf(month).ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static string MonthShort(int month) =>
        DipSampleRules.FirstDayOf(month).ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
