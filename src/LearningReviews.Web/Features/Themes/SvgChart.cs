using System.Globalization;
using System.Net;
using System.Text;

namespace LearningReviews.Web.Features.Themes;

/// <summary>One set of values in a chart, such as "Open actions", one value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<int> Values);

/// <summary>
/// Charts drawn on the server as SVG, readable without any script: each is one image (role="img") named by its
/// &lt;title&gt; and described by its &lt;desc&gt;, with every bar's value written beside it, and series told apart
/// by pattern as well as colour (solid, hatched), so colour is never the only means. The page puts a table of
/// the same numbers and a sentence summing them up beside every chart.
/// </summary>
public static class SvgChart
{
    /// <summary>GOV.UK blue and black: both at least 4.5:1 against white, for bars and text alike.</summary>
    private static readonly string[] Colours = ["#1d70b8", "#0b0c0c", "#d4351c"];

    private const int LabelWidth = 230;
    private const int PlotWidth = 380;
    private const int ValueWidth = 50;
    private const int BarHeight = 16;
    private const int Gap = 12;
    private const int LegendHeight = 28;

    /// <summary>
    /// Horizontal bars, one group per category (a theme), one bar per series. Each bar is a rect with
    /// data-series, data-category and data-value, its length in proportion to the largest value.
    /// </summary>
    public static string HorizontalBars(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var groupHeight = series.Count * BarHeight + Gap;
        var legend = series.Count > 1 ? LegendHeight : 0;
        var width = LabelWidth + PlotWidth + ValueWidth;
        var height = legend + categories.Count * groupHeight + Gap;
        var svg = Start(id, title, description, width, height);
        if (series.Count > 1) Legend(svg, id, series, 0);
        for (var c = 0; c < categories.Count; c++)
        {
            var top = legend + c * groupHeight + Gap / 2;
            svg.Append(Invariant($"<text x=\"{LabelWidth - 8}\" y=\"{top + series.Count * BarHeight / 2 + 5}\" text-anchor=\"end\" font-size=\"14\" fill=\"#0b0c0c\">{Encode(Shorten(categories[c]))}</text>"));
            for (var s = 0; s < series.Count; s++)
            {
                var value = c < series[s].Values.Count ? series[s].Values[c] : 0;
                var length = (int)Math.Round((double)value / max * PlotWidth);
                var y = top + s * BarHeight;
                svg.Append(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length}\" height=\"{BarHeight - 3}\" fill=\"{Fill(id, s)}\" stroke=\"{Colours[s % Colours.Length]}\" "))
                    .Append(Invariant($"data-series=\"{Encode(series[s].Name)}\" data-category=\"{Encode(categories[c])}\" data-value=\"{value}\"/>"));
                svg.Append(Invariant($"<text x=\"{LabelWidth + length + 6}\" y=\"{y + BarHeight - 5}\" font-size=\"13\" fill=\"#0b0c0c\">{value}</text>"));
            }
        }
        svg.Append(Invariant($"<line x1=\"{LabelWidth}\" y1=\"{legend}\" x2=\"{LabelWidth}\" y2=\"{height}\" stroke=\"#0b0c0c\"/>"));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Columns over time (one per quarter), each with its value above it: the trend.</summary>
    public static string Columns(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<int> values)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(values);
        const int plotHeight = 180, columnWidth = 56, top = 24, axis = 36;
        var max = Math.Max(1, values.DefaultIfEmpty(0).Max());
        var width = Math.Max(240, categories.Count * (columnWidth + Gap) + Gap);
        var height = top + plotHeight + axis;
        var svg = Start(id, title, description, width, height);
        for (var c = 0; c < categories.Count; c++)
        {
            var value = c < values.Count ? values[c] : 0;
            var columnHeight = (int)Math.Round((double)value / max * plotHeight);
            var x = Gap + c * (columnWidth + Gap);
            var y = top + plotHeight - columnHeight;
            svg.Append(Invariant($"<rect x=\"{x}\" y=\"{y}\" width=\"{columnWidth}\" height=\"{columnHeight}\" fill=\"{Colours[0]}\" "))
                .Append(Invariant($"data-category=\"{Encode(categories[c])}\" data-value=\"{value}\"/>"));
            svg.Append(Invariant($"<text x=\"{x + columnWidth / 2}\" y=\"{y - 6}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#0b0c0c\">{value}</text>"));
            svg.Append(Invariant($"<text x=\"{x + columnWidth / 2}\" y=\"{top + plotHeight + 20}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#0b0c0c\">{Encode(categories[c])}</text>"));
        }
        svg.Append(Invariant($"<line x1=\"0\" y1=\"{top + plotHeight}\" x2=\"{width}\" y2=\"{top + plotHeight}\" stroke=\"#0b0c0c\"/>"));
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Start(string id, string title, string description, int width, int height)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" role=\"img\" id=\"{Encode(id)}\" aria-labelledby=\"{Encode(id)}-title\" aria-describedby=\"{Encode(id)}-desc\" "))
            .Append(Invariant($"viewBox=\"0 0 {width} {height}\" focusable=\"false\">"))
            .Append(Invariant($"<title id=\"{Encode(id)}-title\">{Encode(title)}</title><desc id=\"{Encode(id)}-desc\">{Encode(description)}</desc>"))
            // The second series is hatched, so the bars differ in pattern as well as colour.
            .Append(Invariant($"<defs><pattern id=\"{Encode(id)}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"))
            .Append(Invariant($"<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><rect width=\"3\" height=\"6\" fill=\"{Colours[1]}\"/></pattern></defs>"));
        return svg;
    }

    private static void Legend(StringBuilder svg, string id, IReadOnlyList<ChartSeries> series, int top)
    {
        var x = LabelWidth;
        for (var s = 0; s < series.Count; s++)
        {
            svg.Append(Invariant($"<rect x=\"{x}\" y=\"{top + 6}\" width=\"14\" height=\"14\" fill=\"{Fill(id, s)}\" stroke=\"{Colours[s % Colours.Length]}\"/>"));
            svg.Append(Invariant($"<text x=\"{x + 20}\" y=\"{top + 18}\" font-size=\"13\" fill=\"#0b0c0c\">{Encode(series[s].Name)}</text>"));
            x += 30 + series[s].Name.Length * 8;
        }
    }

    /// <summary>Solid for the first series, hatched for the second, solid again (red) for a third.</summary>
    private static string Fill(string id, int series) => series == 1 ? $"url(#{Encode(id)}-hatch)" : Colours[series % Colours.Length];

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..29] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
