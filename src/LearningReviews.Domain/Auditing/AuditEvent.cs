namespace LearningReviews.Domain.Auditing;

/// <summary>
/// One entry in the audit log: who did what to which record, when, and from where.
/// Every view, change and export of case data writes one. Never updated, never deleted.
/// </summary>
public class AuditEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime OccurredAt { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public Guid? ReviewId { get; set; }
    public string? IpAddress { get; set; }
    public string? Detail { get; set; }
}
