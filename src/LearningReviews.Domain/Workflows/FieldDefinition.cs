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
    /// <summary>
    /// Practice themes from the partnership's managed list (checkboxes). The review is tagged with the themes
    /// chosen; the answer keeps their names as saved. Every themes field of a review shows the review's themes.
    /// </summary>
    Themes,
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

    /// <summary>
    /// Most characters allowed (short and long text, table cells). When not given, short text takes
    /// 500 and long text 10,000, or 15 per word of a word limit, whichever is fewer.
    /// </summary>
    public int? MaxLength { get; init; }

    /// <summary>The most characters an answer to this field may have, however it is given.</summary>
    public int CharacterLimit => MaxLength ?? Kind switch
    {
        FieldKind.ShortText => Text.InputLimits.ShortText,
        FieldKind.LongText when WordLimit is { } words => Math.Min(Text.InputLimits.LongText, words * Text.InputLimits.CharactersPerWord),
        FieldKind.LongText => Text.InputLimits.LongText,
        _ => Text.InputLimits.Token,
    };

    /// <summary>For choices.</summary>
    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];

    /// <summary>For Rows: the columns of each row (short text, long text, date, number, person).</summary>
    public IReadOnlyList<FieldDefinition> Columns { get; init; } = [];

    /// <summary>For Person and People fields: the review role the chosen people take in the review.</summary>
    public string? ReviewRole { get; init; }

    /// <summary>
    /// For Rows with a "name" column (attendance): the person and people fields of earlier stages
    /// ("stage.field") whose people start the table, one row each, until the table is first saved, so
    /// the people invited are not typed again. Only what the form shows first: nothing is recorded until saved.
    /// </summary>
    public IReadOnlyList<string> PrefillFrom { get; init; } = [];

    /// <summary>
    /// For a date or date-time field: the kind of meeting it is the date of. Such a field is not typed: its
    /// answer is the review's latest meeting of that kind that is not cancelled (booked on the meetings page),
    /// so gates, deadlines and documents read the booking itself.
    /// </summary>
    public Meetings.MeetingKind? Meeting { get; init; }

    /// <summary>
    /// For a date, yes/no or rows field that records a document received (or, with <see cref="Circulated"/>, sent
    /// round): the kind of document. The field is answered when the review has an uploaded document of that kind;
    /// what is typed still counts, for a document that came on paper.
    /// </summary>
    public Files.DocumentKind? Document { get; init; }

    /// <summary>With <see cref="Document"/>: the field is answered only once such a document has been circulated.</summary>
    public bool Circulated { get; init; }

    /// <summary>Whether the answer comes from a record kept elsewhere (a meeting), so the form shows it instead of asking.</summary>
    public bool IsFromMeeting => Meeting is not null;

    /// <summary>
    /// For dates: "not-in-future", "not-in-past", or "deadline" (a date field only: not in the past, and a
    /// day that is not a working day is moved to the next working day, see <see cref="Calendar.DeadlineRule"/>).
    /// </summary>
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
