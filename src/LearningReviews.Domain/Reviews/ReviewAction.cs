using LearningReviews.Domain.Organisation;

namespace LearningReviews.Domain.Reviews;

/// <summary>
/// Where an action stands on its way to evidence of impact. Stored by name. Rows saved before issue 12 said
/// Completed (now <see cref="CompletedAwaitingEvidence"/>: done, but nobody has shown its impact yet) or
/// HandedToActionPlan (now <see cref="InProgress"/>: it was handed to a plan, and the action plans list is
/// that plan); the ActionPlans migration rewrites them.
/// </summary>
public enum ActionStatus
{
    NotStarted,
    InProgress,
    CompletedAwaitingEvidence,

    /// <summary>Closed: evidence of impact is recorded and a date is set to check the change has lasted.</summary>
    CompletedAndEmbedded,

    /// <summary>The re-check found the change has not lasted: open again until a later re-check.</summary>
    NotEmbedded,

    /// <summary>Will not be done, for a recorded reason.</summary>
    Cancelled,
}

/// <summary>Which part of a review an action came from, so the plan can say where each one was agreed.</summary>
public enum ActionSource
{
    /// <summary>An "actions" field of a stage form (rapid reviews and anything not named below).</summary>
    StageActions,
    CircleAction,
    OutcomesRecommendation,
    LscbActionPlan,
    LscbKeyFinding,
    PracticeLearningDayFinding,
    LearningConversationPlanChange,
}

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

    /// <summary>Where the action came from; with <see cref="SourceStageKey"/> and <see cref="SourceKey"/> it names the row it was made from.</summary>
    public ActionSource Source { get; set; } = ActionSource.StageActions;

    /// <summary>The stage whose form the action came from (null for actions made before sources were recorded).</summary>
    public string? SourceStageKey { get; set; }

    /// <summary>
    /// For an action made from something that is not itself an action (a key finding, a learning point, a
    /// change to the plan): which one, so saving the form again updates this action instead of adding another.
    /// Null for actions typed in an "actions" field, which are their own record.
    /// </summary>
    public string? SourceKey { get; set; }

    /// <summary>What shows the action made a difference: required to close it (<see cref="ActionStatus.CompletedAndEmbedded"/>).</summary>
    public string? EvidenceOfImpact { get; set; }

    /// <summary>When to check again that the change has lasted: required to close it or to mark it not embedded.</summary>
    public DateOnly? RecheckOn { get; set; }

    /// <summary>Why the action will not be done: required to cancel it.</summary>
    public string? CancellationReason { get; set; }

    /// <summary>Every status change and note, oldest first.</summary>
    public List<ActionHistory> History { get; set; } = [];

    /// <summary>
    /// Whether the action was typed in a stage's "actions" field (and so is shown, edited, removed and counted
    /// by that field and its gates), rather than made from another record, which changes only with that record.
    /// </summary>
    public bool IsTypedOnForm => SourceKey is null;

    /// <summary>The practice themes the action answers (Features/Themes counts open and overdue actions per theme).</summary>
    public List<Theme> Themes { get; set; } = [];

    /// <summary>SMART in the sense the documents ask: an owner and a due date at least.</summary>
    public bool HasOwnerAndDueDate =>
        (!string.IsNullOrWhiteSpace(OwnerName) || OwnerUserId is not null) && DueDate is not null;

    public bool IsOverdue(DateOnly today) =>
        DueDate is { } due && due < today && ActionRules.IsOpen(Status);

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}

/// <summary>One change to an action: who, when, the status before and after, and what they wrote.</summary>
public class ActionHistory
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActionId { get; set; }
    public DateTime At { get; set; }
    public string? ByUserId { get; set; }
    public required string ByName { get; set; }

    /// <summary>Null when the action was made.</summary>
    public ActionStatus? FromStatus { get; set; }
    public ActionStatus ToStatus { get; set; }
    public string? Note { get; set; }
}
