namespace LearningReviews.IntegrationTests.Email;

/// <summary>A clock the test moves by hand; the application reads time only through TimeProvider.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
