namespace LearningReviews.Domain.Publication;

/// <summary>Seed 003 section 4: publication of the whole report or of a summary of the key findings, decided case by case.</summary>
public enum PublicationDecision
{
    Publish,
    PublishSummaryOnly,
    DoNotPublish,
}

/// <summary>
/// A review's publication: the decision with its risks and benefits, and the publishable summary, which is
/// marked publishable only when <see cref="IdentifyingDetailsCheck"/> finds nothing that has not been accepted
/// as not identifying. One per review, made when first saved.
/// </summary>
public class ReviewPublication : IAuditableEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }

    public PublicationDecision? Decision { get; set; }
    public string? Risks { get; set; }
    public string? Benefits { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }

    public string? Summary { get; set; }

    /// <summary>When the summary was marked publishable; cleared whenever the summary changes.</summary>
    public DateTime? PublishableAt { get; set; }
    public string? PublishableByUserId { get; set; }
    public string? PublishableByName { get; set; }

    public bool IsPublishable => PublishableAt is not null;

    public List<AcceptedFinding> AcceptedFindings { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}

/// <summary>
/// A finding of the check that someone looked at and accepted as not identifying (a place name that looked like
/// a person's, a service's own phone number). Kept by its kind and text, so it stays accepted while the summary
/// around it is edited, and lapses when that text is gone.
/// </summary>
public class AcceptedFinding
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewPublicationId { get; set; }
    public FindingKind Kind { get; set; }
    public required string Text { get; set; }
    public DateTime AcceptedAt { get; set; }
    public required string AcceptedByUserId { get; set; }
    public required string AcceptedByName { get; set; }
}
