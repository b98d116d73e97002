using System.Diagnostics;

namespace LearningReviews.BrowserTests;

/// <summary>
/// A clock that reads <c>start</c> when created and then runs at the real rate. A frozen clock would
/// not do for a real browser against a real server (sessions, page timings and scheduled work expect
/// time to pass); a fixed start makes the date, and so every date rule, the same on every run.
/// </summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    public override DateTimeOffset GetUtcNow() => start + _sinceStart.Elapsed;
}
