using System.Globalization;
using LearningReviews.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningReviews.Web.Features.Exports;

/// <summary>
/// One of the export page's date filters (From or To), read from the query string: the three GOV.UK
/// date boxes as typed, and the date they make. <see cref="IsInvalid"/> means something was typed
/// that is not a real date, so the page shows an error and does not filter on it.
/// </summary>
public sealed record ExportDateFilter(string Day, string Month, string Year, DateOnly? Date, bool IsInvalid)
{
    public static ExportDateFilter None { get; } = new("", "", "", null, false);

    /// <summary>
    /// Reads <c>{name}.day</c>, <c>{name}.month</c> and <c>{name}.year</c>; when none of them is
    /// given, falls back to <c>{name}=yyyy-MM-dd</c>, the form links took before the filters were
    /// GOV.UK date inputs (people keep bookmarks of their usual exports).
    /// </summary>
    public static ExportDateFilter Read(IQueryCollection query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (day, month, year) = GovUkDate.Typed(query, name);
        if (day.Length + month.Length + year.Length > 0)
        {
            return GovUkDate.TryRead(day, month, year, out var typed)
                ? new ExportDateFilter(day, month, year, typed, false)
                : new ExportDateFilter(day, month, year, null, true);
        }

        var old = query[name].ToString().Trim();
        if (old.Length == 0)
        {
            return None;
        }
        if (DateOnly.TryParseExact(old, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new ExportDateFilter(Part(date.Day), Part(date.Month), Part(date.Year), date, false);
        }
        // Show an impossible old-style date (2026-02-31) in the boxes it would have filled, so the
        // user sees what was wrong; anything else shows in the Day box as it came.
        var parts = old.Split('-');
        return parts.Length == 3
            ? new ExportDateFilter(parts[2], parts[1], parts[0], null, true)
            : new ExportDateFilter(old, "", "", null, true);
    }

    /// <summary>
    /// Reads a From and To pair. A date that is not real gets an error under its name (the id of its
    /// Day box, so the error summary links there) and is not applied; a To before From gets an error
    /// on To and neither date is applied, since either could be the mistake.
    /// </summary>
    public static DateRange ReadRange(IQueryCollection query, ModelStateDictionary errors, string fromName = "From", string toName = "To")
    {
        ArgumentNullException.ThrowIfNull(errors);
        var from = Read(query, fromName);
        var to = Read(query, toName);
        if (from.IsInvalid) errors.AddModelError(fromName, $"Enter the {fromName} date as a real date, for example 27 3 2026");
        if (to.IsInvalid) errors.AddModelError(toName, $"Enter the {toName} date as a real date, for example 27 3 2026");
        if (from.Date is { } start && to.Date is { } end && end < start)
        {
            errors.AddModelError(toName, $"The {toName} date must be the same as or after the {fromName} date");
            return new DateRange(from, to, null, null);
        }
        return new DateRange(from, to, from.Date, to.Date);
    }

    private static string Part(int number) => number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A From/To pair as typed, and the dates to filter on (null where not given or not usable).</summary>
public sealed record DateRange(ExportDateFilter FromTyped, ExportDateFilter ToTyped, DateOnly? From, DateOnly? To);
