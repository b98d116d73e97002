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
            EntityId = entityId,
            ReviewId = reviewId,
            Detail = detail,
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
}
