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

    /// <summary>
    /// Optional headings that group the fields, in the order shown. When given, every field belongs to
    /// exactly one section (the loader checks), so no question drops off the page.
    /// </summary>
    public IReadOnlyList<FieldSection> Sections { get; init; } = [];
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

    /// <summary>
    /// The fields as the page shows them: one group per section, in section order, or a single untitled
    /// group of every field when the stage has no sections.
    /// </summary>
    public IReadOnlyList<(FieldSection? Section, IReadOnlyList<FieldDefinition> Fields)> FieldGroups() =>
        Sections.Count == 0
            ? [(null, Fields)]
            : Sections.Select(s => ((FieldSection?)s, (IReadOnlyList<FieldDefinition>)s.Fields.Select(FindField).OfType<FieldDefinition>().ToList())).ToList();
}

/// <summary>
/// A heading over some of a stage's fields, such as the four stages of a learning conversation.
/// </summary>
public sealed class FieldSection
{
    public string Key { get; init; } = "";
    public string Title { get; init; } = "";

    /// <summary>A sentence or two under the heading, in the source document's words where it has them.</summary>
    public string? Lead { get; init; }

    /// <summary>The keys of the fields in this section, in the order shown.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>
    /// The fields are prompts people may answer, none required on its own, but something must be
    /// recorded under at least one of them (checked by the requiredFieldsComplete gate).
    /// </summary>
    public bool AtLeastOne { get; init; }
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
