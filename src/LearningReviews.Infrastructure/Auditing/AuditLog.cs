using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Persistence;

namespace LearningReviews.Infrastructure.Auditing;

/// <summary>
/// Writes who did what to which record. Add() puts the event in the same unit of work as the change
/// it describes, so a change is never saved without its audit entry; RecordAsync() saves at once
/// (for views and exports, which change nothing else).
/// </summary>
public sealed class AuditLog(LearningReviewsDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    // The column sizes of AuditEventConfiguration. Details can quote what a visitor typed (a stage key
    // in an address, say); a refusal must still be recorded, so over-long text is cut, not allowed to fail the save.
    public const int MaxEntityIdLength = 100;
    public const int MaxDetailLength = 2000;

    public AuditEvent Add(string action, string entityType, string? entityId, Guid? reviewId = null, string? detail = null)
    {
        var auditEvent = new AuditEvent
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
        db.AuditEvents.Add(auditEvent);
        return auditEvent;
    }

    public async Task RecordAsync(string action, string entityType, string? entityId, Guid? reviewId = null,
        string? detail = null, CancellationToken cancellationToken = default)
    {
        Add(action, entityType, entityId, reviewId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Fit(string? text, int length) =>
        text is null || text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
