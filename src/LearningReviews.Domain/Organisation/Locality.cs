namespace LearningReviews.Domain.Organisation;

/// <summary>A geographical area of children's services with its own Head of Locality and management meeting.</summary>
public class Locality
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
}
