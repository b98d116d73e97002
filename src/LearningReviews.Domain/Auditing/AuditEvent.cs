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

    /// <summary>
    /// Place in the hash chain (1, 2, 3…), given when the row is saved. Null only for rows written before
    /// the chain began (the AuditChain migration); those are not covered by it.
    /// </summary>
    public long? Sequence { get; set; }

    /// <summary>The <see cref="Hash"/> of the row before this one in the chain; null for the first.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 (hex) of this row's content and <see cref="PreviousHash"/>: a changed row no longer matches.</summary>
    public string? Hash { get; set; }
}
