using System.Globalization;
using System.Text.RegularExpressions;

namespace LearningReviews.Web.Features.Themes;

/// <summary>A calendar quarter (January to March is the first), the unit the themes dashboard counts by.</summary>
public readonly partial record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static Quarter Containing(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    /// <summary>The first day of the quarter.</summary>
    public DateOnly Start => new(Year, (Number - 1) * 3 + 1, 1);

    /// <summary>The first day after the quarter.</summary>
    public DateOnly End => Start.AddMonths(3);

    public Quarter Plus(int quarters)
    {
        var index = Year * 4 + (Number - 1) + quarters;
        return new Quarter(index / 4, index % 4 + 1);
    }

    /// <summary>How many quarters from this one to <paramref name="other"/> (negative when it is earlier).</summary>
    public int QuartersTo(Quarter other) => (other.Year * 4 + other.Number) - (Year * 4 + Number);

    /// <summary>"2026-Q1", as the dashboard's address carries it.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");

    /// <summary>"Jan to Mar 2026", as people read it.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Months[(Number - 1) * 3]} to {Months[(Number - 1) * 3 + 2]} {Year}");

    /// <summary>A short label for a chart's axis: "Q1 2026".</summary>
    public string ShortLabel => string.Create(CultureInfo.InvariantCulture, $"Q{Number} {Year}");

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var match = text is null ? null : KeyPattern().Match(text.Trim());
        if (match is not { Success: true }) return false;
        quarter = new Quarter(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return true;
    }

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;
    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;
    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    [GeneratedRegex("^(20[0-9]{2})-Q([1-4])$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex KeyPattern();
}

/// <summary>The quarters counted, from the first to the last, both included.</summary>
public sealed record ThemePeriod(Quarter From, Quarter To)
{
    /// <summary>The longest period the dashboard counts: five years of quarters.</summary>
    public const int MostQuarters = 20;

    /// <summary>The last 12 months: the quarter holding today and the three before it.</summary>
    public static ThemePeriod Default(DateOnly today)
    {
        var current = Quarter.Containing(today);
        return new ThemePeriod(current.Plus(-3), current);
    }

    /// <summary>
    /// The period asked for ("2025-Q3" to "2026-Q2"), or the default where a quarter is missing or unreadable;
    /// quarters given the wrong way round are swapped, and a period longer than <see cref="MostQuarters"/> ends at its last quarter.
    /// </summary>
    public static ThemePeriod Read(string? from, string? to, DateOnly today)
    {
        var fallback = Default(today);
        var first = Quarter.TryParse(from, out var f) ? f : fallback.From;
        var last = Quarter.TryParse(to, out var t) ? t : fallback.To;
        if (first > last) (first, last) = (last, first);
        if (first.QuartersTo(last) >= MostQuarters) first = last.Plus(-(MostQuarters - 1));
        return new ThemePeriod(first, last);
    }

    public IReadOnlyList<Quarter> Quarters => Enumerable.Range(0, From.QuartersTo(To) + 1).Select(From.Plus).ToList();

    public DateOnly Start => From.Start;

    /// <summary>The first day after the period.</summary>
    public DateOnly End => To.End;

    public string Label => From == To ? From.Label : $"{From.Label} to {To.Label}";
}
