namespace LearningReviews.Domain.InformationRequests;

/// <summary>
/// What a request asks an agency for. The framework methodologies and the LSCB review gather information
/// (003: "the GSCP business manager will co-ordinate information gathering by sending out requests to
/// relevant agencies"); a rapid review collects each agency's Individual Agency Summary the same way.
/// </summary>
public enum InformationRequestKind
{
    Information,
    AgencySummary,
}

/// <summary>
/// A request to one agency in a review, sent to that agency's representative on the review, with the
/// reasons for the review, its key lines of enquiry, its scope and a deadline; and the agency's answer
/// under the three headings 003 asks agencies to identify.
/// </summary>
public class InformationRequest : IAuditableEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public InformationRequestKind Kind { get; set; }

    /// <summary>The agency asked; the request is answered by that agency's representative on the review.</summary>
    public Guid AgencyId { get; set; }

    /// <summary>The participant (agency representative) the request was sent to.</summary>
    public Guid RecipientParticipantId { get; set; }

    public required string Reasons { get; set; }
    public required string KeyLinesOfEnquiry { get; set; }
    public required string Scope { get; set; }
    public DateOnly DueOn { get; set; }

    public DateTime SentAt { get; set; }
    public string? SentByUserId { get; set; }

    /// <summary>When the reminder before the deadline was queued; null until then. One reminder per request.</summary>
    public DateTime? ReminderSentAt { get; set; }

    public string? GoodPractice { get; set; }
    public string? DoneDifferently { get; set; }
    public string? IssuesOfNote { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredByUserId { get; set; }
    public string? AnsweredByName { get; set; }

    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>Unanswered after its deadline day.</summary>
    public bool IsOverdue(DateOnly today) => !IsAnswered && DueOn < today;

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
