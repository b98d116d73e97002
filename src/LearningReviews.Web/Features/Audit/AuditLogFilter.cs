using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Exports;
using LearningReviews.Web.Infrastructure;

namespace LearningReviews.Web.Features.Audit;

/// <summary>
/// The Audit log page's filters, read from the query string: person (part of the account's email),
/// review (part of its reference), action, and a date range in the partnership's local time.
/// The same filters drive the page and the CSV export, so the export holds exactly the rows listed.
/// </summary>
public sealed class AuditLogFilter
{
    public string? Person { get; set; }
    public string? Review { get; set; }
    public string? Action { get; set; }
    public ExportDateFilter FromTyped { get; set; } = ExportDateFilter.None;
    public ExportDateFilter ToTyped { get; set; } = ExportDateFilter.None;
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>Builds the query for the rows that match. Nothing is read until the caller asks for a page or a stream.</summary>
    /// <remarks>ToLower and Contains here are translated to SQL (LOWER, LIKE/strpos), not run in .NET, so the
    /// culture and comparison overloads the analyzers ask for do not apply and would not translate.</remarks>
    [SuppressMessage("Globalization", "CA1304", Justification = "Translated to SQL")]
    [SuppressMessage("Globalization", "CA1311", Justification = "Translated to SQL")]
    [SuppressMessage("Performance", "CA1862", Justification = "Translated to SQL")]
    public IQueryable<AuditEvent> Apply(LearningReviewsDbContext db, PartnershipTime time)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var query = db.AuditEvents.AsQueryable();
        if (Person is { Length: > 0 } person)
        {
            var lower = person.ToLowerInvariant();
            query = query.Where(e => e.UserName != null && e.UserName.ToLower().Contains(lower));
        }
        if (Review is { Length: > 0 } review)
        {
            var lower = review.ToLowerInvariant();
            var reviewIds = db.Reviews.Where(r => r.Reference.ToLower().Contains(lower)).Select(r => r.Id);
            query = query.Where(e => e.ReviewId != null && reviewIds.Contains(e.ReviewId.Value));
        }
        if (Action is { Length: > 0 } action)
        {
            query = query.Where(e => e.Action == action);
        }
        if (From is { } from)
        {
            var start = StartOfDayUtc(from, time);
            query = query.Where(e => e.OccurredAt >= start);
        }
        if (To is { } to)
        {
            var end = StartOfDayUtc(to.AddDays(1), time);
            query = query.Where(e => e.OccurredAt < end);
        }
        return query;
    }

    private static DateTime StartOfDayUtc(DateOnly date, PartnershipTime time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), time.Zone);

    /// <summary>The filters as a query string (without the page), for paging links and the export link.</summary>
    public string QueryString()
    {
        var parts = new List<KeyValuePair<string, string?>>
        {
            new(nameof(Person), Person), new(nameof(Review), Review), new(nameof(Action), Action),
        };
        void Date(string name, ExportDateFilter typed)
        {
            parts.Add(new(name + ".day", typed.Day));
            parts.Add(new(name + ".month", typed.Month));
            parts.Add(new(name + ".year", typed.Year));
        }
        Date(nameof(From), FromTyped);
        Date(nameof(To), ToTyped);
        return Microsoft.AspNetCore.Http.QueryString.Create(parts.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }

    /// <summary>What was asked for, in words, for the audit entry of an export.</summary>
    public string Describe() => string.Join("; ", new[]
    {
        Person is { Length: > 0 } ? "person " + Person : null,
        Review is { Length: > 0 } ? "review " + Review : null,
        Action is { Length: > 0 } ? "action " + Action : null,
        From is { } f ? "from " + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        To is { } t ? "to " + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
    }.Where(p => p is not null)) is { Length: > 0 } described ? described : "all rows";
}
