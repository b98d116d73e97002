namespace LearningReviews.Domain.Meetings;

/// <summary>What a series of diary slots is for.</summary>
public enum MeetingSeriesPurpose
{
    /// <summary>A locality's monthly learning circle (seed 000: "every calendar month, for 1 hour or as and when required by the Head of Locality").</summary>
    LocalityLearningCircles,

    /// <summary>The year's Practice Learning Days, set twelve months ahead (seed 001).</summary>
    PracticeLearningDays,
}

/// <summary>
/// Dates booked ahead of any review: a locality's monthly learning circles, or the year's Practice Learning
/// Days. A series and its slots name no child or family; a review takes a circle slot when it needs its circle,
/// which then becomes that review's <see cref="Meeting"/> (so a meeting still always belongs to a review).
/// </summary>
public class MeetingSeries : IAuditableEntity
{
    public const int MaxTitleLength = 200;
    public const int MaxRuleLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public MeetingSeriesPurpose Purpose { get; set; }
    public required string Title { get; set; }

    /// <summary>The locality whose circles these are; none for a Practice Learning Day plan.</summary>
    public Guid? LocalityId { get; set; }

    /// <summary>The plan's calendar year (Practice Learning Days).</summary>
    public int? Year { get; set; }

    /// <summary>How the dates were chosen, in words ("The first Tuesday of each month").</summary>
    public string? Rule { get; set; }

    public List<MeetingSlot> Slots { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}

/// <summary>
/// One date in a series: when and where, and (for a circle) the review meeting that took it; (for a Practice
/// Learning Day) its service area, whether it is held jointly with partners, and when save-the-dates went.
/// </summary>
public class MeetingSlot
{
    public const int MaxServiceAreaLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SeriesId { get; set; }
    public MeetingSeries? Series { get; set; }

    public DateOnly Date { get; set; }
    /// <summary>The date the rule gave, when it fell on a bank holiday and the slot moved to the next working day.</summary>
    public DateOnly? MovedFrom { get; set; }
    public TimeOnly Start { get; set; }
    public int DurationMinutes { get; set; } = 60;
    public string? Room { get; set; }
    public string? VirtualLink { get; set; }

    /// <summary>The review meeting booked in this slot; none while it is free.</summary>
    public Guid? MeetingId { get; set; }

    public string? ServiceArea { get; set; }
    public bool JointWithPartners { get; set; }
    public DateTime? SaveTheDatesSentAt { get; set; }
    public int SaveTheDatesSent { get; set; }
    public string CalendarUid { get; set; } = Guid.NewGuid().ToString("N") + "@learning-reviews";
    public int Sequence { get; set; }

    public bool IsTaken => MeetingId is not null;
    public TimeOnly End => Start.AddMinutes(DurationMinutes);

    /// <summary>
    /// Changes whenever the slot is taken or changed: of two reviews taking the same free slot at once,
    /// one succeeds and the other is told it has gone.
    /// </summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    /// <summary>The slot as a meeting, for the room clash rule and the iCalendar file (never saved as one).</summary>
    public Meeting AsMeeting(MeetingKind kind) => new()
    {
        Id = Id, Kind = kind, Date = Date, Start = Start, DurationMinutes = DurationMinutes, Room = Room, VirtualLink = VirtualLink,
        CalendarUid = CalendarUid, Sequence = Sequence,
    };
}
