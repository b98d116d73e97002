namespace LearningReviews.Domain.Workflows;

/// <summary>
/// The fixed vocabulary of gates. Definitions compose these; each is implemented and unit-tested in
/// code (GateEvaluator), so a definition cannot invent a rule nobody has checked.
/// </summary>
public enum GateKind
{
    /// <summary>Every required field of the stage has an answer and every required checklist item is ticked.</summary>
    RequiredFieldsComplete,
    /// <summary>At least Count participants in review role Role (or exactly Count when Exactly).</summary>
    Participants,
    /// <summary>The date/time field Field holds a date (a meeting is booked; for a field naming a meeting kind, the booking itself).</summary>
    MeetingBooked,
    /// <summary>The date/time field Field holds a date that is not in the future (the meeting has happened).</summary>
    MeetingHeld,
    /// <summary>Each of Fields (document-received date fields or yes/no confirmations, or fields naming a document kind) is answered.</summary>
    DocumentsPresent,
    /// <summary>
    /// Every agency of the review's participants has sent its chronology: it has entries in the review's
    /// chronology, or the rows field Field has a row, with a received date, for it.
    /// </summary>
    ChronologyFromEveryAgency,
    /// <summary>
    /// The register of the held meeting of kind Meeting has been taken (at least one invitee marked), or, for a
    /// meeting without one, the rows field Field (when given) records attendance.
    /// </summary>
    AttendanceRecorded,
    /// <summary>At least Count learning points (or exactly Count when Exactly).</summary>
    LearningPoints,
    /// <summary>Every action of the review has an owner and a due date, and there is at least Count (default 0).</summary>
    ActionsHaveOwnerAndDueDate,
    /// <summary>Date field Field is at least Days working days before date field OtherField.</summary>
    WorkingDaysBefore,
    /// <summary>The choice or yes/no field Field has the answer Value (for example a decision "agreed").</summary>
    AnswerIs,
    /// <summary>No participant in review role Facilitator is also a participant in role Role (the professionals involved).</summary>
    FacilitatorIndependent,
    /// <summary>The review's Learning Review Outcomes Form has been made final (see the definition's outcomesForm).</summary>
    OutcomesFormFinal,
}

/// <summary>A gate as written in a definition. Which properties matter depends on the kind.</summary>
public sealed class GateDefinition
{
    public GateKind Kind { get; init; }
    public string? Field { get; init; }
    public string? OtherField { get; init; }
    public IReadOnlyList<string> Fields { get; init; } = [];
    public string? Role { get; init; }
    public int Count { get; init; }
    public bool Exactly { get; init; }
    public int Days { get; init; }
    public string? Value { get; init; }

    /// <summary>For AttendanceRecorded: the kind of meeting whose register is read.</summary>
    public Meetings.MeetingKind? Meeting { get; init; }

    /// <summary>Plain words shown when the gate does not hold; a sensible default is made when omitted.</summary>
    public string? Message { get; init; }
}
