using System.Globalization;
using LearningReviews.Web.Features.Exports;
using LearningReviews.Web.Features.Themes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningReviews.Web.Features.AnnualReport;

/// <summary>
/// The period an annual report covers: from its first day to its last, both included. It is always whole calendar
/// quarters, because the report's theme figures are the themes dashboard's (ThemeFigures), which counts by quarter;
/// a period that started mid-quarter could not be compared with the dashboard. A financial year (1 April to 31 March)
/// is four whole quarters.
/// </summary>
public sealed record AnnualReportPeriod(DateOnly From, DateOnly To)
{
    public const string FromName = "From";
    public const string ToName = "To";

    /// <summary>The last financial year that has ended: 1 April to 31 March, the year partnership reports usually cover.</summary>
    public static AnnualReportPeriod LastFinancialYear(DateOnly today)
    {
        var endYear = today.Month >= 4 ? today.Year : today.Year - 1;
        return new AnnualReportPeriod(new DateOnly(endYear - 1, 4, 1), new DateOnly(endYear, 3, 31));
    }

    /// <summary>The same period as the themes dashboard counts it.</summary>
    public ThemePeriod Quarters => new(Quarter.Containing(From), Quarter.Containing(To));

    /// <summary>The first day after the period.</summary>
    public DateOnly End => To.AddDays(1);

    public string Label => $"{Written(From)} to {Written(To)}";

    /// <summary>"2026-04-01-to-2027-03-31", for file names and the audit log.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}-to-{To:yyyy-MM-dd}");

    public static string Written(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>
    /// Reads the From and To date boxes. With neither given, the last financial year. Otherwise each must be a real
    /// date, From the first day of a quarter, To the last day of one, To after From, and the period at most
    /// <see cref="ThemePeriod.MostQuarters"/> quarters (the dashboard's longest). Each problem is added to
    /// <paramref name="errors"/> under the box it concerns, and the period is null.
    /// </summary>
    public static (AnnualReportPeriod? Period, ExportDateFilter FromTyped, ExportDateFilter ToTyped) Read(IQueryCollection query, ModelStateDictionary errors, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var from = ExportDateFilter.Read(query, FromName);
        var to = ExportDateFilter.Read(query, ToName);
        if (from == ExportDateFilter.None && to == ExportDateFilter.None)
        {
            var year = LastFinancialYear(today);
            return (year, Typed(year.From), Typed(year.To));
        }

        if (from.Date is not { } start)
            errors.AddModelError(FromName, from.IsInvalid ? "Enter the start of the period as a real date, for example 1 4 2026" : "Enter the start of the period");
        else if (start.Day != 1 || (start.Month - 1) % 3 != 0)
            errors.AddModelError(FromName, "The period must start on the first day of a quarter: 1 January, 1 April, 1 July or 1 October");
        if (to.Date is not { } end)
            errors.AddModelError(ToName, to.IsInvalid ? "Enter the end of the period as a real date, for example 31 3 2027" : "Enter the end of the period");
        else if (end.AddDays(1).Day != 1 || end.Month % 3 != 0)
            errors.AddModelError(ToName, "The period must end on the last day of a quarter: 31 March, 30 June, 30 September or 31 December");
        if (!errors.IsValid) return (null, from, to);

        var period = new AnnualReportPeriod(from.Date!.Value, to.Date!.Value);
        if (period.To < period.From)
            errors.AddModelError(ToName, "The end of the period must be after its start");
        else if (period.Quarters.From.QuartersTo(period.Quarters.To) >= ThemePeriod.MostQuarters)
            errors.AddModelError(ToName, $"The period can be at most {ThemePeriod.MostQuarters / 4} years");
        return (errors.IsValid ? period : null, from, to);
    }

    /// <summary>The period as the query string of the date boxes, for the download links.</summary>
    public string QueryString() => Microsoft.AspNetCore.Http.QueryString.Create(new List<KeyValuePair<string, string?>>
    {
        new(FromName + ".day", Part(From.Day)), new(FromName + ".month", Part(From.Month)), new(FromName + ".year", Part(From.Year)),
        new(ToName + ".day", Part(To.Day)), new(ToName + ".month", Part(To.Month)), new(ToName + ".year", Part(To.Year)),
    }).ToString();

    private static ExportDateFilter Typed(DateOnly date) => new(Part(date.Day), Part(date.Month), Part(date.Year), date, false);

    private static string Part(int number) => number.ToString(CultureInfo.InvariantCulture);
}
