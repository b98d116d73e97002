using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Persistence;

namespace LearningReviews.Infrastructure.Auditing;

/// <summary>
/// Writes who did what to which record. Add() puts the event in the same unit of work as the change
/// it describes, so a change is never saved without its audit entry; RecordAsync() saves at once
/// (for exports, refusals and sign-ins, which change nothing else); RecordViewAsync() leaves a page
/// view's row to the background writer (<see cref="PendingViewAudits"/>), so the page does not wait for it.
/// </summary>
/// <param name="views">The view queue; without one (seeding steps, tools) a view is saved at once like any other row.</param>
public sealed class AuditLog(LearningReviewsDbContext db, ICurrentUser currentUser, TimeProvider clock, PendingViewAudits? views)
{
    /// <summary>For work outside a web host (seeding steps): views, if any, are saved at once.</summary>
    public AuditLog(LearningReviewsDbContext db, ICurrentUser currentUser, TimeProvider clock) : this(db, currentUser, clock, null)
    {
    }

    // The column sizes of AuditEventConfiguration. Details can quote what a visitor typed (a stage key
    // in an address, say); a refusal must still be recorded, so over-long text is cut, not allowed to fail the save.
    public const int MaxEntityIdLength = 100;
    public const int MaxDetailLength = 2000;

    public AuditEvent Add(string action, string entityType, string? entityId, Guid? reviewId = null, string? detail = null)
    {
        var auditEvent = Build(action, entityType, entityId, reviewId, detail);
        db.AuditEvents.Add(auditEvent);
        return auditEvent;
    }

    /// <summary>
    /// Records that someone looked at something. The row is made now (the time, the person and the address
    /// are this request's) and written within moments by <see cref="ViewAuditWriter"/>, in a batch with other
    /// views; it takes its place in the hash chain then. Nothing is dropped: a full queue makes the view wait,
    /// and once the host is stopping the row is saved here, at once.
    /// </summary>
    /// <remarks>Only for views: a change's row belongs in the change's own unit of work (Add), and a refusal or an export is recorded at once (RecordAsync).</remarks>
    public async Task RecordViewAsync(string entityType, string? entityId, Guid? reviewId = null,
        string? detail = null, CancellationToken cancellationToken = default)
    {
        var auditEvent = Build(AuditActions.Viewed, entityType, entityId, reviewId, detail);
        if (views is not null && await views.TryEnqueueAsync(auditEvent, cancellationToken)) return;
        db.AuditEvents.Add(auditEvent);
        await db.SaveChangesAsync(cancellationToken);
    }

    private AuditEvent Build(string action, string entityType, string? entityId, Guid? reviewId, string? detail) =>
        new()
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = currentUser.UserId,
            UserName = currentUser.UserName,
            IpAddress = currentUser.IpAddress,
            Action = action,
            EntityType = entityType,
            EntityId = Fit(entityId, MaxEntityIdLength),
            ReviewId = reviewId,
            Detail = Fit(detail, MaxDetailLength),
        };

    public async Task RecordAsync(string action, string entityType, string? entityId, Guid? reviewId = null,
        string? detail = null, CancellationToken cancellationToken = default)
    {
        Add(action, entityType, entityId, reviewId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Fit(string? text, int length) =>
        text is null || text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
