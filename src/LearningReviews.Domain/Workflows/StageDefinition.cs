namespace LearningReviews.Domain.Workflows;

/// <summary>One stage of a methodology: who acts, what is recorded, and what must hold before moving on.</summary>
public sealed class StageDefinition
{
    public string Key { get; init; } = "";
    public string Title { get; init; } = "";

    /// <summary>Guidance for the people acting at this stage, in the source document's words.</summary>
    public string Guidance { get; init; } = "";

    /// <summary>Who may fill in and advance this stage.</summary>
    public StageActors Actors { get; init; } = new();

    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];
    public IReadOnlyList<ChecklistItem> Checklist { get; init; } = [];
    public IReadOnlyList<GateDefinition> Gates { get; init; } = [];
    public IReadOnlyList<DeadlineDefinition> Deadlines { get; init; } = [];

    /// <summary>
    /// A stage that may be gone through again: "send back" from the next stage opens a new cycle of it
    /// (the Desktop Review's gather-information-and-meet cycle).
    /// </summary>
    public bool Repeatable { get; init; }

    /// <summary>When set, completing this stage may start a linked review of one of these methodologies (Rapid Review).</summary>
    public IReadOnlyList<string> MayStartLinked { get; init; } = [];

    public FieldDefinition? FindField(string key) => Fields.FirstOrDefault(f => f.Key == key);
}

/// <summary>
/// Who may act at a stage: anyone holding one of the organisational roles, or anyone taking part in
/// the review in one of the review roles.
/// </summary>
public sealed class StageActors
{
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> ReviewRoles { get; init; } = [];
}

/// <summary>A box to tick, such as "Ground rules agreed".</summary>
public sealed record ChecklistItem(string Key, string Text, bool Required = true);

/// <summary>A date by which something is due, counted from the start of the review or stage, or from a date field.</summary>
public sealed class DeadlineDefinition
{
    public string Key { get; init; } = "";
    public string Title { get; init; } = "";

    /// <summary>"review-start", "stage-start", or the key of a date field of this or an earlier stage ("stage.field").</summary>
    public string From { get; init; } = "review-start";
    public int? WorkingDays { get; init; }
    public int? CalendarDays { get; init; }
}
