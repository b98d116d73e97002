using LearningReviews.Domain.Calendar;

namespace LearningReviews.Domain.InformationRequests;

/// <summary>Which reviews gather information from agencies, what they call it, and when the reminder goes.</summary>
public static class InformationRequestRules
{
    /// <summary>Working days before the deadline on which the reminder goes.</summary>
    public const int ReminderWorkingDaysBefore = 2;

    private static readonly HashSet<string> FrameworkAndLscb = new(StringComparer.Ordinal)
    {
        "desktop-review", "practitioner-learning-review", "thematic-review", "single-issue-review", "lscb-learning-review",
    };

    /// <summary>The kind of request a methodology sends, or null when it sends none.</summary>
    public static InformationRequestKind? KindFor(string methodologyKey) =>
        methodologyKey == "rapid-review" ? InformationRequestKind.AgencySummary
        : FrameworkAndLscb.Contains(methodologyKey) ? InformationRequestKind.Information
        : null;

    /// <summary>What a request of this kind is called on pages and in email.</summary>
    public static string Name(InformationRequestKind kind) =>
        kind == InformationRequestKind.AgencySummary ? "Individual Agency Summary" : "information request";

    /// <summary>The plural heading for a review's requests.</summary>
    public static string Heading(InformationRequestKind kind) =>
        kind == InformationRequestKind.AgencySummary ? "Individual Agency Summaries" : "Information requests";

    /// <summary>
    /// The day the reminder goes: <see cref="ReminderWorkingDaysBefore"/> working days before the deadline.
    /// A deadline set sooner than that gets its reminder on the day it was sent at the earliest (see <see cref="ReminderDue"/>).
    /// </summary>
    public static DateOnly ReminderOn(DateOnly dueOn, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(dueOn, -ReminderWorkingDaysBefore);
    }

    /// <summary>
    /// Whether the reminder should go today: not answered, not reminded yet, the reminder day reached and the
    /// deadline not passed (after it, the request is overdue and shows as such instead), and not on the day the
    /// request itself was sent (the request is its own reminder that day).
    /// </summary>
    public static bool ReminderDue(InformationRequest request, DateOnly today, DateOnly sentOn, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(request);
        return !request.IsAnswered && request.ReminderSentAt is null && today > sentOn
               && today >= ReminderOn(request.DueOn, calendar) && today <= request.DueOn;
    }
}
