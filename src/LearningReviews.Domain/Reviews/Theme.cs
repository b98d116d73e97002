namespace LearningReviews.Domain.Reviews;

/// <summary>A practice theme (for example "neglect" or "professional curiosity") tagged on reviews and learning points.</summary>
public class Theme
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public List<Review> Reviews { get; set; } = [];
    public List<LearningPoint> LearningPoints { get; set; } = [];
}
