namespace LearningReviews.Infrastructure.Auditing;

/// <summary>
/// How view audits are queued and written (configuration section "Auditing"; only
/// <see cref="ViewQueueCapacity"/> is meant to be set by an operator, the rest are here for tests).
/// </summary>
public sealed class ViewAuditSettings
{
    public const string Section = "Auditing";

    /// <summary>How many views may wait to be written before a page view waits for room (nothing is dropped).</summary>
    public int ViewQueueCapacity { get; set; } = 10_000;

    /// <summary>At most this many views are saved in one transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>The wait before the first retry of a failed save; each further retry waits twice as long, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// While the application runs a failed batch is retried until it is written; once it is stopping, each
    /// batch has this many attempts before it is given up (and counted in the log).
    /// </summary>
    public int AttemptsWhenStopping { get; set; } = 4;
}
