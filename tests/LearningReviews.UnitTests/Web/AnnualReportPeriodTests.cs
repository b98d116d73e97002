using LearningReviews.Web.Features.AnnualReport;
using LearningReviews.Web.Features.Themes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace LearningReviews.UnitTests.Web;

/// <summary>The annual report's period: the last financial year by default, otherwise whole quarters typed in GOV.UK date boxes.</summary>
public sealed class AnnualReportPeriodTests
{
    private static QueryCollection Period(string from, string to)
    {
        var (f, t) = (from.Split(' '), to.Split(' '));
        return new QueryCollection(new Dictionary<string, StringValues>
        {
            ["From.day"] = f[0], ["From.month"] = f[1], ["From.year"] = f[2], ["To.day"] = t[0], ["To.month"] = t[1], ["To.year"] = t[2],
        });
    }

    private static (AnnualReportPeriod? Period, ModelStateDictionary Errors) Read(QueryCollection query)
    {
        var errors = new ModelStateDictionary();
        var (period, _, _) = AnnualReportPeriod.Read(query, errors, new DateOnly(2027, 5, 4));
        return (period, errors);
    }

    private static string? Error(ModelStateDictionary errors, string key) =>
        errors.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    [Theory]
    [InlineData(2027, 3, 31, 2025, 2026)]
    [InlineData(2027, 4, 1, 2026, 2027)]
    [InlineData(2026, 12, 7, 2025, 2026)]
    public void With_no_dates_it_is_the_last_financial_year_that_has_ended(int year, int month, int day, int startYear, int endYear)
    {
        var period = AnnualReportPeriod.LastFinancialYear(new DateOnly(year, month, day));
        Assert.Equal(new AnnualReportPeriod(new DateOnly(startYear, 4, 1), new DateOnly(endYear, 3, 31)), period);
        Assert.Equal(new ThemePeriod(new Quarter(startYear, 2), new Quarter(endYear, 1)), period.Quarters);
    }

    [Fact]
    public void Nothing_typed_reads_as_the_last_financial_year_and_fills_the_boxes()
    {
        var errors = new ModelStateDictionary();
        var (period, from, to) = AnnualReportPeriod.Read(new QueryCollection(), errors, new DateOnly(2027, 5, 4));
        Assert.True(errors.IsValid);
        Assert.Equal("1 April 2026 to 31 March 2027", period!.Label);
        Assert.Equal(("1", "4", "2026"), (from.Day, from.Month, from.Year));
        Assert.Equal(("31", "3", "2027"), (to.Day, to.Month, to.Year));
    }

    [Fact]
    public void Whole_quarters_make_the_period_with_the_dashboards_quarters()
    {
        var (period, errors) = Read(Period("1 7 2026", "31 12 2026"));
        Assert.True(errors.IsValid);
        Assert.Equal(new ThemePeriod(new Quarter(2026, 3), new Quarter(2026, 4)), period!.Quarters);
        Assert.Equal("2026-07-01-to-2026-12-31", period.Key);
        Assert.Equal("?From.day=1&From.month=7&From.year=2026&To.day=31&To.month=12&To.year=2026", period.QueryString());
    }

    [Theory]
    [InlineData("2 1 2027", "31 3 2027", "From", "The period must start on the first day of a quarter: 1 January, 1 April, 1 July or 1 October")]
    [InlineData("1 2 2027", "31 3 2027", "From", "The period must start on the first day of a quarter: 1 January, 1 April, 1 July or 1 October")]
    [InlineData("1 1 2027", "30 3 2027", "To", "The period must end on the last day of a quarter: 31 March, 30 June, 30 September or 31 December")]
    [InlineData("1 1 2027", "30 4 2027", "To", "The period must end on the last day of a quarter: 31 March, 30 June, 30 September or 31 December")]
    [InlineData("1 4 2027", "31 3 2027", "To", "The end of the period must be after its start")]
    [InlineData("31 2 2027", "31 3 2027", "From", "Enter the start of the period as a real date, for example 1 4 2026")]
    [InlineData("1 1 2022", "31 3 2027", "To", "The period can be at most 5 years")]
    public void A_period_that_is_not_whole_quarters_or_not_real_is_refused_under_its_box(string from, string to, string box, string message)
    {
        var (period, errors) = Read(Period(from, to));
        Assert.Null(period);
        Assert.Equal(message, Error(errors, box));
    }

    [Fact]
    public void Five_whole_years_are_allowed()
    {
        var (period, errors) = Read(Period("1 4 2022", "31 3 2027"));
        Assert.True(errors.IsValid);
        Assert.Equal(20, period!.Quarters.Quarters.Count);
    }

    [Fact]
    public void One_box_left_empty_is_asked_for()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["From.day"] = "1", ["From.month"] = "1", ["From.year"] = "2027" });
        var (period, errors) = Read(query);
        Assert.Null(period);
        Assert.Equal("Enter the end of the period", Error(errors, "To"));
    }
}
