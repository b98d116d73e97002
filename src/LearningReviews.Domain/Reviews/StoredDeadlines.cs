namespace LearningReviews.Domain.Reviews;

/// <summary>
/// The deadlines of a review's current stage as worked out from its definition, its stage records and
/// its meetings and documents (DeadlineService), kept so that lists across many reviews (My work's
/// overdue items and next deadlines) read a few rows instead of every open review's answers.
/// A due date does not move with time; only whether it has passed does, and that is a comparison with
/// today in the query. The set is deleted whenever the review or one of its records is saved (the
/// DbContext does this), and worked out again the next time a list needs it.
/// </summary>
public class ReviewDeadlineSet
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }

    /// <summary>When the deadlines were worked out (for diagnosis only).</summary>
    public DateTime WorkedOutAt { get; set; }

    /// <summary>None for a review that is not open or whose stage has no deadlines.</summary>
    public List<StoredDeadline> Deadlines { get; set; } = [];
}

/// <summary>One deadline of a <see cref="ReviewDeadlineSet"/>.</summary>
public class StoredDeadline
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SetId { get; set; }

    /// <summary>Its place among the stage's deadlines, which breaks ties between equal due dates as the definition orders them.</summary>
    public int Position { get; set; }

    public required string Title { get; set; }
    public DateOnly Due { get; set; }

    /// <summary>
    /// The last day on which the deadline is not yet overdue: the first working day on or after
    /// <see cref="Due"/>. It is overdue when today is later (a deadline falling on a weekend is met on the
    /// Monday, as WorkingDayCalendar.WorkingDaysBetween counts it).
    /// </summary>
    public DateOnly OverdueAfter { get; set; }
}
