namespace LearningReviews.Domain.Reviews;

public enum StageStatus { NotStarted, InProgress, Completed }

/// <summary>
/// What was recorded at one stage of a review, in one cycle. A repeatable stage that is gone through
/// again (a further meeting after more information) gets a new cycle; earlier cycles are kept.
/// Answers are kept as JSON because each methodology's forms differ; learning points and actions are
/// kept as records of their own.
/// </summary>
public class ReviewStageRecord : IAuditableEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public Review? Review { get; set; }
    public required string StageKey { get; set; }
    public int Cycle { get; set; } = 1;
    public StageStatus Status { get; set; } = StageStatus.NotStarted;
    public string AnswersJson { get; set; } = "{}";
    public string ChecklistJson { get; set; } = "[]";
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
