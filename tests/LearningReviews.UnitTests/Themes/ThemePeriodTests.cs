using LearningReviews.Web.Features.Themes;
using LearningReviews.Web.Infrastructure;

namespace LearningReviews.UnitTests.Themes;

/// <summary>The quarters the themes dashboard counts by, read on a fixed clock.</summary>
public sealed class ThemePeriodTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static DateOnly TodayInLondon(DateTimeOffset utcNow) =>
        new PartnershipTime(new FixedClock(utcNow), PartnershipTime.ZoneOrUtc(null, out _)).Today;

    [Fact]
    public void By_default_the_period_is_the_last_twelve_months_the_current_quarter_and_the_three_before()
    {
        var period = ThemePeriod.Default(TodayInLondon(new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero)));
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], period.Quarters.Select(q => q.Key));
        Assert.Equal(new DateOnly(2026, 1, 1), period.Start);
        Assert.Equal(new DateOnly(2027, 1, 1), period.End);
        Assert.Equal("Jan to Mar 2026 to Oct to Dec 2026", period.Label);
    }

    [Fact]
    public void The_quarter_is_the_partnerships_so_late_on_the_last_of_March_in_UTC_is_already_April()
    {
        // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London (summer time).
        var today = TodayInLondon(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new Quarter(2026, 2), Quarter.Containing(today));
        Assert.Equal(["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"], ThemePeriod.Default(today).Quarters.Select(q => q.Key));
    }

    [Fact]
    public void Quarters_cross_years_both_ways()
    {
        Assert.Equal(new Quarter(2025, 4), new Quarter(2026, 1).Plus(-1));
        Assert.Equal(new Quarter(2027, 1), new Quarter(2026, 4).Plus(1));
        Assert.Equal(new Quarter(2024, 3), new Quarter(2026, 2).Plus(-7));
        Assert.Equal(7, new Quarter(2024, 3).QuartersTo(new Quarter(2026, 2)));
        Assert.Equal(new DateOnly(2025, 10, 1), new Quarter(2025, 4).Start);
        Assert.Equal(new DateOnly(2026, 1, 1), new Quarter(2025, 4).End);
        Assert.Equal("Oct to Dec 2025", new Quarter(2025, 4).Label);
    }

    [Fact]
    public void A_period_read_from_the_address_is_put_right_rather_than_refused()
    {
        var today = new DateOnly(2026, 12, 7);
        Assert.Equal(new ThemePeriod(new Quarter(2025, 3), new Quarter(2026, 2)), ThemePeriod.Read("2025-Q3", "2026-q2", today));
        // The wrong way round is swapped; nonsense falls back to the default.
        Assert.Equal(new ThemePeriod(new Quarter(2025, 3), new Quarter(2026, 2)), ThemePeriod.Read("2026-Q2", "2025-Q3", today));
        Assert.Equal(ThemePeriod.Default(today), ThemePeriod.Read("2026-Q5", "last year", today));
        // More than five years ends at its last quarter.
        var longest = ThemePeriod.Read("2010-Q1", "2026-Q4", today);
        Assert.Equal(ThemePeriod.MostQuarters, longest.Quarters.Count);
        Assert.Equal(new Quarter(2026, 4), longest.To);
    }
}
