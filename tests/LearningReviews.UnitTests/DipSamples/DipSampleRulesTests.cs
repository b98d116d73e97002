using LearningReviews.Domain.DipSamples;

namespace LearningReviews.UnitTests.DipSamples;

public sealed class DipSampleRulesTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(9, false)]
    public void Fewer_than_four_audits_in_a_month_is_below_the_minimum(int audits, bool below) =>
        Assert.Equal(below, DipSampleRules.IsBelowMinimum(audits));

    [Fact]
    public void Months_between_two_dates_cross_the_year_and_include_both_ends()
    {
        var months = DipSampleRules.MonthsBetween(new DateOnly(2025, 11, 20), new DateOnly(2026, 2, 3));
        Assert.Equal([202511, 202512, 202601, 202602], months);
        Assert.Equal(new DateOnly(2026, 2, 1), DipSampleRules.FirstDayOf(202602));
        Assert.Equal(202602, DipSampleRules.MonthKey(new DateOnly(2026, 2, 28)));
    }
}
