using LearningReviews.Web.Infrastructure;

namespace LearningReviews.UnitTests.Web;

public sealed class PartnershipTimeTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static PartnershipTime London(DateTimeOffset utcNow) =>
        new(new FixedClock(utcNow), PartnershipTime.ZoneOrUtc(null, out _));

    [Fact]
    public void In_summer_time_half_past_eleven_at_night_UTC_is_already_tomorrow_in_London()
    {
        var time = London(new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 7, 2), time.Today);
        Assert.Equal(new DateTime(2026, 7, 2, 0, 30, 0), time.Now);
    }

    [Fact]
    public void In_winter_London_time_is_UTC()
    {
        var time = London(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 12, 1), time.Today);
        Assert.Equal(new DateOnly(2026, 12, 1), time.LocalDate(new DateTime(2026, 12, 1, 23, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 6, 2), time.LocalDate(new DateTime(2026, 6, 1, 23, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void An_unknown_zone_falls_back_to_UTC_and_says_so()
    {
        var zone = PartnershipTime.ZoneOrUtc("Atlantis/Capital", out var found);
        Assert.False(found);
        Assert.Equal(TimeZoneInfo.Utc, zone);
    }
}
