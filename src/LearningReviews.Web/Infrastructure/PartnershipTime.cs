namespace LearningReviews.Web.Infrastructure;

/// <summary>
/// The partnership's local time (Europe/London unless `Calendar:TimeZone` says otherwise). People type
/// meeting times and dates as they read them on the wall clock, so "has the meeting been held?",
/// "is this date in the future?" and "what is today?" are answered in local time. Timestamps stored in
/// the database stay UTC.
/// </summary>
public sealed class PartnershipTime(TimeProvider clock, TimeZoneInfo zone)
{
    public const string DefaultZone = "Europe/London";

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The wall-clock time now, in the partnership's zone.</summary>
    public DateTime Now => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The local calendar date of a stored UTC timestamp.</summary>
    public DateOnly LocalDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>A stored UTC timestamp as the partnership's wall clock showed it, for display.</summary>
    public DateTime Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The configured zone, or UTC when this machine has no time-zone data for it (said in the log by the caller).</summary>
    public static TimeZoneInfo ZoneOrUtc(string? id, out bool found)
    {
        found = TimeZoneInfo.TryFindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultZone : id, out var zone);
        return found ? zone! : TimeZoneInfo.Utc;
    }
}
