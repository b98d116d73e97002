using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Domain.Chronology;

/// <summary>What a person decided about an entry flagged as a likely duplicate of another agency's.</summary>
public enum DuplicateResolution
{
    /// <summary>Not looked at (or not flagged).</summary>
    None,
    /// <summary>Looked at and kept as an entry of its own: it is not flagged again against entries already checked.</summary>
    KeptSeparate,
    /// <summary>Merged into another entry (MergedIntoId): the combined chronology shows it as that entry's second source.</summary>
    Merged,
}

/// <summary>
/// One event in one agency's chronology of a review: when it happened (a date, or a date and time), what
/// happened, where the agency's record of it is (source), why it matters (significance), and whether it
/// was a key practice episode. Entered by the agency's representative, by hand or from a spreadsheet.
/// </summary>
public class ChronologyEntry : IAuditableEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public Review? Review { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }

    public DateOnly Date { get; set; }
    public TimeOnly? Time { get; set; }
    public required string WhatHappened { get; set; }
    public required string Source { get; set; }
    public string? Significance { get; set; }
    public bool KeyPracticeEpisode { get; set; }

    /// <summary>The display name of whoever entered or imported it (a person's name: named views only).</summary>
    public required string EnteredBy { get; set; }

    public DuplicateResolution Resolution { get; set; }
    public Guid? MergedIntoId { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
