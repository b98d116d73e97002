namespace LearningReviews.Domain.DipSamples;

/// <summary>
/// What kind of audit a Team Manager recorded (seed 001): a specific case dip sample, a compliance audit
/// driven by performance data, or a themed Key Lines of Enquiry audit completed side by side with the practitioner.
/// </summary>
public enum DipSampleKind
{
    DipSample,
    KloeAudit,
}

/// <summary>
/// The theme an audit looked at. Seed 001 suggests supervision, assessment, plans and recording the
/// child's journey from referral; anything else is "Other" with the theme in the findings.
/// </summary>
public enum DipSampleTheme
{
    Supervision,
    Assessment,
    Plans,
    ChildsJourney,
    ChildsVoice,
    Other,
}

/// <summary>
/// One case audit by an area Team Manager (seed 001: "As a minimum each area Team Manager will undertake a
/// minimum of 4 audits each month"). The case is named as everywhere else in the app, by its pseudonymous label
/// (such as "Child A") and, optionally, its case-record number: never by a child's name.
/// </summary>
public class DipSampleAudit : IAuditableEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The Team Manager's account. Only they change the audit.</summary>
    public required string AuditorUserId { get; set; }

    /// <summary>Their name when they recorded it, so the list reads well after an account is renamed.</summary>
    public required string AuditorName { get; set; }

    /// <summary>The locality audited; null for a service area that covers the whole partnership.</summary>
    public Guid? LocalityId { get; set; }

    /// <summary>The service area, such as "Early Support" or "Front Door".</summary>
    public required string ServiceArea { get; set; }

    public DateOnly AuditedOn { get; set; }

    /// <summary>
    /// The calendar month of <see cref="AuditedOn"/> as yyyymm, kept as a column so the compliance view counts
    /// per month with a GROUP BY that every engine runs the same way (and an index can serve).
    /// </summary>
    public int Month { get; set; }

    public DipSampleKind Kind { get; set; }
    public DipSampleTheme Theme { get; set; }

    /// <summary>The case's pseudonymous label, such as "Child A".</summary>
    public required string CaseLabel { get; set; }

    /// <summary>The case-record number in the case management system; restricted like a review's.</summary>
    public string? CaseRecordNumber { get; set; }

    public required string Findings { get; set; }
    public bool FollowUpNeeded { get; set; }
    public string? FollowUp { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
