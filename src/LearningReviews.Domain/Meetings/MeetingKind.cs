namespace LearningReviews.Domain.Meetings;

/// <summary>The meetings the methodologies hold (seeds 000 to 004). Stored as text.</summary>
public enum MeetingKind
{
    LearningCircle,
    PlanningMeeting,
    StaffMeeting,
    PractitionerEvent,
    LearningEvent,
    PracticeLearningDay,
    RapidReviewMeeting,
    /// <summary>Seed 002's learning conversation with the professionals involved, booked like any other meeting.</summary>
    LearningConversation,
}

public static class MeetingKindNames
{
    public static string Of(MeetingKind kind) => kind switch
    {
        MeetingKind.LearningCircle => "Learning circle",
        MeetingKind.PlanningMeeting => "Planning meeting",
        MeetingKind.StaffMeeting => "Staff meeting",
        MeetingKind.PractitionerEvent => "Practitioner event",
        MeetingKind.LearningEvent => "Learning event",
        MeetingKind.PracticeLearningDay => "Practice learning day",
        MeetingKind.RapidReviewMeeting => "Rapid review meeting",
        MeetingKind.LearningConversation => "Learning conversation",
        _ => kind.ToString(),
    };

    /// <summary>How long a meeting of this kind lasts unless the person booking it says otherwise (000: a circle is one hour).</summary>
    public static int DefaultDurationMinutes(MeetingKind kind) => kind switch
    {
        MeetingKind.LearningCircle => 60,
        MeetingKind.PracticeLearningDay => 360,
        MeetingKind.PractitionerEvent or MeetingKind.LearningEvent => 180,
        _ => 90,
    };
}
