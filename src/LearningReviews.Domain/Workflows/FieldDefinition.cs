namespace LearningReviews.Domain.Workflows;

public enum FieldKind
{
    ShortText,
    LongText,
    Date,
    DateTime,
    SingleChoice,
    MultipleChoice,
    YesNo,
    Number,
    /// <summary>One person: a user of the service or a participant of the review.</summary>
    Person,
    People,
    /// <summary>A small table, such as Action / Person Responsible / Timeframe.</summary>
    Rows,
    /// <summary>Learning points, kept as first-class LearningPoint records.</summary>
    LearningPoints,
    /// <summary>SMART actions, kept as first-class ReviewAction records.</summary>
    Actions,
}

/// <summary>One question on a stage's form.</summary>
public sealed class FieldDefinition
{
    public string Key { get; init; } = "";
    public string Label { get; init; } = "";
    public string? Hint { get; init; }
    public FieldKind Kind { get; init; }
    public bool Required { get; init; }

    /// <summary>Most words allowed (long text), counted as a word processor counts them.</summary>
    public int? WordLimit { get; init; }

    /// <summary>For choices.</summary>
    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];

    /// <summary>For Rows: the columns of each row (short text, long text, date, number, person).</summary>
    public IReadOnlyList<FieldDefinition> Columns { get; init; } = [];

    /// <summary>For Person and People fields: the review role the chosen people take in the review.</summary>
    public string? ReviewRole { get; init; }

    /// <summary>For dates: "not-in-future" or "not-in-past".</summary>
    public string? DateRule { get; init; }

    /// <summary>
    /// Required only when another field of the same stage has a given answer, such as "why not" when
    /// the answer to "were the views gathered?" is no.
    /// </summary>
    public RequiredWhen? RequiredWhen { get; init; }

    /// <summary>Whether the field must be answered, given the stage's other answers.</summary>
    public bool IsRequiredGiven(Engine.StageAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return Required || (RequiredWhen is { } when && answers.Text(when.Field) == when.Value);
    }
}

/// <summary>The answer of another field that makes a field required.</summary>
public sealed record RequiredWhen(string Field, string Value);
