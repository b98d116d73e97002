namespace LearningReviews.Domain.RapidReviews;

/// <summary>What the national Child Safeguarding Practice Review Panel said about the rapid review's decision.</summary>
public enum NationalPanelOutcome
{
    AgreesWithDecision,
    DisagreesWithDecision,
    AsksForMoreInformation,
}

/// <summary>
/// The national panel's response to a rapid review, recorded when it arrives (often after the review has
/// closed with its decision and ratification, which the review's decision stage records). One per review;
/// a later response replaces it, and the audit log keeps what it said before.
/// </summary>
public class NationalPanelResponse : IAuditableEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public NationalPanelOutcome Outcome { get; set; }
    public string? Notes { get; set; }
    public string? RecordedByName { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
