using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;

namespace LearningReviews.Web.Features.Audit;

/// <summary>
/// Keeps the audit page quick as the log grows: the whole hash chain is read at most once a day (or when
/// someone asks for it); in between, each visit checks only the rows written since the last sound row,
/// and that row itself. One per web instance; a restart simply starts with a full check.
/// </summary>
public sealed class AuditChainCheckpoint(TimeProvider clock)
{
    /// <summary>How long a full check stands before the page reads the whole chain again.</summary>
    public static readonly TimeSpan FullCheckInterval = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private AuditChainTip? _tip;
    private DateTimeOffset? _lastFullCheck;

    public async Task<AuditChainCheck> CheckAsync(LearningReviewsDbContext db, bool full, CancellationToken cancellationToken)
    {
        AuditChainTip? since;
        DateTimeOffset? lastFull;
        lock (_gate) (since, lastFull) = (_tip, _lastFullCheck);
        var now = clock.GetUtcNow();
        full = full || since is null || lastFull is not { } at || now - at >= FullCheckInterval;

        var report = await AuditChain.VerifyAsync(db, full ? null : since, cancellationToken);
        lock (_gate)
        {
            // Only a sound chain moves the checkpoint on; a broken one is found again on every visit.
            if (report.Intact && report.Tip is { } tip && (_tip is null || tip.Sequence >= _tip.Sequence)) _tip = tip;
            if (full && report.Intact) _lastFullCheck = now;
            lastFull = _lastFullCheck;
        }
        return new AuditChainCheck(report, full, lastFull, Math.Max(0, report.Verified - (full ? 0 : since!.Sequence)));
    }
}

/// <summary>What a visit to the audit page checked: everything, or the rows written since the last full check.</summary>
public sealed record AuditChainCheck(AuditChainReport Report, bool WasFull, DateTimeOffset? LastFullCheck, long CheckedThisVisit);
