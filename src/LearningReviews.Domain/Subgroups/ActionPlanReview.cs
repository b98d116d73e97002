namespace LearningReviews.Domain.Subgroups;

/// <summary>What a subgroup meeting said about an action plan, or about one of its actions.</summary>
public enum PlanDecision
{
    /// <summary>The subgroup is satisfied with it as it stands.</summary>
    Approved = 1,

    /// <summary>The subgroup asks for it to change or to be explained: the comment says what.</summary>
    Challenged = 2,
}

/// <summary>
/// One subgroup meeting's outcome for one review's action plan: approval or challenge of the plan as a whole,
/// and of each action the meeting discussed, with comments. Recorded by a member of the subgroup that owns the
/// plan; never changed afterwards, so the plan's history shows every meeting's outcome as it was recorded.
/// </summary>
public class ActionPlanReview
{
    /// <summary>The most characters a comment (on the plan or on an action) may have.</summary>
    public const int CommentLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The review whose action plan was considered.</summary>
    public Guid ReviewId { get; set; }

    /// <summary>The subgroup that met (the plan's owner at the time; a plan can later be given to another).</summary>
    public Guid SubgroupId { get; set; }

    /// <summary>The day of the meeting.</summary>
    public DateOnly MeetingOn { get; set; }

    /// <summary>The meeting's outcome for the plan as a whole.</summary>
    public PlanDecision Outcome { get; set; }

    /// <summary>What the meeting said about the plan; required when it is challenged.</summary>
    public string? Comment { get; set; }

    public required string RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>The actions the meeting approved or challenged (actions it did not discuss have no row).</summary>
    public List<ActionPlanReviewItem> Items { get; set; } = [];
}

/// <summary>A meeting's approval or challenge of one action of the plan.</summary>
public class ActionPlanReviewItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActionPlanReviewId { get; set; }

    /// <summary>The action (a plain column: an action removed from its stage form later leaves the meeting's record whole).</summary>
    public Guid ActionId { get; set; }

    /// <summary>What the action said when the meeting considered it.</summary>
    public required string ActionWhat { get; set; }

    public PlanDecision Outcome { get; set; }

    /// <summary>What the meeting said about the action; required when it is challenged.</summary>
    public string? Comment { get; set; }
}
