using LearningReviews.Domain.Organisation;

namespace LearningReviews.Domain.Reviews;

public enum ActionStatus { NotStarted, InProgress, Completed, HandedToActionPlan, Cancelled }

/// <summary>
/// A SMART action from a review: what will be done, who owns it, by when, and how its impact will
/// be measured. Named ReviewAction so it never collides with System.Action.
/// </summary>
public class ReviewAction : IAuditableEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public Review? Review { get; set; }
    public Guid? LearningPointId { get; set; }
    public LearningPoint? LearningPoint { get; set; }

    public required string What { get; set; }
    public string? OwnerName { get; set; }
    public string? OwnerUserId { get; set; }
    public Guid? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public DateOnly? DueDate { get; set; }
    public string? ImpactMeasure { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.NotStarted;
    public DateTime? CompletedAt { get; set; }

    /// <summary>The practice themes the action answers (Features/Themes counts open and overdue actions per theme).</summary>
    public List<Theme> Themes { get; set; } = [];

    /// <summary>SMART in the sense the documents ask: an owner and a due date at least.</summary>
    public bool HasOwnerAndDueDate =>
        (!string.IsNullOrWhiteSpace(OwnerName) || OwnerUserId is not null) && DueDate is not null;

    public bool IsOverdue(DateOnly today) =>
        DueDate is { } due && due < today && Status is ActionStatus.NotStarted or ActionStatus.InProgress;

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
