using LearningReviews.Domain.Calendar;

namespace LearningReviews.UnitTests.Calendar;

public sealed class DeadlineRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 1); // a Tuesday
    private static readonly WorkingDayCalendar Calendar = new([new DateOnly(2026, 12, 29)]);
    private const string Label = "Deadline for completion of the report";

    [Fact]
    public void A_working_day_today_or_later_is_kept_as_typed()
    {
        Assert.Equal(new DeadlineCheck(Today, null, null), DeadlineRule.Check(Today, Today, Calendar, Label));
        Assert.Equal(new DeadlineCheck(new(2026, 12, 4), null, null), DeadlineRule.Check(new(2026, 12, 4), Today, Calendar, Label));
    }

    [Fact]
    public void A_date_that_has_passed_is_refused()
    {
        var check = DeadlineRule.Check(new(2026, 11, 30), Today, Calendar, Label);
        Assert.Equal("'Deadline for completion of the report' must be today or in the future: Monday 30 November 2026 has passed", check.Problem);
        Assert.Null(check.Moved);
    }

    [Fact]
    public void A_weekend_becomes_the_Monday_and_says_so()
    {
        var check = DeadlineRule.Check(new(2026, 12, 5), Today, Calendar, Label);
        Assert.Equal(new DateOnly(2026, 12, 7), check.Date);
        Assert.Null(check.Problem);
        Assert.Equal("Saturday 5 December 2026 is not a working day; the deadline is Monday 7 December 2026.", check.Moved);
    }

    [Fact]
    public void Bank_holidays_and_closure_days_are_skipped_too()
    {
        // Christmas Day 2026 is a Friday; the 28th is the Boxing Day substitute; the 29th is a closure day.
        var check = DeadlineRule.Check(new(2026, 12, 25), Today, Calendar, "Date comments are due");
        Assert.Equal(new DateOnly(2026, 12, 30), check.Date);
        Assert.Equal("Friday 25 December 2026 is not a working day; the deadline is Wednesday 30 December 2026.", check.Moved);
    }
}
