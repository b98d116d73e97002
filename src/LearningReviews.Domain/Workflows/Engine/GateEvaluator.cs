using System.Globalization;
using LearningReviews.Domain.Calendar;

namespace LearningReviews.Domain.Workflows.Engine;

/// <summary>The outcome of one gate: whether it holds and, if not, what is missing in plain words.</summary>
public sealed record GateResult(GateDefinition Gate, bool Holds, IReadOnlyList<string> Missing);

/// <summary>
/// One thing missing, as a gate finds it. Subject names what it is about ("stage.field", a section, or
/// null for facts of the whole review), so that two gates speaking of the same question give one line.
/// Unanswered marks a question not yet answered: the gate's own message (which judges an answer) is not
/// said of it, because there is no answer to judge yet.
/// </summary>
internal sealed record MissingThing(string Text, string? Subject = null, bool Unanswered = false);

/// <summary>
/// Implements the fixed vocabulary of gates. Each gate kind is one small method; definitions only
/// choose and parameterise them.
/// </summary>
public sealed class GateEvaluator(WorkingDayCalendar calendar)
{
    public IReadOnlyList<GateResult> Evaluate(StageDefinition stage, ReviewState state) =>
        EvaluateThings(stage, state).Select(r => new GateResult(r.Gate, r.Things.Count == 0, r.Things.Select(t => t.Text).ToList())).ToList();

    /// <summary>
    /// What is still missing before the stage may be completed: one plain line per missing thing. When
    /// several gates speak of the same question (required, booked, must be "yes", must be present), the
    /// first gate's line is the one kept; a question not answered yet reads "Answer '…'", never as a
    /// wrong answer.
    /// </summary>
    public IReadOnlyList<string> Missing(StageDefinition stage, ReviewState state)
    {
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var thing in EvaluateThings(stage, state).SelectMany(r => r.Things))
        {
            if (thing.Subject is not null && !subjects.Add(thing.Subject)) continue;
            if (!lines.Contains(thing.Text, StringComparer.Ordinal)) lines.Add(thing.Text);
        }
        return lines;
    }

    private List<(GateDefinition Gate, IReadOnlyList<MissingThing> Things)> EvaluateThings(StageDefinition stage, ReviewState state)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(state);
        return stage.Gates.Select(gate =>
        {
            var things = Check(stage, gate, state).ToList();
            // A definition's own words replace the gate's default ones for an answer that does not do;
            // a question not yet answered is asked for as such.
            if (gate.Message is not null && things.Any(t => !t.Unanswered))
                things = [.. things.Where(t => t.Unanswered), new MissingThing(gate.Message, things.First(t => !t.Unanswered).Subject)];
            return (gate, (IReadOnlyList<MissingThing>)things);
        }).ToList();
    }

    private IEnumerable<MissingThing> Check(StageDefinition stage, GateDefinition gate, ReviewState state) => gate.Kind switch
    {
        GateKind.RequiredFieldsComplete => RequiredFieldsComplete(stage, state),
        GateKind.Participants => Participants(stage, gate, state),
        GateKind.MeetingBooked => MeetingBooked(stage, gate, state),
        GateKind.MeetingHeld => MeetingHeld(stage, gate, state),
        GateKind.DocumentsPresent => DocumentsPresent(stage, gate, state),
        GateKind.ChronologyFromEveryAgency => ChronologyFromEveryAgency(stage, gate, state),
        GateKind.AttendanceRecorded => AttendanceRecorded(stage, gate, state),
        GateKind.LearningPoints => LearningPoints(stage, gate, state),
        GateKind.ActionsHaveOwnerAndDueDate => ActionsHaveOwnerAndDueDate(stage, gate, state),
        GateKind.WorkingDaysBefore => WorkingDaysBefore(stage, gate, state),
        GateKind.FacilitatorIndependent => FacilitatorIndependent(stage, gate, state),
        GateKind.AnswerIs => AnswerIs(stage, gate, state),
        GateKind.OutcomesFormFinal => state.OutcomesFormFinal ? [] : [new MissingThing("Make the Learning Review Outcomes Form final")],
        _ => [new MissingThing($"The rule '{gate.Kind}' is not known")],
    };

    private static IEnumerable<MissingThing> RequiredFieldsComplete(StageDefinition stage, ReviewState state)
    {
        var answers = state.AnswersFor(stage.Key);
        foreach (var field in stage.Fields.Where(f => f.IsRequiredGiven(answers)))
        {
            if (!IsAnswered(field, answers, state)) yield return Unanswered(stage, field);
        }
        foreach (var section in stage.Sections.Where(s => s.AtLeastOne))
        {
            var fields = section.Fields.Select(stage.FindField).OfType<FieldDefinition>();
            if (!fields.Any(f => IsAnswered(f, answers, state)))
                yield return new MissingThing($"Record something under '{section.Title}'", "section:" + stage.Key + "." + section.Key, Unanswered: true);
        }
        foreach (var item in stage.Checklist.Where(c => c.Required && !answers.Ticked.Contains(c.Key)))
        {
            yield return new MissingThing($"Confirm '{item.Text}'", "checklist:" + stage.Key + "." + item.Key);
        }
    }

    private static bool IsAnswered(FieldDefinition field, StageAnswers answers, ReviewState state) => field.Kind switch
    {
        FieldKind.LearningPoints => state.LearningPointCount > 0,
        FieldKind.Actions => state.Actions.Count > 0,
        _ => answers.IsAnswered(field),
    };

    private static MissingThing Unanswered(StageDefinition stage, FieldDefinition field) =>
        new(AskFor(field), stage.Key + "." + field.Key, Unanswered: true);

    /// <summary>How an unanswered question is asked for: a meeting booked, a document uploaded or circulated, or an answer typed.</summary>
    private static string AskFor(FieldDefinition field) => (field.Meeting, field.Document) switch
    {
        ({ } meeting, _) => BookThe(meeting),
        (_, { } kind) when field.Circulated => $"Circulate the {ReviewRecords.Words(kind)} from the review's documents, or enter '{field.Label}'",
        (_, { } kind) => $"Upload the {ReviewRecords.Words(kind)} to the review's documents, or record '{field.Label}'",
        _ => $"Answer '{field.Label}'",
    };

    private static string BookThe(Meetings.MeetingKind kind) => $"Book the {ReviewRecords.Words(kind)}";

    /// <summary>The unanswered question of this stage that a gate about people, learning points or actions depends on, if any.</summary>
    private static MissingThing? UnansweredField(StageDefinition stage, ReviewState state, Func<FieldDefinition, bool> which)
    {
        var answers = state.AnswersFor(stage.Key);
        var field = stage.Fields.FirstOrDefault(which);
        return field is not null && !IsAnswered(field, answers, state) ? Unanswered(stage, field) : null;
    }

    /// <summary>"stage.field" for a gate's reference, so gates naming the same field in either form agree.</summary>
    private static string Subject(StageDefinition stage, string reference) =>
        reference.Contains('.', StringComparison.Ordinal) ? reference : stage.Key + "." + reference;

    private static IEnumerable<MissingThing> Participants(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var count = state.Participants.Count(p => p.Role == gate.Role);
        var enough = gate.Exactly ? count == gate.Count : count >= gate.Count;
        // People added from the participants page count even before the stage's form is saved; only when
        // there are too few and the stage's people question is unanswered is that question the missing thing.
        if (!enough && UnansweredField(stage, state, f => f.ReviewRole == gate.Role) is { } unanswered)
        {
            yield return unanswered;
            yield break;
        }
        var name = ReviewRoleWords(gate.Role!);
        if (gate.Exactly && count != gate.Count)
            yield return new($"There must be exactly {gate.Count} {Plural(name, gate.Count)} (there {(count == 1 ? "is" : "are")} {count})", "role:" + gate.Role);
        else if (!gate.Exactly && count < gate.Count)
            yield return new($"Add at least {gate.Count} {Plural(name, gate.Count)} to the review", "role:" + gate.Role);
    }

    private static IEnumerable<MissingThing> MeetingBooked(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var (answers, field) = state.Resolve(stage, gate.Field!);
        if (answers.Date(FieldKey(gate.Field!)) is null) yield return NotBooked(stage, gate, field);
    }

    /// <summary>A meeting not booked: booked on the meetings page when the field names a kind, else typed.</summary>
    private static MissingThing NotBooked(StageDefinition stage, GateDefinition gate, FieldDefinition? field) =>
        new(field?.Meeting is { } kind ? BookThe(kind) : $"Book the meeting: enter '{field?.Label ?? gate.Field}'", Subject(stage, gate.Field!), Unanswered: true);

    private static IEnumerable<MissingThing> MeetingHeld(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var (answers, field) = state.Resolve(stage, gate.Field!);
        var key = FieldKey(gate.Field!);
        var text = answers.Text(key);
        var date = answers.Date(key);
        if (date is null) yield return NotBooked(stage, gate, field);
        else
        {
            var at = text!.Contains('T', StringComparison.Ordinal) ? DateTime.Parse(text, CultureInfo.InvariantCulture) : (DateTime?)null;
            if (date > state.Today || at > state.Now)
            {
                var when = date.Value.ToString("d MMMM yyyy", EnglishGb) + (at is { } time ? " at " + time.ToString("HH:mm", CultureInfo.InvariantCulture) : "");
                var what = field?.Meeting is { } kind ? ReviewRecords.Words(kind) : "meeting";
                yield return new($"The {what} booked for {when} has not happened yet", Subject(stage, gate.Field!));
            }
        }
    }

    private static readonly CultureInfo EnglishGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The register of the review's latest meeting of the gate's kind has been taken, or (for a meeting held
    /// without the register in the application) the gate's attendance rows say who came.
    /// </summary>
    private static IEnumerable<MissingThing> AttendanceRecorded(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var kind = gate.Meeting!.Value;
        var meeting = state.Records.LatestMeeting(kind);
        if (meeting?.RegisterTaken == true) yield break;
        if (gate.Field is { } reference)
        {
            var (answers, _) = state.Resolve(stage, reference);
            if (answers.Rows(FieldKey(reference)).Any(row => !string.IsNullOrWhiteSpace(row.GetValueOrDefault("attended")))) yield break;
        }
        yield return new($"Record who came to the {ReviewRecords.Words(kind)}: take the register on its meeting page", "attendance:" + kind);
    }

    private static IEnumerable<MissingThing> DocumentsPresent(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        foreach (var reference in gate.Fields)
        {
            var (answers, field) = state.Resolve(stage, reference);
            var answered = field is not null && answers.IsAnswered(field);
            if (answered && answers.Text(field!.Key) != "no") continue;
            var text = field?.Document is not null ? AskFor(field) : $"Provide '{field?.Label ?? reference}'";
            yield return new(text, Subject(stage, reference), Unanswered: !answered);
        }
    }

    private static IEnumerable<MissingThing> ChronologyFromEveryAgency(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var (answers, _) = state.Resolve(stage, gate.Field!);
        var received = answers.Rows(FieldKey(gate.Field!))
            .Where(row => row.TryGetValue("received", out var date) && !string.IsNullOrWhiteSpace(date))
            .Select(row => row.GetValueOrDefault("agency")?.Trim())
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A chronology entered or imported in the application counts as received, as does a paper one with its date recorded.
        received.UnionWith(state.Records.ChronologyAgencies);
        var agencies = state.Participants.Select(p => p.Agency).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (agencies.Count == 0) yield return new("Add the agencies involved, with their representatives, to the review", "role:AgencyRepresentative");
        foreach (var agency in agencies.Where(a => !received.Contains(a)))
        {
            yield return new($"Record the chronology received from {agency}");
        }
    }

    private static IEnumerable<MissingThing> LearningPoints(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var count = state.LearningPointCount;
        // With none recorded yet, the stage's learning points question (when it has one and requires it) says it once.
        var subject = count == 0 ? UnansweredField(stage, state, f => f.Kind == FieldKind.LearningPoints && f.Required)?.Subject : null;
        if (gate.Exactly && count != gate.Count)
            yield return new($"Record exactly {gate.Count} learning {(gate.Count == 1 ? "point" : "points")} (there {(count == 1 ? "is" : "are")} {count})", subject);
        else if (!gate.Exactly && count < gate.Count)
            yield return new($"Record at least {gate.Count} learning {(gate.Count == 1 ? "point" : "points")}", subject);
    }

    private static IEnumerable<MissingThing> ActionsHaveOwnerAndDueDate(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var subject = state.Actions.Count == 0 ? UnansweredField(stage, state, f => f.Kind == FieldKind.Actions && f.Required)?.Subject : null;
        if (state.Actions.Count < gate.Count) yield return new($"Record at least {gate.Count} {Plural("action", gate.Count)}", subject);
        var incomplete = state.Actions.Count(a => !a.HasOwner || a.DueDate is null);
        if (incomplete > 0) yield return new($"Give every action an owner and a due date ({incomplete} {(incomplete == 1 ? "has" : "have")} not)");
    }

    private IEnumerable<MissingThing> WorkingDaysBefore(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var (earlierAnswers, earlierField) = state.Resolve(stage, gate.Field!);
        var (laterAnswers, laterField) = state.Resolve(stage, gate.OtherField!);
        var earlier = earlierAnswers.Date(FieldKey(gate.Field!));
        var later = laterAnswers.Date(FieldKey(gate.OtherField!));
        // Each date not given yet is asked for on its own line, so it merges with the required-field line for it.
        if (earlier is null) yield return new($"Enter '{earlierField?.Label ?? gate.Field}'", Subject(stage, gate.Field!), Unanswered: true);
        if (later is null) yield return new($"Enter '{laterField?.Label ?? gate.OtherField}'", Subject(stage, gate.OtherField!), Unanswered: true);
        if (earlier is not null && later is not null && !calendar.IsAtLeastWorkingDaysBefore(earlier.Value, later.Value, gate.Days))
        {
            yield return new($"'{earlierField?.Label}' must be at least {gate.Days} working days before '{laterField?.Label}'");
        }
    }

    private static IEnumerable<MissingThing> FacilitatorIndependent(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var facilitators = state.Participants.Where(p => p.Role == "Facilitator").ToList();
        if (facilitators.Count == 0)
        {
            var subject = UnansweredField(stage, state, f => f.ReviewRole == "Facilitator")?.Subject ?? "role:Facilitator";
            yield return new("Assign an independent facilitator", subject, Unanswered: true);
            yield break;
        }
        var involved = state.Participants.Where(p => p.Role == gate.Role).ToList();
        var requesters = state.Participants.Where(p => p.Role == "Proposer").ToList();
        foreach (var facilitator in facilitators)
        {
            if (FacilitatorIndependence.Refusal(facilitator, requesters, involved) is { } refusal) yield return new(refusal);
        }
    }

    private static IEnumerable<MissingThing> AnswerIs(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var (answers, field) = state.Resolve(stage, gate.Field!);
        var answer = answers.Text(FieldKey(gate.Field!));
        if (string.IsNullOrWhiteSpace(answer))
        {
            // Nothing to judge yet: ask for the answer, not say the answer is wrong.
            yield return new($"Answer '{field?.Label ?? gate.Field}'", Subject(stage, gate.Field!), Unanswered: true);
        }
        else if (answer != gate.Value)
        {
            var expected = field?.Options.FirstOrDefault(o => o.Value == gate.Value)?.Text ?? gate.Value;
            yield return new($"'{field?.Label ?? gate.Field}' must be '{expected}'", Subject(stage, gate.Field!));
        }
    }

    private static string FieldKey(string reference) => reference.Contains('.', StringComparison.Ordinal) ? reference.Split('.', 2)[1] : reference;

    internal static string ReviewRoleWords(string role) => role switch
    {
        "LeadAuthor" => "lead author",
        "LeadReviewer" => "lead reviewer",
        "AgencyRepresentative" => "agency representative",
        "LayMember" => "lay member",
        _ => role.ToLowerInvariant(),
    };

    private static string Plural(string noun, int count) => count == 1 ? noun : noun + "s";
}
