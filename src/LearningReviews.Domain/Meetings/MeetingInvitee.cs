namespace LearningReviews.Domain.Meetings;

public enum MeetingResponse { NoAnswer, Accepted, Declined, Maybe }

public enum MeetingAttendance { NotRecorded, Attended, SentApologies, DidNotAttend }

/// <summary>
/// Someone invited to a meeting: an account (UserId) or a person without one, known by name and email
/// (agency staff, lay members). Their answer comes from the links in the invitation, without signing in.
/// </summary>
public class MeetingInvitee
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    public string? UserId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }

    public MeetingResponse Response { get; set; }
    public DateTime? RespondedAt { get; set; }
    public MeetingAttendance Attendance { get; set; }

    /// <summary>
    /// The secret half of this invitee's answer links. An answer link is good while it names the current
    /// value; recording an answer (or sending a new invitation) replaces it, so each link works once.
    /// </summary>
    public Guid ResponseNonce { get; set; } = Guid.NewGuid();
}
