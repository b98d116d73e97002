namespace LearningReviews.Domain.Meetings;

/// <summary>
/// A meeting of a review, booked in the application: when and where it is, who is invited and who came.
/// Its date and start are the partnership's wall-clock time (Europe/London), as people book them.
/// </summary>
/// <remarks>
/// Invitations are iCalendar requests: <see cref="CalendarUid"/> never changes, so calendars update the one
/// entry, and <see cref="Sequence"/> goes up with every change or cancellation, so they take the newest.
/// </remarks>
public class Meeting : IAuditableEntity
{
    public const int MaxRoomLength = 200;
    public const int MaxLinkLength = 500;
    public const int MaxDurationMinutes = 12 * 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public MeetingKind Kind { get; set; }

    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public int DurationMinutes { get; set; } = 60;

    /// <summary>Where it is held in person; compared (ignoring case and spaces at the ends) to warn of a double booking.</summary>
    public string? Room { get; set; }
    /// <summary>The address of an online meeting.</summary>
    public string? VirtualLink { get; set; }

    public string CalendarUid { get; set; } = Guid.NewGuid().ToString("N") + "@learning-reviews";
    public int Sequence { get; set; }

    public DateTime? CancelledAt { get; set; }
    /// <summary>When the reminder of the working day before was queued; a reminder goes once.</summary>
    public DateTime? ReminderSentAt { get; set; }

    public List<MeetingInvitee> Invitees { get; set; } = [];

    public bool IsCancelled => CancelledAt is not null;
    public TimeOnly End => Start.AddMinutes(DurationMinutes);

    /// <summary>Whether two bookings hold the same room at times that overlap (one ending as the other starts does not).</summary>
    public bool ClashesWith(Meeting other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Id == Id || IsCancelled || other.IsCancelled || Date != other.Date) return false;
        if (string.IsNullOrWhiteSpace(Room) || string.IsNullOrWhiteSpace(other.Room)) return false;
        if (!string.Equals(Room.Trim(), other.Room.Trim(), StringComparison.OrdinalIgnoreCase)) return false;
        var start = Date.ToDateTime(Start);
        var otherStart = other.Date.ToDateTime(other.Start);
        return start < otherStart.AddMinutes(other.DurationMinutes) && otherStart < start.AddMinutes(DurationMinutes);
    }

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
