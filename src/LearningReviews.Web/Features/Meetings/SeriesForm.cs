using System.Globalization;
using LearningReviews.Domain.Meetings;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>
/// Booking a locality's learning circles ahead: which weekday of each month ("the first Tuesday"), from which
/// month, for how many months (up to 12), at what time, for how long, and where.
/// </summary>
public sealed class SeriesForm
{
    public const int MaxMonths = 12;

    public string? Week { get; set; }
    public string? Day { get; set; }
    public string? FromMonth { get; set; }
    public string? FromYear { get; set; }
    public string? Months { get; set; } = "12";
    public string? Start { get; set; }
    public string? Duration { get; set; }
    public string? Room { get; set; }
    public string? VirtualLink { get; set; }
    public bool BookAnyway { get; set; }

    public static IEnumerable<SelectListItem> WeekChoices { get; } =
    [
        new("First", "1"), new("Second", "2"), new("Third", "3"), new("Fourth", "4"), new("Last", MonthlyRule.Last.ToString(CultureInfo.InvariantCulture)),
    ];

    public static IEnumerable<SelectListItem> DayChoices { get; } =
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new SelectListItem(d.ToString(), d.ToString()));

    public MonthlyRule? ParsedRule() =>
        int.TryParse(Week, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var week)
        && Enum.TryParse<DayOfWeek>(Day, out var day) && day is >= DayOfWeek.Monday and <= DayOfWeek.Friday
        && new MonthlyRule(week, day) is { IsValid: true } rule ? rule : null;

    public DateOnly? ParsedFrom() =>
        int.TryParse(FromMonth, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
        && int.TryParse(FromYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2099
            ? new DateOnly(year, month, 1) : null;

    public int? ParsedMonths() =>
        int.TryParse(Months, NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months is >= 1 and <= MaxMonths ? months : null;

    public int? ParsedDuration()
    {
        if (string.IsNullOrWhiteSpace(Duration)) return MeetingKindNames.DefaultDurationMinutes(MeetingKind.LearningCircle);
        return int.TryParse(Duration.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
               && minutes is >= 15 and <= Meeting.MaxDurationMinutes ? minutes : null;
    }
}

/// <summary>The series booking page: the form, the locality, and any room clashes found for the dates.</summary>
public sealed record SeriesFormPage(string LocalityName, SeriesForm Form, IReadOnlyList<(DateOnly Date, string Room)> Clashes);

/// <summary>A locality's series with their slots, each free or taken (by a review named only to those who may see it).</summary>
public sealed record SeriesListPage(string LocalityName, IReadOnlyList<MeetingSeries> Series, IReadOnlyDictionary<Guid, (Guid ReviewId, string Reference)> TakenBy, DateOnly Today);
