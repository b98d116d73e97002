using System.Collections.Frozen;

namespace LearningReviews.Domain.Calendar;

/// <summary>
/// Working days for review timescales, which guidance sets in working days ("within 15 working days",
/// "at least 10 working days before"): Monday to Friday, less England and Wales bank holidays and any
/// closure days the organisation configures (Calendar:ExtraNonWorkingDays), such as a day between
/// Christmas and New Year. Dates must fall in 1970–2100, the years <see cref="BankHolidays"/> knows.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly FrozenSet<DateOnly> _extraNonWorkingDays;

    public WorkingDayCalendar(IEnumerable<DateOnly>? extraNonWorkingDays = null)
    {
        _extraNonWorkingDays = (extraNonWorkingDays ?? []).ToFrozenSet();
    }

    /// <exception cref="ArgumentOutOfRangeException">The date's year is outside 1970–2100.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        // Looked up first so that a date out of range fails whatever day of the week it is.
        var bankHolidays = BankHolidays.ForYear(date.Year);
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && !bankHolidays.Contains(date)
            && !_extraNonWorkingDays.Contains(date);
    }

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="start"/>; <paramref name="start"/>
    /// itself is not counted, so a deadline set on a Saturday starts on Monday. Negative days count backwards
    /// the same way; 0 returns <paramref name="start"/> even when it is not a working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var step = Math.Sign(days);
        var date = start;
        for (var remaining = days; remaining != 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date)) remaining -= step;
        }
        return date;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/>. When
    /// <paramref name="to"/> is earlier the count is negative: minus the working days before
    /// <paramref name="from"/> back to and including <paramref name="to"/>, the mirror image, so that
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c> for every n. For a deadline measured from
    /// today that reads as working days left, and below zero once the deadline has passed.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var step = to > from ? 1 : -1;
        var count = 0;
        for (var date = from; date != to;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date)) count += step;
        }
        return count;
    }

    /// <summary>
    /// Whether <paramref name="later"/> is at least <paramref name="days"/> working days after
    /// <paramref name="earlier"/>, e.g. a planning meeting at least 10 working days before the learning day:
    /// true when <paramref name="later"/> is on or after <c>AddWorkingDays(earlier, days)</c>.
    /// </summary>
    public bool IsAtLeastWorkingDaysBefore(DateOnly earlier, DateOnly later, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return later >= AddWorkingDays(earlier, days);
    }
}
