namespace LearningReviews.Domain;

/// <summary>
/// An entity stamped with who created and last changed it, and when. The persistence layer
/// fills these in on save and renews the concurrency token.
/// </summary>
public interface IAuditableEntity
{
    DateTime CreatedAt { get; set; }
    string? CreatedBy { get; set; }
    DateTime ModifiedAt { get; set; }
    string? ModifiedBy { get; set; }
    Guid ConcurrencyToken { get; set; }
}
