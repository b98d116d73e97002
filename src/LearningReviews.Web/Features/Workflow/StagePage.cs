using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>What a date input shows: a saved value (yyyy-MM-dd…), or the boxes as typed; and a time.</summary>
public sealed record DateBoxes(string? Value, string? Day, string? Month, string? Year, string? Time);

/// <summary>What a stage form or its check-answers page shows.</summary>
public sealed record StagePage(
    Review Review,
    WorkflowDefinition Definition,
    StageDefinition Stage,
    ReviewStageRecord Record,
    StageAnswers Answers,
    bool Editable,
    WorkflowMoves Moves,
    IReadOnlyList<SelectListItem> People)
{
    public string FieldName(FieldDefinition field) => "f." + field.Key;

    /// <summary>The review's meetings and documents, which fields naming a meeting or document kind show (see RecordAnswers).</summary>
    public ReviewRecords Records { get; init; } = ReviewRecords.None;

    /// <summary>The meeting a field naming a meeting kind shows, if one is booked.</summary>
    public MeetingFacts? MeetingFor(FieldDefinition field) =>
        field?.Meeting is { } kind ? Records.LatestMeeting(kind) : null;

    /// <summary>The document a field naming a document kind shows, if the review has one.</summary>
    public DocumentFacts? DocumentFor(FieldDefinition field) =>
        field?.Document is { } kind ? Records.DocumentFor(kind, field.Circulated) : null;

    /// <summary>A booked meeting in words: "3 June 2026 at 10:00".</summary>
    public static string When(MeetingFacts meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return AnswerText.Date(meeting.Date) + " at " + meeting.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How this viewer reads the review's free text (another family's names replaced when they see only some families).</summary>
    public Reviews.FamilyRedactor Redactor { get; init; } = Reviews.FamilyRedactor.None;

    /// <summary>Some of this stage is kept from the viewer (another family's rows or names), so they may read it but not save it.</summary>
    public bool HidesFamilies { get; init; }

    /// <summary>The managed theme list, retired themes too (Features/Themes), for themes fields and the themes of learning points and actions.</summary>
    public IReadOnlyList<Theme> ThemeList { get; init; } = [];

    /// <summary>
    /// The themes offered to a record: the active ones, and retired ones the record already has (so saving keeps them),
    /// as checkboxes labelled with the name and hinted with the description.
    /// </summary>
    public IReadOnlyList<Themes.ThemeChoice> ThemeChoices(IEnumerable<Guid> already)
    {
        var had = already.ToHashSet();
        return ThemeList.Where(t => !t.IsRetired || had.Contains(t.Id)).OrderBy(t => t.Position).ThenBy(t => t.Name)
            .Select(t => new Themes.ThemeChoice(t.Id, t.IsRetired ? t.Name + " (retired)" : t.Name, t.Description)).ToList();
    }

    /// <summary>
    /// The themes ticked in a themes field: as posted when the form comes back with errors (the answer then holds ids),
    /// else the review's themes (every themes field shows the review's themes, as every learning points field shows its points).
    /// </summary>
    public IReadOnlyList<Guid> TickedThemes(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var posted = Answers.List(field.Key);
        var ids = posted.Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
        return posted.Count > 0 && ids.Count == posted.Count ? ids : Review.Themes.Select(t => t.Id).ToList();
    }

    /// <summary>Learning points as typed, when the form comes back with errors (nothing typed is lost).</summary>
    public IReadOnlyList<LearningPointInput>? TypedLearningPoints { get; init; }

    /// <summary>Actions as typed, when the form comes back with errors.</summary>
    public IReadOnlyList<ActionInput>? TypedActions { get; init; }

    /// <summary>The learning points the form shows: as typed if it came back, else as saved.</summary>
    public IReadOnlyList<LearningPointInput> LearningPointRows() =>
        TypedLearningPoints ?? Review.LearningPoints.OrderBy(p => p.Position).Select(p => new LearningPointInput(p.Id, Redactor.Redact(p.Text)!, p.Themes.Select(t => t.Id).ToList())).ToList();

    /// <summary>Who is responsible for an action, as people read it: the account's name when chosen from the accounts, else the name typed.</summary>
    public string? OwnerNameOf(ActionInput action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.OwnerUserId is { } id && Accounts.GetValueOrDefault(id) is { } account ? account.Name : action.Owner;
    }

    /// <summary>The actions the form shows: as typed if it came back, else as saved.</summary>
    public IReadOnlyList<ActionInput> ActionRows() =>
        TypedActions ?? Review.Actions.Where(a => a.IsTypedOnForm).OrderBy(a => a.CreatedAt)
            .Select(a => new ActionInput(a.Id, Redactor.Redact(a.What)!,
                // An owner chosen from the accounts shows in the picker; the name box keeps only someone without an account.
                a.OwnerUserId is null ? Redactor.Redact(a.OwnerName) : null,
                a.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Redactor.Redact(a.ImpactMeasure), a.LearningPointId, a.OwnerUserId, a.Themes.Select(t => t.Id).ToList())).ToList();

    /// <summary>
    /// The people an action's owner is chosen from: the review's participants, then everyone else, each
    /// as "name (roles, agency)" in a list the select groups by those headings.
    /// </summary>
    public IReadOnlyList<SelectListItem> OwnerChoices()
    {
        var inReview = new SelectListGroup { Name = "People in this review" };
        var others = new SelectListGroup { Name = PeopleChoices.InReview.Count == 0 ? "Everyone" : "Everyone else" };
        return PeopleChoices.All
            .Select(p => new SelectListItem(p.Hint.Length == 0 ? p.Name : $"{p.Name} ({p.Hint})", p.Id) { Group = p.InReview ? inReview : others })
            .ToList();
    }

    public string FieldId(FieldDefinition field) => "f_" + field.Key;

    /// <summary>
    /// The question as the form shows it. "(optional)" only on a question that is never demanded: not
    /// on one required when another has a given answer (its hint says when), nor on a prompt of a
    /// section where something must be recorded under at least one prompt (the section's lead says so).
    /// </summary>
    public string LabelFor(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var mayBeDemanded = field.Required || field.RequiredWhen is not null
            || Stage.Sections.Any(s => s.AtLeastOne && s.Fields.Contains(field.Key, StringComparer.Ordinal));
        return field.Label + (mayBeDemanded ? "" : " (optional)");
    }

    /// <summary>The hint under a question, saying when a question required by another answer must be answered.</summary>
    public string? HintFor(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.RequiredWhen is not { } when || field.Required) return field.Hint;
        var other = Stage.FindField(when.Field);
        var answer = other?.Kind == FieldKind.YesNo
            ? (when.Value == "yes" ? "Yes" : "No")
            : other?.Options.FirstOrDefault(o => o.Value == when.Value)?.Text ?? when.Value;
        var needed = $"Needed when the answer to '{other?.Label ?? when.Field}' is '{answer}'.";
        return string.IsNullOrWhiteSpace(field.Hint) ? needed : field.Hint + " " + needed;
    }

    /// <summary>
    /// The ticked choices of a checkboxes field. Before the field was ever saved, a field offering the
    /// methodology's reasons starts with the reason chosen when the review was started.
    /// </summary>
    public IReadOnlyList<string> ChosenValues(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Answers.Values.ContainsKey(field.Key) || field.Kind != FieldKind.MultipleChoice || Review.ReasonSelected is not { Length: > 0 } reason
            || Definition.FindReason(reason) is null || field.Options.All(o => o.Value != reason))
            return Answers.List(field.Key);
        return [reason];
    }

    /// <summary>
    /// The stage's guidance split for the top of the page: a short lead (its first sentence, or the
    /// whole when short) and the rest, shown in a details component when the guidance is long.
    /// </summary>
    public (string Lead, string? More) GuidanceParts()
    {
        var guidance = Stage.Guidance.Trim();
        if (guidance.Length <= ShortGuidance) return (guidance, null);
        var end = guidance.IndexOf(". ", StringComparison.Ordinal);
        if (end < 0 || end + 1 > ShortGuidance * 2) return (guidance, null);
        return (guidance[..(end + 1)], guidance);
    }

    private const int ShortGuidance = 240;

    /// <summary>Whom the people pickers offer, in order (see PeopleChoices).</summary>
    public PeopleChoices PeopleChoices { get; init; } = PeopleChoices.None;

    /// <summary>Every account by id: names, agencies and localities for prefilled rows and action owners.</summary>
    public IReadOnlyDictionary<string, PickerAccount> Accounts { get; init; } = new Dictionary<string, PickerAccount>();

    /// <summary>People this viewer may not see in the review (tied to another family): never written into a prefilled row.</summary>
    public IReadOnlySet<string> HiddenPeople { get; init; } = new HashSet<string>();

    /// <summary>
    /// The rows a table shows: as saved; or, for an attendance table not saved yet that the definition
    /// prefills, one row per person chosen in the earlier fields it names (name and agency filled,
    /// attendance left to choose), so nobody types the invitees again. Saving records them.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> RowsFor(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var rows = Answers.Rows(field.Key);
        if (rows.Count > 0 || field.PrefillFrom.Count == 0 || !Editable || Answers.Values.ContainsKey(field.Key)) return rows;
        var records = ReviewWorkflowService.LatestRecords(Review);
        var ids = new List<string>();
        foreach (var reference in field.PrefillFrom)
        {
            var parts = reference.Split('.', 2);
            var source = Definition.FindStage(parts[0])?.FindField(parts[1]);
            if (source is null || records.GetValueOrDefault(parts[0]) is not { } record) continue;
            var earlier = ReviewWorkflowService.AnswersOf(record);
            ids.AddRange(source.Kind == FieldKind.People ? earlier.List(source.Key) : earlier.Text(source.Key) is { } one ? [one] : []);
        }
        var hasAgency = field.Columns.Any(c => c.Key == "agency");
        return ids.Distinct(StringComparer.Ordinal)
            .Where(id => !HiddenPeople.Contains(id))
            .Select(id => Accounts.GetValueOrDefault(id))
            .OfType<PickerAccount>()
            .Select(account =>
            {
                var row = new Dictionary<string, string> { ["name"] = account.Name };
                if (hasAgency && account.Agency is { } agency) row["agency"] = agency;
                return (IReadOnlyDictionary<string, string>)row;
            })
            .ToList();
    }

    /// <summary>The choices of a radios, checkboxes or select field (people come from the review and the service).</summary>
    public IReadOnlyList<SelectListItem> Choices(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind switch
        {
            FieldKind.YesNo => [new("Yes", "yes"), new("No", "no")],
            FieldKind.People or FieldKind.Person => People,
            _ => field.Options.Select(o => new SelectListItem(o.Text, o.Value)).ToList(),
        };
    }

    /// <summary>
    /// A date answer as a date input shows it: a saved answer is yyyy-MM-dd (or yyyy-MM-ddTHH:mm); one
    /// that could not be read is kept as "typed:day|month|year" (see StageFormReader) and shown as typed.
    /// </summary>
    public static DateBoxes DateBoxesFor(string? answer)
    {
        if (answer is null) return new DateBoxes(null, null, null, null, null);
        if (answer.StartsWith(StageFormReader.TypedPrefix, StringComparison.Ordinal))
        {
            var parts = answer[StageFormReader.TypedPrefix.Length..].Split('|');
            return new DateBoxes(null, parts.ElementAtOrDefault(0) ?? "", parts.ElementAtOrDefault(1) ?? "", parts.ElementAtOrDefault(2) ?? "", null);
        }
        var time = answer.IndexOf('T', StringComparison.Ordinal) is var at and >= 0 ? answer[(at + 1)..] : null;
        return new DateBoxes(answer, null, null, null, time);
    }

    /// <summary>One cell of a rows answer as typed: dates in words, choices by their text.</summary>
    public string Cell(FieldDefinition column, IReadOnlyDictionary<string, string> row)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(row);
        var value = row.GetValueOrDefault(column.Key);
        if (string.IsNullOrWhiteSpace(value)) return "";
        return column.Kind switch
        {
            FieldKind.Date => DueText(value),
            FieldKind.SingleChoice => column.Options.FirstOrDefault(o => o.Value == value)?.Text ?? value,
            FieldKind.Person => People.FirstOrDefault(p => p.Value == value)?.Text ?? Redactor.Redact(value)!,
            _ => Redactor.Redact(value)!,
        };
    }

    /// <summary>A saved date (yyyy-MM-dd) in words; anything else as it is.</summary>
    public string DueText(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? AnswerText.Date(date)
            : value ?? "";

    /// <summary>How an answer reads on the check-answers page.</summary>
    public string Display(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind switch
        {
            FieldKind.Rows => $"{Answers.Rows(field.Key).Count} rows",
            FieldKind.LearningPoints => string.Join(" / ", Review.LearningPoints.OrderBy(p => p.Position).Select(p => Redactor.Redact(p.Text))),
            FieldKind.Actions => $"{Review.Actions.Count(a => a.IsTypedOnForm)} actions",
            _ => AnswerText.For(field, Answers, id => People.FirstOrDefault(p => p.Value == id)?.Text),
        };
    }
}
