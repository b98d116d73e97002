using LearningReviews.Domain.Organisation;

namespace LearningReviews.Domain.Publication;

/// <summary>
/// One time a review's learning was spread (seed 003 section 4): how, when, to whom, and which agencies it reached.
/// The annual report counts these by way and by agency.
/// </summary>
public class DisseminationRecord : IAuditableEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public DisseminationWay Way { get; set; }
    public DateOnly HeldOn { get; set; }

    /// <summary>Who it reached, in words: "40 social workers and health visitors".</summary>
    public required string Audience { get; set; }
    public string? Note { get; set; }

    public List<DisseminationAgency> Agencies { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}

/// <summary>An agency a dissemination reached.</summary>
public class DisseminationAgency
{
    public Guid DisseminationRecordId { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
}
