namespace LearningReviews.Domain.Organisation;

/// <summary>An organisation in the partnership: children's services, police, health, education and so on.</summary>
public class Agency
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
}
