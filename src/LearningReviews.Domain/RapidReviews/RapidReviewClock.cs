using LearningReviews.Domain.Calendar;

namespace LearningReviews.Domain.RapidReviews;

/// <summary>One step of a rapid review's plan: its working day after the notification, and the date that falls on.</summary>
/// <param name="Recorded">The date the step was recorded as done (from the review's own stages), if it has been.</param>
public sealed record RapidReviewStep(string Key, string Title, int WorkingDay, DateOnly Due, DateOnly? Recorded);

/// <summary>
/// The rapid review's 15 working days, counted from the date the serious incident notification was sent
/// (003 section 1.2: "within 15 days of serious incident notification"; statutory guidance counts working
/// days). Only day 15 is statutory; the days before it are the partnership's plan for getting there
/// (agency summaries in, panel met, decision signed off), shown so everyone sees the same dates.
/// Dates come from <see cref="WorkingDayCalendar"/>, so weekends and bank holidays are skipped.
/// </summary>
public static class RapidReviewClock
{
    public const int TotalWorkingDays = 15;

    /// <summary>The plan: (key, title, working day). The keys match what the rapid review's stages record.</summary>
    public static readonly IReadOnlyList<(string Key, string Title, int Day)> Plan =
    [
        ("requests", "Requests for Individual Agency Summaries sent to every agency involved", 1),
        ("summaries", "Individual Agency Summaries due back", 5),
        ("meeting", "Rapid review panel meeting held", 10),
        ("decision", "Decision on next steps made and signed off by the safeguarding partners", 13),
        ("ratified", "Decision ratified by the partnership and the rapid review sent to the national panel", TotalWorkingDays),
    ];

    /// <summary>The day-by-day plan from the notification date, each step with the date recorded for it, if any.</summary>
    public static IReadOnlyList<RapidReviewStep> For(DateOnly notifiedOn, WorkingDayCalendar calendar, IReadOnlyDictionary<string, DateOnly> recorded)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(recorded);
        return Plan.Select(step => new RapidReviewStep(step.Key, step.Title, step.Day, calendar.AddWorkingDays(notifiedOn, step.Day),
            recorded.TryGetValue(step.Key, out var date) ? date : null)).ToList();
    }

    /// <summary>The 15th working day after the notification: when the rapid review must be complete.</summary>
    public static DateOnly Deadline(DateOnly notifiedOn, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(notifiedOn, TotalWorkingDays);
    }

    /// <summary>Which working day of the 15 today is (0 on the notification day; above 15 once the time is up).</summary>
    public static int DayNumber(DateOnly notifiedOn, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.WorkingDaysBetween(notifiedOn, today);
    }
}
