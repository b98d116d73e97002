using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace LearningReviews.Domain.Calendar;

/// <summary>
/// England and Wales bank holidays, worked out from the rules (the Banking and Financial Dealings Act 1971
/// and the royal proclamations made under it) rather than copied from GOV.UK's list, which only reaches a
/// year or two ahead: review deadlines and old reviews need dates outside that window. Years one-off changes
/// were proclaimed for are listed below; a change announced in future has to be added here.
/// </summary>
public static class BankHolidays
{
    public const int FirstSupportedYear = 1970;

    /// <summary>Beyond this the rules would be guesses about Parliament, not arithmetic.</summary>
    public const int LastSupportedYear = 2100;

    /// <summary>Extra days proclaimed for one year only, on top of the usual eight.</summary>
    private static readonly DateOnly[] OneOffs =
    [
        new(1977, 6, 7),   // Silver Jubilee of Elizabeth II
        new(1981, 7, 29),  // wedding of the Prince of Wales and Lady Diana Spencer
        new(1999, 12, 31), // millennium
        new(2002, 6, 3),   // Golden Jubilee
        new(2011, 4, 29),  // wedding of Prince William and Catherine Middleton
        new(2012, 6, 5),   // Diamond Jubilee
        new(2022, 6, 3),   // Platinum Jubilee
        new(2022, 9, 19),  // State Funeral of Queen Elizabeth II
        new(2023, 5, 8),   // Coronation of King Charles III
    ];

    // Every caller asks for the same few years over and over, so each is worked out once. GetOrAdd may
    // compute a year twice under a race, which is harmless: both answers are equal and one is kept.
    private static readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> Cache = new();

    /// <summary>The bank holidays falling in <paramref name="year"/>, substitute days included.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1970–2100.</exception>
    public static IReadOnlySet<DateOnly> ForYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstSupportedYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastSupportedYear);
        return Cache.GetOrAdd(year, static y => Compute(y).ToFrozenSet());
    }

    public static bool IsBankHoliday(DateOnly date) => ForYear(date.Year).Contains(date);

    private static IEnumerable<DateOnly> Compute(int year)
    {
        // New Year's Day only became a bank holiday in England and Wales in 1974, the early May one in 1978.
        if (year >= 1974) yield return NewYearsDay(year);
        var easter = Easter.Sunday(year);
        yield return easter.AddDays(-2); // Good Friday
        yield return easter.AddDays(1);  // Easter Monday
        if (year >= 1978) yield return EarlyMay(year);
        yield return Spring(year);
        yield return LastMonday(year, 8); // Summer bank holiday
        foreach (var day in ChristmasAndBoxingDay(year)) yield return day;
        foreach (var day in OneOffs.Where(d => d.Year == year)) yield return day;
    }

    // A holiday is a day off work, so one that lands on a weekend is given on the next weekday instead.
    private static DateOnly NewYearsDay(int year) => NextWeekday(new DateOnly(year, 1, 1));

    private static DateOnly EarlyMay(int year) => year switch
    {
        1995 => new(1995, 5, 8), // a week later, for the 50th anniversary of VE Day
        2020 => new(2020, 5, 8), // to Friday, for the 75th anniversary of VE Day
        _ => FirstMonday(year, 5),
    };

    // In jubilee years the spring holiday moved next to the extra day to make one long weekend.
    private static DateOnly Spring(int year) => year switch
    {
        2002 => new(2002, 6, 4), // Tuesday, after the Golden Jubilee Monday
        2012 => new(2012, 6, 4), // Monday, before the Diamond Jubilee Tuesday
        2022 => new(2022, 6, 2), // Thursday, before the Platinum Jubilee Friday
        _ => LastMonday(year, 5),
    };

    /// <summary>
    /// The 1971 Act gives 27 December when Christmas or Boxing Day is a Sunday, and a proclamation each
    /// year covers a Saturday. Taken together, each day that lands on a weekend moves to the next weekday
    /// not already a holiday: Boxing Day keeps a Monday 26th, so a Sunday Christmas is given on the Tuesday.
    /// </summary>
    private static DateOnly[] ChristmasAndBoxingDay(int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        return christmas.DayOfWeek switch
        {
            DayOfWeek.Saturday => [new(year, 12, 27), new(year, 12, 28)],
            DayOfWeek.Sunday => [new(year, 12, 26), new(year, 12, 27)],
            DayOfWeek.Friday => [christmas, new(year, 12, 28)], // Boxing Day on Saturday
            _ => [christmas, new(year, 12, 26)],
        };
    }

    private static DateOnly NextWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
