using System.Globalization;

namespace LearningReviews.Domain.Calendar;

/// <summary>What became of a typed deadline: the date kept, and either a refusal or a note that it was moved.</summary>
/// <param name="Date">The deadline as saved: the typed date, or the next working day after it.</param>
/// <param name="Problem">Why the date is refused (it has passed), or null.</param>
/// <param name="Moved">What the page says when the date was moved to a working day, or null.</param>
public sealed record DeadlineCheck(DateOnly Date, string? Problem, string? Moved);

/// <summary>
/// The sense checks on a deadline someone types (a field with the date rule "deadline", such as "Deadline
/// for completion of the report"). A deadline set today must not have passed already, and work cannot
/// fall due on a day nobody works, so a weekend, bank holiday or closure day becomes the next working day,
/// and the page says so in words ("Saturday 5 December 2026 is not a working day; the deadline is Monday
/// 7 December 2026") rather than changing it silently. Moving is kinder than refusing: the person meant
/// "by then", and the next working day is what the guidance's working-day timescales mean too.
/// </summary>
public static class DeadlineRule
{
    public const string Name = "deadline";

    public static DeadlineCheck Check(DateOnly typed, DateOnly today, WorkingDayCalendar calendar, string label)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (typed < today)
            return new DeadlineCheck(typed, $"'{label}' must be today or in the future: {Long(typed)} has passed", null);
        if (typed.Year > 2100 || calendar.IsWorkingDay(typed)) return new DeadlineCheck(typed, null, null);
        var next = typed;
        while (!calendar.IsWorkingDay(next)) next = next.AddDays(1);
        return new DeadlineCheck(next, null, $"{Long(typed)} is not a working day; the deadline is {Long(next)}.");
    }

    private static string Long(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
