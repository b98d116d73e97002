using LearningReviews.Domain.Calendar;

namespace LearningReviews.Domain.Meetings;

/// <summary>
/// "The nth weekday of each month" (the first Tuesday, the last Friday), for booking a locality's circles a
/// year ahead. A date that falls on a bank holiday or a closure day moves to the next working day: people
/// keep the circle in the same week rather than lose a month (the first Monday of May 2027, a bank holiday,
/// becomes Tuesday 4 May). The page shows which dates moved.
/// </summary>
public sealed record MonthlyRule(int Week, DayOfWeek Day)
{
    /// <summary><see cref="Week"/> for "the last ... of the month".</summary>
    public const int Last = -1;

    public bool IsValid => Week is (>= 1 and <= 4) or Last;

    public string Describe()
    {
        var which = Week switch { 1 => "first", 2 => "second", 3 => "third", 4 => "fourth", _ => "last" };
        return $"The {which} {Day} of each month";
    }

    /// <summary>The day the rule gives in a month, before any move for a holiday.</summary>
    public DateOnly In(int year, int month)
    {
        if (!IsValid) throw new InvalidOperationException("The week must be 1 to 4 or Last.");
        if (Week == Last)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)Day + 7) % 7));
        }
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)Day - (int)first.DayOfWeek + 7) % 7 + 7 * (Week - 1));
    }

    /// <summary>
    /// The dates for <paramref name="months"/> months from the month of <paramref name="from"/>, each moved
    /// off a non-working day; a month whose date is before <paramref name="from"/> is skipped (not replaced).
    /// </summary>
    public IReadOnlyList<(DateOnly Date, DateOnly? MovedFrom)> Dates(DateOnly from, int months, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var dates = new List<(DateOnly, DateOnly?)>();
        var month = new DateOnly(from.Year, from.Month, 1);
        for (var i = 0; i < months; i++, month = month.AddMonths(1))
        {
            var ruled = In(month.Year, month.Month);
            var date = ruled;
            while (!calendar.IsWorkingDay(date)) date = date.AddDays(1);
            if (date < from) continue;
            dates.Add((date, date == ruled ? null : ruled));
        }
        return dates;
    }
}
