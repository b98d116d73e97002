namespace LearningReviews.Domain.Reviews;

/// <summary>
/// One learning review of one or more cases, run by a versioned methodology definition.
/// </summary>
public class Review : IAuditableEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Human reference such as LR-2026-0001: year plus a number within that year.</summary>
    public required string Reference { get; set; }
    public int ReferenceYear { get; set; }
    public int ReferenceNumber { get; set; }

    public required string MethodologyKey { get; set; }
    /// <summary>The definition version the review started with; it keeps it to the end.</summary>
    public int DefinitionVersion { get; set; }

    public required string Title { get; set; }
    public ReviewStatus Status { get; set; } = ReviewStatus.Proposed;
    public required string CurrentStageKey { get; set; }

    /// <summary>Key of the reason the case was selected, from the methodology's list.</summary>
    public required string ReasonSelected { get; set; }
    public string? ReasonDetail { get; set; }

    public Guid? LocalityId { get; set; }
    public Organisation.Locality? Locality { get; set; }

    /// <summary>
    /// The subgroup that owns the review's action plan (Domain/Subgroups): its members challenge or approve the plan
    /// at their meetings and its chair is the last step of an overdue action's escalation. Null until it is given one.
    /// </summary>
    public Guid? SubgroupId { get; set; }

    /// <summary>The review whose decision started this one (a rapid review's), if any.</summary>
    public Guid? LinkedFromReviewId { get; set; }
    public DateTime? ClosedAt { get; set; }

    public List<ReviewCase> Cases { get; set; } = [];
    public List<ReviewStageRecord> Stages { get; set; } = [];
    public List<Participant> Participants { get; set; } = [];
    public List<LearningPoint> LearningPoints { get; set; } = [];
    public List<ReviewAction> Actions { get; set; } = [];
    public List<Theme> Themes { get; set; } = [];

    /// <summary>Every version of the review's Learning Review Outcomes Form, if its methodology has one.</summary>
    public List<Outcomes.OutcomesForm> OutcomesForms { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }

    /// <summary>Changes on every save; a save that carries a stale value is refused.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public static string FormatReference(int year, int number) =>
        FormattableString.Invariant($"LR-{year:0000}-{number:0000}");
}
