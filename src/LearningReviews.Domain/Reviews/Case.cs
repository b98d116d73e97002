using LearningReviews.Domain.Organisation;

namespace LearningReviews.Domain.Reviews;

/// <summary>
/// A child or family whose circumstances are reviewed. Only the minimum is held: a pseudonymous
/// label such as "Child A" and the locality. The case-record number links back to the case
/// management system; it is restricted (never shown in lists, never logged).
/// </summary>
public class Case
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Label { get; set; }
    public Guid LocalityId { get; set; }
    public Locality? Locality { get; set; }
    public string? CaseRecordNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}
