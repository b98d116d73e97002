using System.Globalization;
using LearningReviews.Domain.Calendar;

namespace LearningReviews.Domain.Workflows.Engine;

/// <summary>The outcome of one gate: whether it holds and, if not, what is missing in plain words.</summary>
public sealed record GateResult(GateDefinition Gate, bool Holds, IReadOnlyList<string> Missing);

/// <summary>
/// Implements the fixed vocabulary of gates. Each gate kind is one small method; definitions only
/// choose and parameterise them.
/// </summary>
public sealed class GateEvaluator(WorkingDayCalendar calendar)
{
    public IReadOnlyList<GateResult> Evaluate(StageDefinition stage, ReviewState state)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(state);
        return stage.Gates.Select(gate =>
        {
            var missing = Check(stage, gate, state).ToList();
            if (missing.Count > 0 && gate.Message is not null) missing = [gate.Message];
            return new GateResult(gate, missing.Count == 0, missing);
        }).ToList();
    }

    public IReadOnlyList<string> Missing(StageDefinition stage, ReviewState state) =>
        Evaluate(stage, state).SelectMany(r => r.Missing).Distinct().ToList();

    private IEnumerable<string> Check(StageDefinition stage, GateDefinition gate, ReviewState state) => gate.Kind switch
    {
        GateKind.RequiredFieldsComplete => RequiredFieldsComplete(stage, state),
        GateKind.Participants => Participants(gate, state),
        GateKind.MeetingBooked => MeetingBooked(stage, gate, state),
        GateKind.MeetingHeld => MeetingHeld(stage, gate, state),
        GateKind.DocumentsPresent => DocumentsPresent(stage, gate, state),
        GateKind.ChronologyFromEveryAgency => ChronologyFromEveryAgency(stage, gate, state),
        GateKind.LearningPoints => LearningPoints(gate, state),
        GateKind.ActionsHaveOwnerAndDueDate => ActionsHaveOwnerAndDueDate(gate, state),
        GateKind.WorkingDaysBefore => WorkingDaysBefore(stage, gate, state),
        GateKind.FacilitatorIndependent => FacilitatorIndependent(gate, state),
        GateKind.AnswerIs => AnswerIs(stage, gate, state),
        GateKind.OutcomesFormFinal => state.OutcomesFormFinal ? [] : ["Make the Learning Review Outcomes Form final"],
        _ => [$"The rule '{gate.Kind}' is not known"],
    };

    private static IEnumerable<string> RequiredFieldsComplete(StageDefinition stage, ReviewState state)
    {
        var answers = state.AnswersFor(stage.Key);
        foreach (var field in stage.Fields.Where(f => f.IsRequiredGiven(answers)))
        {
            var answered = field.Kind switch
            {
                FieldKind.LearningPoints => state.LearningPointCount > 0,
                FieldKind.Actions => state.Actions.Count > 0,
                _ => answers.IsAnswered(field),
            };
            if (!answered) yield return $"Answer '{field.Label}'";
        }
        foreach (var item in stage.Checklist.Where(c => c.Required && !answers.Ticked.Contains(c.Key)))
        {
            yield return $"Confirm '{item.Text}'";
        }
    }

    private static IEnumerable<string> Participants(GateDefinition gate, ReviewState state)
    {
        var count = state.Participants.Count(p => p.Role == gate.Role);
        var name = ReviewRoleWords(gate.Role!);
        if (gate.Exactly && count != gate.Count)
            yield return $"There must be exactly {gate.Count} {Plural(name, gate.Count)} (there {(count == 1 ? "is" : "are")} {count})";
        else if (!gate.Exactly && count < gate.Count)
            yield return $"Add at least {gate.Count} {Plural(name, gate.Count)} to the review";
    }

    private static IEnumerable<string> MeetingBooked(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var (answers, field) = state.Resolve(stage, gate.Field!);
        if (answers.Date(FieldKey(gate.Field!)) is null) yield return $"Book the meeting: enter '{field?.Label ?? gate.Field}'";
    }

    private static IEnumerable<string> MeetingHeld(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var (answers, field) = state.Resolve(stage, gate.Field!);
        var key = FieldKey(gate.Field!);
        var text = answers.Text(key);
        var date = answers.Date(key);
        if (date is null) yield return $"Book the meeting: enter '{field?.Label ?? gate.Field}'";
        else if (date > state.Today || (text!.Contains('T', StringComparison.Ordinal)
                     && DateTime.Parse(text, CultureInfo.InvariantCulture) > state.Now))
            yield return $"The meeting booked for {date.Value.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} has not happened yet";
    }

    private static IEnumerable<string> DocumentsPresent(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        foreach (var reference in gate.Fields)
        {
            var (answers, field) = state.Resolve(stage, reference);
            var present = field is not null && answers.IsAnswered(field) && answers.Text(field.Key) != "no";
            if (!present) yield return $"Provide '{field?.Label ?? reference}'";
        }
    }

    private static IEnumerable<string> ChronologyFromEveryAgency(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var (answers, _) = state.Resolve(stage, gate.Field!);
        var received = answers.Rows(FieldKey(gate.Field!))
            .Where(row => row.TryGetValue("received", out var date) && !string.IsNullOrWhiteSpace(date))
            .Select(row => row.GetValueOrDefault("agency")?.Trim())
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var agencies = state.Participants.Select(p => p.Agency).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (agencies.Count == 0) yield return "Add the agencies involved, with their representatives, to the review";
        foreach (var agency in agencies.Where(a => !received.Contains(a)))
        {
            yield return $"Record the chronology received from {agency}";
        }
    }

    private static IEnumerable<string> LearningPoints(GateDefinition gate, ReviewState state)
    {
        var count = state.LearningPointCount;
        if (gate.Exactly && count != gate.Count)
            yield return $"Record exactly {gate.Count} learning {(gate.Count == 1 ? "point" : "points")} (there {(count == 1 ? "is" : "are")} {count})";
        else if (!gate.Exactly && count < gate.Count)
            yield return $"Record at least {gate.Count} learning {(gate.Count == 1 ? "point" : "points")}";
    }

    private static IEnumerable<string> ActionsHaveOwnerAndDueDate(GateDefinition gate, ReviewState state)
    {
        if (state.Actions.Count < gate.Count) yield return $"Record at least {gate.Count} {Plural("action", gate.Count)}";
        var incomplete = state.Actions.Count(a => !a.HasOwner || a.DueDate is null);
        if (incomplete > 0) yield return $"Give every action an owner and a due date ({incomplete} {(incomplete == 1 ? "has" : "have")} not)";
    }

    private IEnumerable<string> WorkingDaysBefore(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var (earlierAnswers, earlierField) = state.Resolve(stage, gate.Field!);
        var (laterAnswers, laterField) = state.Resolve(stage, gate.OtherField!);
        var earlier = earlierAnswers.Date(FieldKey(gate.Field!));
        var later = laterAnswers.Date(FieldKey(gate.OtherField!));
        if (earlier is null || later is null)
        {
            yield return $"Enter '{earlierField?.Label ?? gate.Field}' and '{laterField?.Label ?? gate.OtherField}'";
        }
        else if (!calendar.IsAtLeastWorkingDaysBefore(earlier.Value, later.Value, gate.Days))
        {
            yield return $"'{earlierField?.Label}' must be at least {gate.Days} working days before '{laterField?.Label}'";
        }
    }

    private static IEnumerable<string> FacilitatorIndependent(GateDefinition gate, ReviewState state)
    {
        var facilitators = state.Participants.Where(p => p.Role == "Facilitator").ToList();
        if (facilitators.Count == 0)
        {
            yield return "Assign an independent facilitator";
            yield break;
        }
        var involved = state.Participants.Where(p => p.Role == gate.Role).ToList();
        var requesters = state.Participants.Where(p => p.Role == "Proposer").ToList();
        foreach (var facilitator in facilitators)
        {
            if (FacilitatorIndependence.Refusal(facilitator, requesters, involved) is { } refusal) yield return refusal;
        }
    }

    private static IEnumerable<string> AnswerIs(StageDefinition stage, GateDefinition gate, ReviewState state)
    {
        var (answers, field) = state.Resolve(stage, gate.Field!);
        if (answers.Text(FieldKey(gate.Field!)) != gate.Value)
        {
            var expected = field?.Options.FirstOrDefault(o => o.Value == gate.Value)?.Text ?? gate.Value;
            yield return $"'{field?.Label ?? gate.Field}' must be '{expected}'";
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
