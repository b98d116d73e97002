namespace LearningReviews.Domain.Workflows.Engine;

/// <summary>Someone in a review, as the gates see them.</summary>
public sealed record ParticipantFacts(string Role, string? UserId, string Name, string? Email, string? Agency);

/// <summary>An action, as the gates see it.</summary>
public sealed record ActionFacts(bool HasOwner, DateOnly? DueDate);

/// <summary>
/// Everything the gates of a review may look at, gathered once per request: the answers of each
/// stage (latest cycle), who takes part, the learning points and actions, and today's date.
/// </summary>
public sealed class ReviewState
{
    public required WorkflowDefinition Definition { get; init; }
    public required string CurrentStageKey { get; init; }
    /// <summary>
    /// The answers of each stage, with the fields that read records (meetings, documents) answered from
    /// <see cref="Records"/>: set with what was typed, read with the records in (see RecordAnswers).
    /// </summary>
    public IReadOnlyDictionary<string, StageAnswers> Answers
    {
        get => withRecords ??= RecordAnswers.Apply(Definition, typed, Records);
        init => typed = value;
    }

    private readonly IReadOnlyDictionary<string, StageAnswers> typed = new Dictionary<string, StageAnswers>();
    private Dictionary<string, StageAnswers>? withRecords;
    public IReadOnlyList<ParticipantFacts> Participants { get; init; } = [];
    public int LearningPointCount { get; init; }
    public IReadOnlyList<ActionFacts> Actions { get; init; } = [];
    /// <summary>Whether the review's Learning Review Outcomes Form (if it has one) is final.</summary>
    public bool OutcomesFormFinal { get; init; }
    /// <summary>The review's meetings, documents and chronology entries, for the gates that read records (see RecordAnswers).</summary>
    public ReviewRecords Records { get; init; } = ReviewRecords.None;
    public DateOnly Today { get; init; }
    public DateTime Now { get; init; }

    public StageAnswers AnswersFor(string stageKey) => Answers.GetValueOrDefault(stageKey) ?? new StageAnswers();

    /// <summary>Finds the stage and field a gate's reference names: "field" in the given stage, or "stage.field".</summary>
    public (StageAnswers Answers, FieldDefinition? Field) Resolve(StageDefinition stage, string reference)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(reference);
        var parts = reference.Split('.', 2);
        var (stageKey, fieldKey) = parts.Length == 2 ? (parts[0], parts[1]) : (stage.Key, parts[0]);
        return (AnswersFor(stageKey), Definition.FindStage(stageKey)?.FindField(fieldKey));
    }
}
