using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.RapidReviews;

namespace LearningReviews.UnitTests.InformationRequests;

public sealed class RapidReviewClockTests
{
    private static readonly WorkingDayCalendar Calendar = new();

    [Fact]
    public void The_plan_counts_working_days_from_the_notification_skipping_weekends_and_bank_holidays()
    {
        // Notified on Friday 18 December 2026: Christmas Day (Fri 25) and the substitute Boxing Day (Mon 28) are not counted.
        var notified = new DateOnly(2026, 12, 18);
        var plan = RapidReviewClock.For(notified, Calendar, new Dictionary<string, DateOnly>());
        Assert.Equal(["requests", "summaries", "meeting", "decision", "ratified"], plan.Select(s => s.Key));
        Assert.Equal(new DateOnly(2026, 12, 21), plan[0].Due); // day 1: Monday
        Assert.Equal(new DateOnly(2026, 12, 29), plan[1].Due); // day 5: 21, 22, 23, 24, 29
        Assert.Equal(new DateOnly(2027, 1, 6), plan[2].Due);   // day 10: 30, 31, 4 (1 Jan is a bank holiday), 5, 6 January
        Assert.Equal(new DateOnly(2027, 1, 13), plan[4].Due);  // day 15
        Assert.Equal(plan[4].Due, RapidReviewClock.Deadline(notified, Calendar));
        Assert.All(plan, step => Assert.Null(step.Recorded));
    }

    [Fact]
    public void Each_step_carries_the_date_recorded_for_it()
    {
        var plan = RapidReviewClock.For(new DateOnly(2026, 6, 1), Calendar, new Dictionary<string, DateOnly> { ["meeting"] = new(2026, 6, 12) });
        Assert.Equal(new DateOnly(2026, 6, 12), Assert.Single(plan, s => s.Key == "meeting").Recorded);
        Assert.Null(Assert.Single(plan, s => s.Key == "decision").Recorded);
    }

    [Fact]
    public void The_day_number_is_working_days_since_the_notification()
    {
        var notified = new DateOnly(2026, 6, 5); // a Friday
        Assert.Equal(0, RapidReviewClock.DayNumber(notified, notified, Calendar));
        Assert.Equal(0, RapidReviewClock.DayNumber(notified, new DateOnly(2026, 6, 7), Calendar)); // the weekend counts for nothing
        Assert.Equal(1, RapidReviewClock.DayNumber(notified, new DateOnly(2026, 6, 8), Calendar));
        Assert.Equal(15, RapidReviewClock.DayNumber(notified, RapidReviewClock.Deadline(notified, Calendar), Calendar));
    }
}
