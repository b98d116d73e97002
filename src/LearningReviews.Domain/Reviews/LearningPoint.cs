namespace LearningReviews.Domain.Reviews;

/// <summary>A point of learning agreed in a review; a first-class record so themes can be seen across reviews.</summary>
public class LearningPoint : IAuditableEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public Review? Review { get; set; }
    public required string Text { get; set; }
    public int Position { get; set; }
    public List<Theme> Themes { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
