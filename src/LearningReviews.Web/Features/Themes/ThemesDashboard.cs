using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Themes;

/// <summary>What the themes dashboard shows: the figures, and the charts, tables and sentences made from them.</summary>
public sealed class ThemesDashboard(ThemeFiguresResult figures, DateOnly today, Guid? trendTheme, Func<string, string> methodologyName)
{
    public ThemeFiguresResult Figures { get; } = figures;

    /// <summary>The theme the trend follows, or null for reviews tagged with any theme.</summary>
    public ThemeCount? TrendTheme { get; } = figures.Themes.FirstOrDefault(t => t.ThemeId == trendTheme);

    /// <summary>Themes with anything to count in the period or open now, in the list's order.</summary>
    public IReadOnlyList<ThemeCount> Counted { get; } = figures.Themes
        .Where(t => t.Reviews + t.LearningPoints + t.Actions + t.OpenActions + t.OverdueActions > 0).ToList();

    /// <summary>The quarters offered in the period's lists: the last five years, newest first.</summary>
    public IReadOnlyList<SelectListItem> QuarterChoices(Quarter chosen) =>
        Enumerable.Range(0, ThemePeriod.MostQuarters).Select(n => Quarter.Containing(today).Plus(-n))
            .Select(q => new SelectListItem(q.Label, q.Key, q == chosen)).ToList();

    public IReadOnlyList<SelectListItem> ThemeChoices() =>
        Figures.Themes.Select(t => new SelectListItem(Name(t), t.ThemeId.ToString(), t.ThemeId == TrendTheme?.ThemeId)).ToList();

    public static string Name(ThemeCount theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return theme.IsRetired ? theme.Name + " (retired)" : theme.Name;
    }

    public string MethodologyName(string key) => methodologyName(key);

    /// <summary>One sentence summing up the period.</summary>
    public string Summary()
    {
        var period = Figures.Period.Label;
        if (Figures.ReviewsInPeriod == 0) return $"No reviews you can see were started in {period}.";
        var sentence = $"{Figures.TaggedReviewsInPeriod} of the {Figures.ReviewsInPeriod} {Plural(Figures.ReviewsInPeriod, "review", "reviews")} you can see that were started in {period} {(Figures.TaggedReviewsInPeriod == 1 ? "was" : "were")} tagged with a theme.";
        var top = Counted.Where(t => t.Reviews > 0).OrderByDescending(t => t.Reviews).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (top.Count > 0)
        {
            var most = top.Where(t => t.Reviews == top[0].Reviews).Select(Name).ToList();
            sentence += $" The most common {(most.Count == 1 ? "theme was" : "themes were")} {Join(most)} ({top[0].Reviews} {Plural(top[0].Reviews, "review", "reviews")}).";
        }
        return sentence;
    }

    public string ActionsSummary()
    {
        var open = Figures.Themes.Sum(t => t.OpenActions);
        if (open == 0) return "No actions tagged with a theme are open.";
        var worst = Counted.Where(t => t.OverdueActions > 0).OrderByDescending(t => t.OverdueActions).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        return worst is null
            ? "None of the open actions is overdue."
            : $"The theme with the most overdue actions is {Name(worst)}: {worst.OverdueActions} of its {worst.OpenActions} open {Plural(worst.OpenActions, "action", "actions")}.";
    }

    /// <summary>Reviews per quarter: with the trend's theme, or tagged with any theme.</summary>
    public IReadOnlyList<(Quarter Quarter, int Reviews)> Trend() =>
        Figures.Period.Quarters.Select(q => (q, TrendTheme is { } theme
            ? Figures.ReviewsByQuarter.Where(b => b.ThemeId == theme.ThemeId && b.Heading == q.Key).Sum(b => b.Count)
            : Figures.TaggedReviewsPerQuarter.GetValueOrDefault(q))).ToList();

    public string TrendSummary()
    {
        var trend = Trend();
        var what = TrendTheme is { } theme ? $"Reviews tagged {Name(theme)}" : "Reviews tagged with any theme";
        if (trend.Count < 2) return $"{what}: {trend.Sum(t => t.Reviews)} in {Figures.Period.Label}.";
        var (first, last) = (trend[0], trend[^1]);
        var direction = last.Reviews > first.Reviews ? "rose" : last.Reviews < first.Reviews ? "fell" : "stayed";
        return direction == "stayed"
            ? $"{what} numbered {first.Reviews} in {first.Quarter.Label} and {last.Reviews} in {last.Quarter.Label}."
            : $"{what} {direction} from {first.Reviews} in {first.Quarter.Label} to {last.Reviews} in {last.Quarter.Label}.";
    }

    public string ReviewsChart() => SvgChart.HorizontalBars("chart-reviews", "Reviews per theme, " + Figures.Period.Label, Summary(),
        Counted.Select(Name).ToList(), [new ChartSeries("Reviews", Counted.Select(t => t.Reviews).ToList())]);

    public string ActionsChart() => SvgChart.HorizontalBars("chart-actions", "Open and overdue actions per theme", ActionsSummary(),
        Counted.Select(Name).ToList(),
        [new ChartSeries("Open", Counted.Select(t => t.OpenActions).ToList()), new ChartSeries("Overdue", Counted.Select(t => t.OverdueActions).ToList())]);

    public string TrendChart() => SvgChart.Columns("chart-trend", (TrendTheme is { } theme ? $"Reviews tagged {Name(theme)}" : "Reviews tagged with a theme") + ", quarter by quarter",
        TrendSummary(), Trend().Select(t => t.Quarter.ShortLabel).ToList(), Trend().Select(t => t.Reviews).ToList());

    /// <summary>A table of counts: one row per counted theme, one column per heading (methodology, locality, agency).</summary>
    public (IReadOnlyList<string> Headings, IReadOnlyList<(ThemeCount Theme, IReadOnlyList<int> Counts)> Rows) Matrix(IReadOnlyList<ThemeBreakdown> breakdown)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        var headings = breakdown.Select(b => b.Heading).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
        var rows = Counted.Where(t => breakdown.Any(b => b.ThemeId == t.ThemeId))
            .Select(t => (t, (IReadOnlyList<int>)headings.Select(h => breakdown.Where(b => b.ThemeId == t.ThemeId && b.Heading == h).Sum(b => b.Count)).ToList()))
            .ToList();
        return (headings, rows);
    }

    public static string Number(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
