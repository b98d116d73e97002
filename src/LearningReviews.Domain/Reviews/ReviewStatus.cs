namespace LearningReviews.Domain.Reviews;

public enum ReviewStatus
{
    /// <summary>Proposed and waiting for the decision to go ahead.</summary>
    Proposed,
    /// <summary>Under way: moving through its methodology's stages.</summary>
    InProgress,
    /// <summary>Finished: actions complete or handed to an action plan.</summary>
    Closed,
    /// <summary>Stopped with a recorded reason; kept, never deleted.</summary>
    Withdrawn,
}
