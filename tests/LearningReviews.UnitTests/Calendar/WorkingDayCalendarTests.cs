using System.Globalization;
using LearningReviews.Domain.Calendar;

namespace LearningReviews.UnitTests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _calendar = new();

    [Theory]
    [InlineData("2025-06-13", true)]  // Friday
    [InlineData("2025-06-14", false)] // Saturday
    [InlineData("2025-06-15", false)] // Sunday
    [InlineData("2025-12-25", false)] // Christmas Day, a Thursday
    [InlineData("2026-12-28", false)] // Monday, Boxing Day's substitute
    [InlineData("2026-12-29", true)]
    public void Working_days_are_weekdays_that_are_not_bank_holidays(string date, bool working)
    {
        Assert.Equal(working, _calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void Configured_closure_days_are_not_working_days()
    {
        var calendar = new WorkingDayCalendar([D("2025-12-29"), D("2025-12-29")]);
        Assert.False(calendar.IsWorkingDay(D("2025-12-29")));
        Assert.True(calendar.IsWorkingDay(D("2025-12-30")));
        Assert.True(_calendar.IsWorkingDay(D("2025-12-29")));
    }

    [Fact]
    public void Ten_working_days_after_a_date_skip_Good_Friday_and_Easter_Monday()
    {
        // Friday 27 March 2026: four days to Thursday 2 April, then Easter (3–6 April), then six more.
        Assert.Equal(D("2026-04-14"), _calendar.AddWorkingDays(D("2026-03-27"), 10));
    }

    [Fact]
    public void Ten_working_days_before_a_date_skip_Easter_going_backwards()
    {
        // The latest planning meeting for a learning day on Monday 28 April 2025, across Easter 18–21 April.
        Assert.Equal(D("2025-04-10"), _calendar.AddWorkingDays(D("2025-04-28"), -10));
    }

    [Fact]
    public void The_15_working_day_rapid_review_clock_skips_Christmas_and_New_Year()
    {
        // Notified Monday 15 December 2025: 25, 26 December and 1 January are bank holidays.
        Assert.Equal(D("2026-01-08"), _calendar.AddWorkingDays(D("2025-12-15"), 15));
    }

    [Fact]
    public void The_rapid_review_clock_also_skips_configured_closure_days()
    {
        var calendar = new WorkingDayCalendar([D("2025-12-29"), D("2025-12-30"), D("2025-12-31")]);
        Assert.Equal(D("2026-01-13"), calendar.AddWorkingDays(D("2025-12-15"), 15));
    }

    [Fact]
    public void The_rapid_review_clock_from_a_notification_just_before_Easter_runs_past_it()
    {
        Assert.Equal(D("2026-04-27"), _calendar.AddWorkingDays(D("2026-04-02"), 15));
    }

    [Fact]
    public void Counting_from_a_weekend_starts_on_the_next_working_day()
    {
        Assert.Equal(D("2025-06-16"), _calendar.AddWorkingDays(D("2025-06-14"), 1));
        Assert.Equal(D("2025-06-13"), _calendar.AddWorkingDays(D("2025-06-16"), -1));
    }

    [Fact]
    public void Adding_no_working_days_returns_the_start_even_on_a_holiday()
    {
        Assert.Equal(D("2025-12-25"), _calendar.AddWorkingDays(D("2025-12-25"), 0));
    }

    [Fact]
    public void Working_days_between_count_after_from_up_to_and_including_to()
    {
        // 22, 23, 24, 29, 30, 31 December 2025 and 2 January 2026.
        Assert.Equal(7, _calendar.WorkingDaysBetween(D("2025-12-19"), D("2026-01-02")));
        Assert.Equal(0, _calendar.WorkingDaysBetween(D("2025-12-19"), D("2025-12-19")));
        Assert.Equal(0, _calendar.WorkingDaysBetween(D("2025-06-13"), D("2025-06-15")));
    }

    [Fact]
    public void Working_days_between_are_negative_when_to_is_before_from()
    {
        Assert.Equal(-7, _calendar.WorkingDaysBetween(D("2026-01-02"), D("2025-12-19")));
        // A deadline of Friday seen on the Saturday: one working day overdue.
        Assert.Equal(-1, _calendar.WorkingDaysBetween(D("2025-06-14"), D("2025-06-13")));
    }

    [Theory]
    [InlineData("2025-12-20", 15)]
    [InlineData("2025-12-20", -15)]
    [InlineData("2026-04-04", 10)]
    [InlineData("2026-04-04", -10)]
    [InlineData("2026-12-24", 3)]
    public void Working_days_between_undoes_adding_working_days(string start, int days)
    {
        var date = D(start);
        Assert.Equal(days, _calendar.WorkingDaysBetween(date, _calendar.AddWorkingDays(date, days)));
    }

    [Theory]
    [InlineData("2026-04-13", false)] // only 9 working days after Friday 27 March, because of Easter
    [InlineData("2026-04-14", true)]
    [InlineData("2026-05-01", true)]
    [InlineData("2026-03-20", false)] // before, not after
    public void A_planning_meeting_must_be_at_least_10_working_days_before_the_day(string day, bool enough)
    {
        Assert.Equal(enough, _calendar.IsAtLeastWorkingDaysBefore(D("2026-03-27"), D(day), 10));
    }

    [Fact]
    public void A_negative_number_of_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.IsAtLeastWorkingDaysBefore(D("2026-03-27"), D("2026-04-14"), -1));
    }

    [Fact]
    public void Dates_outside_the_supported_years_are_refused_even_at_weekends()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.IsWorkingDay(new DateOnly(2101, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.IsWorkingDay(new DateOnly(1969, 12, 28)));
    }

    private static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
