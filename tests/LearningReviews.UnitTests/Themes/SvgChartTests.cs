using System.Xml.Linq;
using LearningReviews.Web.Features.Themes;

namespace LearningReviews.UnitTests.Themes;

/// <summary>The server-drawn charts: bars in proportion to their values, named for assistive technology, values written out.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Draw(IReadOnlyList<string> categories, params ChartSeries[] series) =>
        XElement.Parse(SvgChart.HorizontalBars("chart-x", "Reviews per theme", "Neglect came up most.", categories, series));

    [Fact]
    public void Each_value_becomes_a_bar_whose_length_is_in_proportion_to_the_largest()
    {
        var svg = Draw(["Neglect", "Supervision", "Recording"], new ChartSeries("Reviews", [8, 4, 0]));
        var bars = svg.Descendants(Svg + "rect").Where(r => r.Attribute("data-value") is not null).ToList();
        Assert.Equal(["8", "4", "0"], bars.Select(b => b.Attribute("data-value")!.Value));
        Assert.Equal(["Neglect", "Supervision", "Recording"], bars.Select(b => b.Attribute("data-category")!.Value));
        var widths = bars.Select(b => int.Parse(b.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(widths[0], widths[1] * 2);
        Assert.Equal(0, widths[2]);
        Assert.True(widths[0] > 0);
    }

    [Fact]
    public void The_chart_is_one_image_named_by_its_title_and_described_by_its_summary()
    {
        var svg = Draw(["Neglect"], new ChartSeries("Reviews", [3]));
        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("chart-x-title", svg.Attribute("aria-labelledby")!.Value);
        Assert.Equal("chart-x-desc", svg.Attribute("aria-describedby")!.Value);
        Assert.Equal("Reviews per theme", svg.Element(Svg + "title")!.Value);
        Assert.Equal("chart-x-title", svg.Element(Svg + "title")!.Attribute("id")!.Value);
        Assert.Equal("Neglect came up most.", svg.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void Every_value_is_written_beside_its_bar_so_the_chart_reads_without_colour()
    {
        var svg = Draw(["Neglect", "Exploitation"], new ChartSeries("Open", [5, 2]), new ChartSeries("Overdue", [3, 0]));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        foreach (var value in new[] { "5", "2", "3", "0", "Open", "Overdue", "Neglect", "Exploitation" }) Assert.Contains(value, texts);
        // The second series is hatched, not only another colour.
        var overdue = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("data-series") == "Overdue").ToList();
        Assert.All(overdue, r => Assert.Equal("url(#chart-x-hatch)", r.Attribute("fill")!.Value));
        Assert.NotNull(svg.Descendants(Svg + "pattern").SingleOrDefault(p => (string?)p.Attribute("id") == "chart-x-hatch"));
    }

    [Fact]
    public void Names_are_escaped_and_long_ones_shortened_on_the_chart_but_kept_whole_in_its_data()
    {
        var name = "Harm outside the home & <online> exploitation of adolescents";
        var svg = Draw([name], new ChartSeries("Reviews", [1]));
        Assert.Equal(name, svg.Descendants(Svg + "rect").Single(r => r.Attribute("data-value") is not null).Attribute("data-category")!.Value);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.StartsWith("Harm outside the home &", StringComparison.Ordinal) && t.Value.EndsWith('…'));
    }

    [Fact]
    public void Columns_show_a_trend_with_each_quarter_labelled_and_valued()
    {
        var svg = XElement.Parse(SvgChart.Columns("trend", "Reviews per quarter", "Rose from 1 to 4.", ["Q1 2026", "Q2 2026"], [1, 4]));
        var columns = svg.Descendants(Svg + "rect").Where(r => r.Attribute("data-value") is not null).ToList();
        Assert.Equal(["1", "4"], columns.Select(c => c.Attribute("data-value")!.Value));
        var heights = columns.Select(c => int.Parse(c.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(heights[0] * 4, heights[1]);
        Assert.Contains("Q2 2026", svg.Descendants(Svg + "text").Select(t => t.Value));
        Assert.Equal("img", svg.Attribute("role")!.Value);
    }
}
