using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.Infrastructure.Auditing;

/// <summary>Saves a batch of queued view audits: the step <see cref="ViewAuditWriter"/> retries when it fails.</summary>
public interface IAuditBatchStore
{
    /// <param name="retry">True when an earlier attempt at this batch failed (some rows may have been saved after all).</param>
    Task SaveAsync(IReadOnlyList<AuditEvent> batch, bool retry, CancellationToken cancellationToken);
}

/// <summary>
/// Saves through a fresh <see cref="LearningReviewsDbContext"/> and its ordinary SaveChangesAsync, so the rows
/// take their places in the hash chain exactly as a change's rows do (<see cref="AuditChain.SealAsync"/>), in
/// one transaction per batch.
/// </summary>
public sealed class AuditBatchStore(IServiceScopeFactory scopes) : IAuditBatchStore
{
    public async Task SaveAsync(IReadOnlyList<AuditEvent> batch, bool retry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningReviewsDbContext>();
        var toSave = batch;
        if (retry)
        {
            // A commit can succeed and its answer still be lost (a dropped connection): rows already in the
            // table are left out, so a retry never writes a view twice or stalls on its own primary key.
            var ids = batch.Select(e => e.Id).ToList();
            var saved = (await db.AuditEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.Id)
                .ToListAsync(cancellationToken)).ToHashSet();
            toSave = batch.Where(e => !saved.Contains(e.Id)).ToList();
        }
        if (toSave.Count == 0) return;
        db.AuditEvents.AddRange(toSave);
        await db.SaveChangesAsync(cancellationToken);
    }
}
