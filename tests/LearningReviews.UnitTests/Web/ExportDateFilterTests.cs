using LearningReviews.Web.Features.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LearningReviews.UnitTests.Web;

/// <summary>The export page's From/To filter read from a query string: GOV.UK date boxes, or an old yyyy-MM-dd link.</summary>
public sealed class ExportDateFilterTests
{
    private static QueryCollection Query(params (string Key, string Value)[] pairs) =>
        new(pairs.ToDictionary(p => p.Key, p => new StringValues(p.Value)));

    [Fact]
    public void Boxes_typed_as_day_month_and_year_make_the_date()
    {
        var filter = ExportDateFilter.Read(Query(("From.day", " 7 "), ("From.month", "3"), ("From.year", "2026")), "From");
        Assert.Equal(new ExportDateFilter("7", "3", "2026", new DateOnly(2026, 3, 7), false), filter);
    }

    [Fact]
    public void Boxes_win_over_an_old_style_value_under_the_same_name()
    {
        var filter = ExportDateFilter.Read(Query(("From", "2020-01-01"), ("From.day", "7"), ("From.month", "3"), ("From.year", "2026")), "From");
        Assert.Equal(new DateOnly(2026, 3, 7), filter.Date);
    }

    [Fact]
    public void An_old_style_link_filters_and_fills_the_boxes()
    {
        var filter = ExportDateFilter.Read(Query(("To", "2026-03-07")), "To");
        Assert.Equal(new ExportDateFilter("7", "3", "2026", new DateOnly(2026, 3, 7), false), filter);
    }

    [Theory]
    [InlineData("31", "2", "2026")]
    [InlineData("", "2", "2026")]
    [InlineData("1", "13", "2026")]
    [InlineData("x", "2", "2026")]
    public void Boxes_that_do_not_make_a_real_date_are_invalid_and_kept_as_typed(string day, string month, string year)
    {
        var filter = ExportDateFilter.Read(Query(("From.day", day), ("From.month", month), ("From.year", year)), "From");
        Assert.True(filter.IsInvalid);
        Assert.Null(filter.Date);
        Assert.Equal((day, month, year), (filter.Day, filter.Month, filter.Year));
    }

    [Fact]
    public void An_impossible_old_style_date_is_invalid_and_shown_in_its_boxes()
    {
        var filter = ExportDateFilter.Read(Query(("From", "2026-02-31")), "From");
        Assert.Equal(new ExportDateFilter("31", "02", "2026", null, true), filter);
    }

    [Fact]
    public void Nothing_given_means_no_filter_and_no_error()
    {
        Assert.Equal(ExportDateFilter.None, ExportDateFilter.Read(Query(("From.day", ""), ("From.month", " "), ("Theme", "x")), "From"));
    }
}
