using System.Globalization;
using System.Text.Json.Nodes;
using LearningReviews.Domain.Text;
using LearningReviews.Domain.Workflows;
using LearningReviews.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>A learning point or action as typed on a stage form.</summary>
public sealed record LearningPointInput(Guid? Id, string Text);

/// <param name="Finding">The learning point (finding) the action answers, if chosen.</param>
/// <param name="Due">yyyy-MM-dd, or "typed:day|month|year" when what was typed is not a real date (shown again as typed).</param>
/// <param name="Owner">The person responsible typed as a name: someone without an account.</param>
/// <param name="OwnerUserId">The person responsible chosen from the accounts.</param>
public sealed record ActionInput(Guid? Id, string What, string? Owner, string? Due, string? Impact, Guid? Finding = null, string? OwnerUserId = null);

/// <summary>Everything posted from one stage form, read into answers, with problems recorded in ModelState.</summary>
public sealed class StageSubmission
{
    public JsonObject Answers { get; } = [];
    public List<string> Ticked { get; } = [];
    public List<LearningPointInput> LearningPoints { get; } = [];
    public List<ActionInput> Actions { get; } = [];
}

/// <summary>
/// Reads a stage form built from its definition. Field inputs are named "f.{key}" (dates as
/// "f.{key}.day/.month/.year", times as "f.{key}.time", rows as "f.{key}[i].{column}"; action due dates
/// as "act[i].due.day/.month/.year"), so the
/// error summary links ("#f_key") land on the first input of each field. Nothing typed is lost:
/// what could not be read is kept as typed and reported in ModelState.
/// </summary>
public static class StageFormReader
{
    /// <summary>Marks a date kept as typed because it could not be read: "typed:day|month|year".</summary>
    public const string TypedPrefix = "typed:";

    public static StageSubmission Read(StageDefinition stage, IFormCollection form, ModelStateDictionary modelState, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        var submission = new StageSubmission();
        foreach (var field in stage.Fields)
        {
            var name = "f." + field.Key;
            switch (field.Kind)
            {
                case FieldKind.MultipleChoice or FieldKind.People:
                    var chosen = form[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
                    if (chosen.Count > 200 || chosen.Any(v => v.Length > InputLimits.Token))
                    {
                        // Nobody chooses that many, or ids that long, from the page's lists.
                        modelState.AddModelError(name, $"Choose '{field.Label}' from the list");
                        chosen = [];
                    }
                    if (field.Kind == FieldKind.MultipleChoice && chosen.Any(v => field.Options.All(o => o.Value != v)))
                        modelState.AddModelError(name, $"Choose '{field.Label}' from the list");
                    submission.Answers[field.Key] = new JsonArray(chosen.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
                    break;
                case FieldKind.Rows:
                    submission.Answers[field.Key] = ReadRows(field, form, modelState, today);
                    break;
                case FieldKind.LearningPoints:
                    submission.LearningPoints.AddRange(ReadLearningPoints(form, name, modelState));
                    break;
                case FieldKind.Actions:
                    submission.Actions.AddRange(ReadActions(form, name, modelState));
                    break;
                default:
                    var value = ReadScalar(field, name, form, modelState, today);
                    if (value is not null) submission.Answers[field.Key] = value;
                    break;
            }
        }
        submission.Ticked.AddRange(form["checklist"].Where(k => stage.Checklist.Any(c => c.Key == k)).Select(k => k!));
        return submission;
    }

    private static string? ReadScalar(FieldDefinition field, string name, IFormCollection form, ModelStateDictionary modelState, DateOnly today)
    {
        switch (field.Kind)
        {
            case FieldKind.Date:
                return ReadDate(field, name, form, modelState, today)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                       ?? Typed(form, name);
            case FieldKind.DateTime:
                var date = ReadDate(field, name, form, modelState, today);
                var time = form[name + ".time"].ToString().Trim();
                if (date is null) return Typed(form, name);
                if (!TimeOnly.TryParseExact(time, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    modelState.AddModelError(name, $"Enter the time of '{field.Label}' as hours and minutes, like 14:30");
                    return null;
                }
                return date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + at.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        var text = form[name].ToString().Trim();
        if (text.Length == 0) return null;
        switch (field.Kind)
        {
            case FieldKind.LongText when field.WordLimit is { } limit && WordCounter.Count(text) > limit:
                modelState.AddModelError(name, $"'{field.Label}' must be {limit} words or fewer (it has {WordCounter.Count(text)})");
                break;
            case var _ when text.Length > field.CharacterLimit:
                // Word limits cap characters too, so one enormous "word" is refused like a long answer.
                modelState.AddModelError(name, $"'{field.Label}' must be {InputLimits.Format(field.CharacterLimit)} characters or fewer (it has {InputLimits.Format(text.Length)})");
                break;
            case FieldKind.Number when !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _):
                modelState.AddModelError(name, $"'{field.Label}' must be a number, like 12");
                break;
            case FieldKind.SingleChoice when field.Options.All(o => o.Value != text):
                modelState.AddModelError(name, $"Choose '{field.Label}' from the list");
                break;
            case FieldKind.YesNo when text is not ("yes" or "no"):
                modelState.AddModelError(name, $"Choose yes or no for '{field.Label}'");
                break;
        }
        return text;
    }

    /// <summary>Reads a GOV.UK date input (day, month, year). Null when empty or invalid; invalid adds an error.</summary>
    private static DateOnly? ReadDate(FieldDefinition field, string name, IFormCollection form, ModelStateDictionary modelState, DateOnly today)
    {
        var (day, month, year) = GovUkDate.Typed(form, name);
        if (day.Length + month.Length + year.Length == 0) return null;
        if (!GovUkDate.TryRead(day, month, year, out var date))
        {
            modelState.AddModelError(name, $"'{field.Label}' must be a real date, like 27 3 2026");
            return null;
        }
        if (field.DateRule == "not-in-future" && date > today)
            modelState.AddModelError(name, $"'{field.Label}' must be today or in the past");
        if (field.DateRule == "not-in-past" && date < today)
            modelState.AddModelError(name, $"'{field.Label}' must be today or in the future");
        return date;
    }

    /// <summary>A date that could not be read is kept as typed so the form can show it again.</summary>
    private static string? Typed(IFormCollection form, string name)
    {
        var (day, month, year) = GovUkDate.Typed(form, name);
        return day.Length + month.Length + year.Length == 0 ? null : TypedPrefix + string.Join('|', day, month, year);
    }

    private static JsonArray ReadRows(FieldDefinition field, IFormCollection form, ModelStateDictionary modelState, DateOnly today)
    {
        var rows = new JsonArray();
        for (var i = 0; i < 200; i++)
        {
            var prefix = $"f.{field.Key}[{i}].";
            if (!form.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal))) break;
            var row = new JsonObject();
            foreach (var column in field.Columns)
            {
                var cellName = prefix + column.Key;
                var value = column.Kind == FieldKind.Date
                    ? ReadDate(column, cellName, form, modelState, today)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Typed(form, cellName)
                    : form[cellName].ToString().Trim();
                if (value is not null && value.Length > column.CharacterLimit)
                    modelState.AddModelError(cellName, $"'{column.Label}' in row {i + 1} of '{field.Label}' must be {InputLimits.Format(column.CharacterLimit)} characters or fewer");
                if (!string.IsNullOrEmpty(value)) row[column.Key] = value;
            }
            if (row.Count > 0) rows.Add(row);
        }
        return rows;
    }

    /// <param name="fieldName">The field's name: errors go under it, so the summary links to the field's first box.</param>
    private static IEnumerable<LearningPointInput> ReadLearningPoints(IFormCollection form, string fieldName, ModelStateDictionary modelState)
    {
        for (var i = 0; i < 100 && form.ContainsKey($"lp[{i}].text"); i++)
        {
            var text = form[$"lp[{i}].text"].ToString().Trim();
            if (text.Length > InputLimits.LearningPoint)
                modelState.AddModelError(fieldName, $"Learning point {i + 1} must be {InputLimits.Format(InputLimits.LearningPoint)} characters or fewer (it has {InputLimits.Format(text.Length)})");
            if (text.Length > 0) yield return new LearningPointInput(ParseId(form[$"lp[{i}].id"]), text);
        }
    }

    private static IEnumerable<ActionInput> ReadActions(IFormCollection form, string fieldName, ModelStateDictionary modelState)
    {
        for (var i = 0; i < 100 && form.ContainsKey($"act[{i}].what"); i++)
        {
            var what = form[$"act[{i}].what"].ToString().Trim();
            if (what.Length == 0) continue;
            CheckLength(modelState, fieldName, what, InputLimits.ActionWhat, $"What will be done (action {i + 1})");
            CheckLength(modelState, fieldName, form[$"act[{i}].owner"].ToString().Trim(), InputLimits.ActionOwner, $"The person responsible for action {i + 1}");
            CheckLength(modelState, fieldName, form[$"act[{i}].impact"].ToString().Trim(), InputLimits.ActionImpact, $"How the impact of action {i + 1} will be measured");
            // A GOV.UK date input like every other date; its error sits under the input's name, whose id
            // is the Day box, so the error summary link lands there.
            var dueName = $"act[{i}].due";
            var due = GovUkDate.TryRead(form, dueName, out var dueDate) ? dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Typed(form, dueName);
            if (due?.StartsWith(TypedPrefix, StringComparison.Ordinal) == true)
                modelState.AddModelError(dueName, $"The due date of action {i + 1} must be a real date, like 27 3 2026");
            var ownerUser = NullIfEmpty(form[$"act[{i}].ownerUser"]);
            var ownerTyped = NullIfEmpty(form[$"act[{i}].owner"]);
            if (ownerUser is { Length: > InputLimits.Token })
            {
                modelState.AddModelError(fieldName, $"Choose the person responsible for action {i + 1} from the list");
                ownerUser = null;
            }
            if (ownerUser is not null && ownerTyped is not null)
                modelState.AddModelError(fieldName, $"Action {i + 1}: choose the person responsible or type the name of someone without an account, not both");
            yield return new ActionInput(ParseId(form[$"act[{i}].id"]), what, ownerTyped, due, NullIfEmpty(form[$"act[{i}].impact"]),
                ParseId(form[$"act[{i}].finding"]), ownerUser);
        }
    }

    private static void CheckLength(ModelStateDictionary modelState, string name, string text, int limit, string what)
    {
        if (text.Length > limit) modelState.AddModelError(name, $"{what} must be {InputLimits.Format(limit)} characters or fewer (it has {InputLimits.Format(text.Length)})");
    }

    private static Guid? ParseId(string? value) => Guid.TryParse(value, out var id) ? id : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
