namespace LearningReviews.Domain.Organisation;

/// <summary>An organisation in the partnership: children's services, police, health, education and so on.</summary>
public class Agency
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>
    /// The agency's safeguarding lead (a user id): the second step of an overdue action's escalation, after the
    /// action's owner and before the owning subgroup's chair. Null when the partnership has not named one.
    /// </summary>
    public string? LeadUserId { get; set; }
}
