namespace LearningReviews.Domain.Workflows;

/// <summary>
/// One version of one methodology, read from a definition file (Workflows/Definitions/*.json).
/// A review keeps the version it started with; a new version applies to reviews started after it.
/// See docs/workflows.md for the format and a worked example.
/// </summary>
public sealed class WorkflowDefinition
{
    public string Key { get; init; } = "";
    public int Version { get; init; }
    public string Name { get; init; } = "";

    /// <summary>One sentence from the source document, shown on the start page.</summary>
    public string Description { get; init; } = "";
    public string SourceDocument { get; init; } = "";

    /// <summary>Organisational roles that may start a review of this kind.</summary>
    public IReadOnlyList<string> MayStart { get; init; } = [];

    /// <summary>Organisational roles that see every review of this kind (beyond its participants).</summary>
    public IReadOnlyList<string> Oversight { get; init; } = [];

    /// <summary>
    /// Whether Heads of Locality, Service Managers and Team Managers see the reviews of their own
    /// locality (true for locality-based methodologies such as the learning circle).
    /// </summary>
    public bool LocalityOversight { get; init; }

    /// <summary>Why a case may be chosen, as the document lists them (may be empty).</summary>
    public IReadOnlyList<ChoiceOption> Reasons { get; init; } = [];

    /// <summary>True when a review covers several families (thematic reviews).</summary>
    public bool MultipleCases { get; init; }

    /// <summary>
    /// What the start form asks for when a review of this kind is not about one child's case (a
    /// Practice Learning Day is about a theme); null for the usual "label for the child".
    /// </summary>
    public StartSubject? Subject { get; init; }

    /// <summary>The fewest families a review of this kind covers (2 for a thematic review of "several families").</summary>
    public int MinimumCases { get; init; } = 1;

    public IReadOnlyList<StageDefinition> Stages { get; init; } = [];

    /// <summary>
    /// For methodologies whose outcome is recorded on the Learning Review Outcomes Form: the stage whose
    /// fields are the form's sections, and who the final form is sent to.
    /// </summary>
    public OutcomesFormDefinition? OutcomesForm { get; init; }

    public StageDefinition? FindStage(string key) => Stages.FirstOrDefault(s => s.Key == key);

    public StageDefinition FirstStage => Stages[0];

    /// <summary>The stage after the given one, or null for the last stage.</summary>
    public StageDefinition? StageAfter(string key)
    {
        var index = Stages.ToList().FindIndex(s => s.Key == key);
        return index >= 0 && index + 1 < Stages.Count ? Stages[index + 1] : null;
    }

    public ChoiceOption? FindReason(string? key) => Reasons.FirstOrDefault(r => r.Value == key);
}

/// <summary>The start form's wording for a review that is about something other than a child's case.</summary>
public sealed class StartSubject
{
    /// <summary>The start page's heading, such as "Schedule a Practice Learning Day".</summary>
    public string Heading { get; init; } = "";

    /// <summary>The label of the one text box, such as "Theme of the day".</summary>
    public string Label { get; init; } = "";
    public string? Hint { get; init; }
}

/// <summary>Where a methodology's Learning Review Outcomes Form lives and where the final copy goes.</summary>
public sealed class OutcomesFormDefinition
{
    /// <summary>The key of the stage whose fields are the form's sections, in the form's order.</summary>
    public string Stage { get; init; } = "";

    /// <summary>Who the final form is sent to, in the document's words (e.g. "the {partnership} Business Manager").</summary>
    public string SendTo { get; init; } = "";
}

/// <summary>A choice offered to the user: the stored value and the words shown.</summary>
public sealed record ChoiceOption(string Value, string Text);
