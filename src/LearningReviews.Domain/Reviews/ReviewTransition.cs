namespace LearningReviews.Domain.Reviews;

public enum TransitionKind { Started, Advanced, SentBack, Withdrawn, Closed }

/// <summary>One move of a review between stages: who, when, from, to and why. Never changed or deleted.</summary>
public class ReviewTransition
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public TransitionKind Kind { get; set; }
    public string? FromStage { get; set; }
    public string? ToStage { get; set; }
    public string? Reason { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public DateTime OccurredAt { get; set; }
}
