namespace LearningReviews.Domain.Outcomes;

public enum OutcomesFormStatus { Draft, CirculatedForComment, Final }

/// <summary>
/// One version of a review's Learning Review Outcomes Form. The sections are the answers of the
/// methodology's outcomes stage; this record carries the form's lifecycle: draft, circulated for
/// comment until a closing date, final (locked), and sent. A change after the form is final makes a
/// new version with a reason; earlier versions keep a frozen copy of what they said (SnapshotJson).
/// </summary>
public class OutcomesForm : IAuditableEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public int Version { get; set; } = 1;
    public OutcomesFormStatus Status { get; set; } = OutcomesFormStatus.Draft;

    /// <summary>Why this version was made (versions after the first).</summary>
    public string? VersionReason { get; set; }

    public DateTime? CirculatedAt { get; set; }

    /// <summary>The last day people may comment.</summary>
    public DateOnly? CommentsCloseOn { get; set; }

    public DateTime? FinalisedAt { get; set; }
    public string? FinalisedBy { get; set; }

    /// <summary>The form as it was made final: sections, learning points and recommendations (see OutcomesSnapshot).</summary>
    public string? SnapshotJson { get; set; }

    public DateTime? SentAt { get; set; }
    public string? SentTo { get; set; }

    public List<OutcomesComment> Comments { get; set; } = [];

    public bool IsLocked => Status == OutcomesFormStatus.Final;

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
