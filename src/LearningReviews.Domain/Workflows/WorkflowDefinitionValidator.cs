using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Domain.Workflows;

/// <summary>The checks every definition must pass before startup goes on.</summary>
internal static class WorkflowDefinitionValidator
{
    private static readonly FieldKind[] DateKinds = [FieldKind.Date, FieldKind.DateTime];
    private static readonly FieldKind[] ColumnKinds = [FieldKind.ShortText, FieldKind.LongText, FieldKind.Date, FieldKind.Number, FieldKind.Person, FieldKind.SingleChoice];

    public static void Check(string file, WorkflowDefinition definition, List<DefinitionProblem> problems)
    {
        void Problem(string? stage, string text) => problems.Add(new(file, stage, text));

        if (string.IsNullOrWhiteSpace(definition.Key)) Problem(null, "key is missing");
        if (definition.Version < 1) Problem(null, "version must be 1 or more");
        if (string.IsNullOrWhiteSpace(definition.Name)) Problem(null, "name is missing");
        if (string.IsNullOrWhiteSpace(definition.Description)) Problem(null, "description is missing");
        if (string.IsNullOrWhiteSpace(definition.SourceDocument)) Problem(null, "sourceDocument is missing");
        if (definition.Stages.Count == 0) Problem(null, "there are no stages");
        if (definition.MayStart.Count == 0) Problem(null, "mayStart names no role, so nobody could start it");
        if (definition.OutcomesForm is { } form)
        {
            if (definition.FindStage(form.Stage) is null) Problem(null, $"outcomesForm names stage '{form.Stage}', which does not exist");
            if (string.IsNullOrWhiteSpace(form.SendTo)) Problem(null, "outcomesForm.sendTo is missing");
        }
        if (definition.Subject is { } subject && (string.IsNullOrWhiteSpace(subject.Heading) || string.IsNullOrWhiteSpace(subject.Label)))
            Problem(null, "subject needs a heading and a label");
        if (definition.Subject is not null && definition.MultipleCases) Problem(null, "subject cannot be used with multipleCases");
        if (definition.MinimumCases < 1) Problem(null, "minimumCases must be 1 or more");
        if (definition.MinimumCases > 1 && !definition.MultipleCases) Problem(null, "minimumCases is more than 1 but multipleCases is not true");
        foreach (var role in definition.MayStart.Concat(definition.Oversight).Where(r => !Roles.Exists(r)))
        {
            Problem(null, $"role '{role}' does not exist");
        }
        foreach (var duplicate in Duplicates(definition.Reasons.Select(r => r.Value))) Problem(null, $"duplicate reason '{duplicate}'");
        foreach (var duplicate in Duplicates(definition.Stages.Select(s => s.Key))) Problem(duplicate, "duplicate stage key");

        var fieldsSoFar = new Dictionary<string, FieldDefinition>(StringComparer.Ordinal);
        foreach (var stage in definition.Stages)
        {
            CheckStage(stage, fieldsSoFar, text => Problem(stage.Key, text));
            if (definition.OutcomesForm is null && stage.Gates.Any(g => g.Kind == GateKind.OutcomesFormFinal))
                Problem(stage.Key, "OutcomesFormFinal gate needs the definition to have an outcomesForm");
        }
    }

    private static void CheckStage(StageDefinition stage, Dictionary<string, FieldDefinition> fieldsSoFar, Action<string> problem)
    {
        if (string.IsNullOrWhiteSpace(stage.Key)) problem("stage key is missing");
        if (string.IsNullOrWhiteSpace(stage.Title)) problem("title is missing");
        if (stage.Actors.Roles.Count + stage.Actors.ReviewRoles.Count == 0) problem("actors name nobody, so nobody could act");
        foreach (var role in stage.Actors.Roles.Where(r => !Roles.Exists(r))) problem($"role '{role}' does not exist");
        foreach (var role in stage.Actors.ReviewRoles.Where(r => !IsReviewRole(r))) problem($"review role '{role}' does not exist");
        foreach (var duplicate in Duplicates(stage.Fields.Select(f => f.Key))) problem($"duplicate field key '{duplicate}'");
        foreach (var duplicate in Duplicates(stage.Checklist.Select(c => c.Key))) problem($"duplicate checklist key '{duplicate}'");

        foreach (var field in stage.Fields)
        {
            CheckField(field, problem);
            if (field.RequiredWhen is { } when)
            {
                var other = stage.FindField(when.Field);
                if (other is null || other.Kind is not (FieldKind.SingleChoice or FieldKind.YesNo))
                    problem($"field '{field.Key}' is required when '{when.Field}' has an answer, but that is not a choice or yes/no field of this stage");
                else if (other.Kind == FieldKind.SingleChoice ? other.Options.All(o => o.Value != when.Value) : when.Value is not ("yes" or "no"))
                    problem($"field '{field.Key}' is required when '{when.Field}' is '{when.Value}', which is not one of its answers");
            }
            foreach (var reference in field.PrefillFrom)
            {
                if (field.Kind != FieldKind.Rows || field.Columns.All(c => c.Key != "name"))
                    problem($"field '{field.Key}' is prefilled with people but is not rows with a 'name' column");
                if (!reference.Contains('.', StringComparison.Ordinal) || reference.StartsWith(stage.Key + ".", StringComparison.Ordinal)
                    || fieldsSoFar.GetValueOrDefault(reference) is not { Kind: FieldKind.Person or FieldKind.People })
                    problem($"field '{field.Key}' is prefilled from '{reference}', which is not a person or people field of an earlier stage");
            }
            fieldsSoFar[stage.Key + "." + field.Key] = field;
        }
        CheckSections(stage, problem);
        foreach (var gate in stage.Gates)
        {
            CheckGate(stage, gate, fieldsSoFar, problem);
        }
        foreach (var deadline in stage.Deadlines)
        {
            if (string.IsNullOrWhiteSpace(deadline.Key) || string.IsNullOrWhiteSpace(deadline.Title)) problem("a deadline needs a key and a title");
            if ((deadline.WorkingDays is null) == (deadline.CalendarDays is null)) problem($"deadline '{deadline.Key}' needs either workingDays or calendarDays");
            if (deadline.From is not ("review-start" or "stage-start") && ResolveDate(stage, deadline.From, fieldsSoFar) is null)
            {
                problem($"deadline '{deadline.Key}' counts from '{deadline.From}', which is not review-start, stage-start or a date field");
            }
        }
    }

    private static void CheckSections(StageDefinition stage, Action<string> problem)
    {
        if (stage.Sections.Count == 0) return;
        foreach (var duplicate in Duplicates(stage.Sections.Select(s => s.Key))) problem($"duplicate section key '{duplicate}'");
        foreach (var section in stage.Sections)
        {
            if (string.IsNullOrWhiteSpace(section.Key) || string.IsNullOrWhiteSpace(section.Title)) problem("a section needs a key and a title");
            if (section.Fields.Count == 0) problem($"section '{section.Key}' has no fields");
            foreach (var key in section.Fields.Where(k => stage.FindField(k) is null)) problem($"section '{section.Key}' names field '{key}', which is not a field of this stage");
        }
        var placed = stage.Sections.SelectMany(s => s.Fields).ToList();
        foreach (var duplicate in Duplicates(placed)) problem($"field '{duplicate}' is in more than one section");
        // A field left out of every section would never be shown, so it could never be answered.
        foreach (var field in stage.Fields.Where(f => !placed.Contains(f.Key, StringComparer.Ordinal))) problem($"field '{field.Key}' is in no section");
    }

    private static void CheckField(FieldDefinition field, Action<string> problem)
    {
        if (string.IsNullOrWhiteSpace(field.Key)) problem("a field has no key");
        if (string.IsNullOrWhiteSpace(field.Label)) problem($"field '{field.Key}' has no label");
        if (field.Kind is FieldKind.SingleChoice or FieldKind.MultipleChoice && field.Options.Count == 0)
            problem($"field '{field.Key}' is a choice with no options");
        if (field.Kind is FieldKind.Rows)
        {
            if (field.Columns.Count == 0) problem($"field '{field.Key}' has rows but no columns");
            foreach (var column in field.Columns.Where(c => !ColumnKinds.Contains(c.Kind)))
                problem($"column '{column.Key}' of field '{field.Key}' cannot be of kind {column.Kind}");
            foreach (var duplicate in Duplicates(field.Columns.Select(c => c.Key))) problem($"duplicate column '{duplicate}' in field '{field.Key}'");
        }
        if (field.WordLimit is not null && field.Kind != FieldKind.LongText) problem($"field '{field.Key}' has a word limit but is not long text");
        if (field.MaxLength is <= 0 or > Text.InputLimits.LongText) problem($"field '{field.Key}' has a max length outside 1 to {Text.InputLimits.LongText}");
        if (field.WordLimit is < 1) problem($"field '{field.Key}' has a word limit below 1");
        if (field.ReviewRole is not null && !IsReviewRole(field.ReviewRole)) problem($"field '{field.Key}' names review role '{field.ReviewRole}', which does not exist");
        if (field.DateRule is not null && (field.DateRule is not ("not-in-future" or "not-in-past" or Calendar.DeadlineRule.Name) || !DateKinds.Contains(field.Kind)
                                           || (field.DateRule == Calendar.DeadlineRule.Name && field.Kind != FieldKind.Date)))
            problem($"field '{field.Key}' has date rule '{field.DateRule}'; date and date-time fields may have not-in-future or not-in-past, and date fields deadline");
        if (field.Meeting is not null && (!DateKinds.Contains(field.Kind) || field.DateRule is not null || field.Document is not null))
            problem($"field '{field.Key}' names a meeting kind, which only a date or date-time field without a date rule or document may");
        if (field.Document is not null && field.Kind is not (FieldKind.Date or FieldKind.YesNo or FieldKind.Rows))
            problem($"field '{field.Key}' names a document kind, which only a date, yes/no or rows field may");
        if (field.Circulated && field.Document is null) problem($"field '{field.Key}' is circulated but names no document kind");
        if (field.Circulated && field.Kind == FieldKind.YesNo) problem($"field '{field.Key}' is a yes/no and cannot say when a document was circulated");
    }

    private static void CheckGate(StageDefinition stage, GateDefinition gate, Dictionary<string, FieldDefinition> fields, Action<string> problem)
    {
        FieldDefinition? Need(string? reference, string what, params FieldKind[] kinds)
        {
            if (string.IsNullOrWhiteSpace(reference)) { problem($"{gate.Kind} gate needs {what}"); return null; }
            var field = ResolveField(stage, reference, fields);
            if (field is null) problem($"{gate.Kind} gate refers to field '{reference}', which is not in this or an earlier stage");
            else if (kinds.Length > 0 && !kinds.Contains(field.Kind)) problem($"{gate.Kind} gate needs '{reference}' to be {string.Join(" or ", kinds)}, not {field.Kind}");
            return field;
        }

        switch (gate.Kind)
        {
            case GateKind.Participants:
                if (gate.Role is null || !IsReviewRole(gate.Role)) problem($"Participants gate needs an existing review role, not '{gate.Role}'");
                if (gate.Count < 1) problem("Participants gate needs a count of 1 or more");
                break;
            case GateKind.MeetingBooked or GateKind.MeetingHeld:
                Need(gate.Field, "a date field", DateKinds);
                break;
            case GateKind.DocumentsPresent:
                if (gate.Fields.Count == 0) problem("DocumentsPresent gate lists no fields");
                foreach (var reference in gate.Fields) Need(reference, "fields");
                break;
            case GateKind.ChronologyFromEveryAgency:
                var rows = Need(gate.Field, "a rows field", FieldKind.Rows);
                if (rows is not null && (!rows.Columns.Any(c => c.Key == "agency") || !rows.Columns.Any(c => c.Key == "received")))
                    problem($"ChronologyFromEveryAgency gate needs '{gate.Field}' to have columns 'agency' and 'received'");
                break;
            case GateKind.AttendanceRecorded:
                if (gate.Meeting is null) problem("AttendanceRecorded gate needs the meeting kind whose register it reads");
                if (gate.Field is not null) Need(gate.Field, "a rows field", FieldKind.Rows);
                break;
            case GateKind.LearningPoints:
                if (gate.Count < 1) problem("LearningPoints gate needs a count of 1 or more");
                break;
            case GateKind.WorkingDaysBefore:
                Need(gate.Field, "field", DateKinds);
                Need(gate.OtherField, "otherField", DateKinds);
                if (gate.Days < 1) problem("WorkingDaysBefore gate needs days of 1 or more");
                break;
            case GateKind.FacilitatorIndependent:
                if (gate.Role is null || !IsReviewRole(gate.Role)) problem($"FacilitatorIndependent gate needs the review role of the professionals involved, not '{gate.Role}'");
                break;
            case GateKind.AnswerIs:
                var answered = Need(gate.Field, "a choice or yes/no field", FieldKind.SingleChoice, FieldKind.YesNo);
                if (answered is { Kind: FieldKind.SingleChoice } && answered.Options.All(o => o.Value != gate.Value))
                    problem($"AnswerIs gate expects '{gate.Value}', which is not an option of '{gate.Field}'");
                if (answered is { Kind: FieldKind.YesNo } && gate.Value is not ("yes" or "no"))
                    problem($"AnswerIs gate on yes/no field '{gate.Field}' expects yes or no, not '{gate.Value}'");
                break;
            case GateKind.RequiredFieldsComplete or GateKind.ActionsHaveOwnerAndDueDate or GateKind.OutcomesFormFinal:
                break;
            default:
                problem($"unknown gate kind '{gate.Kind}'");
                break;
        }
    }

    /// <summary>"field" means a field of this stage; "stage.field" a field of this or an earlier stage.</summary>
    internal static FieldDefinition? ResolveField(StageDefinition stage, string reference, IReadOnlyDictionary<string, FieldDefinition> fieldsSoFar) =>
        fieldsSoFar.GetValueOrDefault(reference.Contains('.', StringComparison.Ordinal) ? reference : stage.Key + "." + reference);

    private static FieldDefinition? ResolveDate(StageDefinition stage, string reference, IReadOnlyDictionary<string, FieldDefinition> fieldsSoFar) =>
        ResolveField(stage, reference, fieldsSoFar) is { Kind: FieldKind.Date or FieldKind.DateTime } field ? field : null;

    internal static bool IsReviewRole(string name) => Enum.TryParse<ReviewRole>(name, ignoreCase: false, out _);

    private static IEnumerable<string> Duplicates(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
}
