using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Meetings;

namespace LearningReviews.UnitTests.Meetings;

public sealed class MonthlyRuleTests
{
    private static readonly WorkingDayCalendar Calendar = new();

    [Fact]
    public void The_first_Tuesday_of_each_month_runs_across_the_year_end()
    {
        var dates = new MonthlyRule(1, DayOfWeek.Tuesday).Dates(new DateOnly(2026, 11, 1), 4, Calendar);
        Assert.Equal(
            [new DateOnly(2026, 11, 3), new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 5), new DateOnly(2027, 2, 2)],
            dates.Select(d => d.Date));
        Assert.All(dates, d => Assert.Null(d.MovedFrom));
    }

    [Fact]
    public void A_date_on_a_bank_holiday_moves_to_the_next_working_day()
    {
        // New Year's Day 2027 is the first Friday of January; 3 May 2027 is the early May bank holiday.
        var fridays = new MonthlyRule(1, DayOfWeek.Friday).Dates(new DateOnly(2027, 1, 1), 1, Calendar);
        Assert.Equal((new DateOnly(2027, 1, 4), (DateOnly?)new DateOnly(2027, 1, 1)), Assert.Single(fridays));
        var mondays = new MonthlyRule(1, DayOfWeek.Monday).Dates(new DateOnly(2027, 5, 1), 1, Calendar);
        Assert.Equal((new DateOnly(2027, 5, 4), (DateOnly?)new DateOnly(2027, 5, 3)), Assert.Single(mondays));
    }

    [Fact]
    public void The_last_Friday_of_December_2026_is_Christmas_Day_and_moves_past_the_Boxing_Day_substitute()
    {
        var dates = new MonthlyRule(MonthlyRule.Last, DayOfWeek.Friday).Dates(new DateOnly(2026, 12, 1), 1, Calendar);
        // 25 December is a Friday; Boxing Day falls on Saturday, so Monday 28 December is its bank holiday.
        Assert.Equal((new DateOnly(2026, 12, 29), (DateOnly?)new DateOnly(2026, 12, 25)), Assert.Single(dates));
    }

    [Fact]
    public void A_month_whose_date_has_passed_is_left_out_not_replaced()
    {
        // From 10 June 2026: the first Tuesday of June (2 June) has passed, so eleven dates remain of twelve months.
        var dates = new MonthlyRule(1, DayOfWeek.Tuesday).Dates(new DateOnly(2026, 6, 10), 12, Calendar);
        Assert.Equal(11, dates.Count);
        Assert.Equal(new DateOnly(2026, 7, 7), dates[0].Date);
        Assert.Equal(new DateOnly(2027, 5, 4), dates[^1].Date);
    }

    [Theory]
    [InlineData(2, DayOfWeek.Wednesday, 2027, 3, 10)]
    [InlineData(4, DayOfWeek.Thursday, 2027, 2, 25)]
    [InlineData(MonthlyRule.Last, DayOfWeek.Monday, 2027, 3, 29)]
    public void The_nth_weekday_is_found(int week, DayOfWeek day, int year, int month, int expectedDay) =>
        Assert.Equal(new DateOnly(year, month, expectedDay), new MonthlyRule(week, day).In(year, month));

    [Fact]
    public void The_rule_reads_as_words() =>
        Assert.Equal("The first Tuesday of each month", new MonthlyRule(1, DayOfWeek.Tuesday).Describe());
}
