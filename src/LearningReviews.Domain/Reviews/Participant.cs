using LearningReviews.Domain.Organisation;

namespace LearningReviews.Domain.Reviews;

public enum InvitationStatus { NotInvited, Invited, Accepted, Declined }

public enum AttendanceStatus { Unknown, Attended, SentApologies, DidNotAttend }

/// <summary>
/// Someone taking part in a review: either an internal user (UserId set) or an external person
/// known by name, email and agency.
/// </summary>
public class Participant : IAuditableEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public Review? Review { get; set; }

    public string? UserId { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public Guid? AgencyId { get; set; }
    public Agency? Agency { get; set; }

    public ReviewRole Role { get; set; }

    /// <summary>
    /// In a review of several families, the family this person is involved with; null means the whole
    /// review. A person tied to one family sees only that family's details.
    /// </summary>
    public Guid? CaseId { get; set; }
    public InvitationStatus InvitationStatus { get; set; } = InvitationStatus.NotInvited;
    public AttendanceStatus AttendanceStatus { get; set; } = AttendanceStatus.Unknown;

    public bool IsInternalUser => UserId is not null;

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
