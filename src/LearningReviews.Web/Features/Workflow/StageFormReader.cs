using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Text;
using LearningReviews.Domain.Workflows;
using LearningReviews.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>A learning point or action as typed on a stage form.</summary>
/// <param name="Themes">The practice themes ticked for the point (Features/Themes).</param>
public sealed record LearningPointInput(Guid? Id, string Text, IReadOnlyList<Guid>? Themes = null);

/// <param name="Finding">The learning point (finding) the action answers, if chosen.</param>
/// <param name="Due">yyyy-MM-dd, or "typed:day|month|year" when what was typed is not a real date (shown again as typed).</param>
/// <param name="Owner">The person responsible typed as a name: someone without an account.</param>
/// <param name="OwnerUserId">The person responsible chosen from the accounts.</param>
/// <param name="Themes">The practice themes ticked for the action (Features/Themes).</param>
public sealed record ActionInput(Guid? Id, string What, string? Owner, string? Due, string? Impact, Guid? Finding = null, string? OwnerUserId = null,
    IReadOnlyList<Guid>? Themes = null);

/// <summary>Everything posted from one stage form, read into answers, with problems recorded in ModelState.</summary>
public sealed class StageSubmission
{
    public JsonObject Answers { get; } = [];
    public List<string> Ticked { get; } = [];
    public List<LearningPointInput> LearningPoints { get; } = [];
    public List<ActionInput> Actions { get; } = [];

    /// <summary>What the reader changed and the user should be told, such as a deadline moved to a working day.</summary>
    public List<string> Notices { get; } = [];
}

/// <summary>
/// Reads a stage form built from its definition. Field inputs are named "f.{key}" (dates as
/// "f.{key}.day/.month/.year", times as "f.{key}.time", rows as "f.{key}[i].{column}"; action due dates
/// as "act[i].due.day/.month/.year"), so the
/// error summary links ("#f_key") land on the first input of each field. Nothing typed is lost:
/// what could not be read is kept as typed and reported in ModelState.
/// <para>
/// Rows, learning points and actions are read by the indices posted, in order, whatever the gaps: the
/// page's script removes a row by removing its inputs, so "rows 0 and 2" is an ordinary post. Each kind
/// has a most rows (<see cref="MostRows"/>, <see cref="MostLearningPoints"/>, <see cref="MostActions"/>),
/// which the page's script keeps to as well; more are refused, not quietly dropped.
/// </para>
/// </summary>
public static partial class StageFormReader
{
    /// <summary>The most rows a rows field takes.</summary>
    public const int MostRows = 200;

    /// <summary>The most learning points a stage takes.</summary>
    public const int MostLearningPoints = 100;

    /// <summary>The most actions a stage takes.</summary>
    public const int MostActions = 100;

    /// <summary>Bank holidays only, for callers that do not pass the service's calendar (its closure days).</summary>
    private static readonly WorkingDayCalendar BankHolidaysOnly = new();

    /// <summary>Marks a date kept as typed because it could not be read: "typed:day|month|year".</summary>
    public const string TypedPrefix = "typed:";

    /// <param name="calendar">The service's working days, for deadlines; bank holidays only when not given.</param>
    public static StageSubmission Read(StageDefinition stage, IFormCollection form, ModelStateDictionary modelState, DateOnly today,
        WorkingDayCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        var submission = new StageSubmission();
        var context = new ReadContext(form, modelState, today, calendar ?? BankHolidaysOnly, submission.Notices);
        // A meeting's date is booked on the meetings page, never typed here: the form has no box for it.
        foreach (var field in stage.Fields.Where(f => f.Meeting is null))
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
                case FieldKind.Themes:
                    // Theme ids as posted; StageAnswersWriter tags the review with them and keeps their names as the answer.
                    var themeIds = ReadThemeIds(form, name);
                    if (themeIds is null) modelState.AddModelError(name, $"Choose '{field.Label}' from the list");
                    submission.Answers[field.Key] = new JsonArray((themeIds ?? []).Select(v => (JsonNode)JsonValue.Create(v.ToString())).ToArray());
                    break;
                case FieldKind.Rows:
                    submission.Answers[field.Key] = ReadRows(field, context);
                    break;
                case FieldKind.LearningPoints:
                    submission.LearningPoints.AddRange(ReadLearningPoints(form, name, modelState));
                    break;
                case FieldKind.Actions:
                    submission.Actions.AddRange(ReadActions(form, name, modelState));
                    break;
                default:
                    var value = ReadScalar(field, name, context);
                    if (value is not null) submission.Answers[field.Key] = value;
                    break;
            }
        }
        submission.Ticked.AddRange(form["checklist"].Where(k => stage.Checklist.Any(c => c.Key == k)).Select(k => k!));
        return submission;
    }

    /// <summary>What every part of one reading shares.</summary>
    private sealed record ReadContext(IFormCollection Form, ModelStateDictionary ModelState, DateOnly Today, WorkingDayCalendar Calendar, List<string> Notices);

    private static string? ReadScalar(FieldDefinition field, string name, ReadContext context)
    {
        var (form, modelState) = (context.Form, context.ModelState);
        switch (field.Kind)
        {
            case FieldKind.Date:
                return ReadDate(field, name, context)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                       ?? Typed(form, name);
            case FieldKind.DateTime:
                var date = ReadDate(field, name, context);
                var timeName = name + ".time";
                var time = form[timeName].ToString().Trim();
                // Whatever happens, the Time box shows again what was typed, as the date boxes do.
                // (An entry left unvalidated would make the whole form invalid, hence marked valid.)
                modelState.SetModelValue(timeName, time, time);
                modelState.MarkFieldValid(timeName);
                if (date is null)
                {
                    if (time.Length > 0 && Typed(form, name) is null)
                        modelState.AddModelError(name, $"Enter the date of '{field.Label}' as well as the time, like 27 3 2026");
                    return Typed(form, name);
                }
                if (time.Length == 0)
                {
                    modelState.AddModelError(name, $"Enter the time of '{field.Label}', like {TypedTime.Examples}");
                    return null;
                }
                if (TypedTime.Read(time, field.Label, out var problem) is not { } at)
                {
                    modelState.AddModelError(name, problem!);
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
    private static DateOnly? ReadDate(FieldDefinition field, string name, ReadContext context)
    {
        var (modelState, today) = (context.ModelState, context.Today);
        var (day, month, year) = GovUkDate.Typed(context.Form, name);
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
        if (field.DateRule == DeadlineRule.Name)
        {
            var check = DeadlineRule.Check(date, today, context.Calendar, field.Label);
            if (check.Problem is not null) modelState.AddModelError(name, check.Problem);
            if (check.Moved is not null) context.Notices.Add(check.Moved);
            return check.Date;
        }
        return date;
    }

    /// <summary>A date that could not be read is kept as typed so the form can show it again.</summary>
    private static string? Typed(IFormCollection form, string name)
    {
        var (day, month, year) = GovUkDate.Typed(form, name);
        return day.Length + month.Length + year.Length == 0 ? null : TypedPrefix + string.Join('|', day, month, year);
    }

    /// <summary>
    /// The row indices posted under <paramref name="prefix"/> ("f.key[", "lp[", "act["), in order, at most
    /// <paramref name="most"/>; more adds an error under <paramref name="errorName"/>.
    /// </summary>
    private static List<int> PostedIndices(IFormCollection form, string prefix, int most, ModelStateDictionary modelState, string errorName, string what)
    {
        var indices = new SortedSet<int>();
        foreach (var key in form.Keys)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var close = key.IndexOf(']', prefix.Length);
            // Only plain small numbers: "[007]" or "[1e3]" would name the same row twice or none.
            if (close > prefix.Length && close - prefix.Length <= 6 && RowIndex().IsMatch(key.AsSpan(prefix.Length, close - prefix.Length))
                && int.TryParse(key.AsSpan(prefix.Length, close - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indices.Add(index);
            }
        }
        if (indices.Count > most) modelState.AddModelError(errorName, $"{what} can have at most {most} rows (it has {indices.Count}): remove some");
        return indices.Take(most).ToList();
    }

    [GeneratedRegex("^(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex RowIndex();

    private static JsonArray ReadRows(FieldDefinition field, ReadContext context)
    {
        var (form, modelState) = (context.Form, context.ModelState);
        var rows = new JsonArray();
        foreach (var i in PostedIndices(form, $"f.{field.Key}[", MostRows, modelState, "f." + field.Key, $"'{field.Label}'"))
        {
            var prefix = $"f.{field.Key}[{i}].";
            // The page shows the rows again numbered from the first, without empty ones, so errors name
            // the row by where it will be shown, and sit under that row's name.
            var shownAs = rows.Count;
            var row = new JsonObject();
            foreach (var column in field.Columns)
            {
                var cellName = prefix + column.Key;
                var shownName = $"f.{field.Key}[{shownAs}].{column.Key}";
                var before = modelState.ErrorCount;
                var value = column.Kind == FieldKind.Date
                    ? ReadDate(column, cellName, context)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Typed(form, cellName)
                    : form[cellName].ToString().Trim();
                if (value is not null && value.Length > column.CharacterLimit)
                    modelState.AddModelError(cellName, $"'{column.Label}' in row {shownAs + 1} of '{field.Label}' must be {InputLimits.Format(column.CharacterLimit)} characters or fewer");
                if (cellName != shownName && modelState.ErrorCount > before) MoveErrors(modelState, cellName, shownName);
                if (!string.IsNullOrEmpty(value)) row[column.Key] = value;
            }
            if (row.Count > 0) rows.Add(row);
        }
        return rows;
    }

    private static void MoveErrors(ModelStateDictionary modelState, string from, string to)
    {
        if (!modelState.TryGetValue(from, out var entry)) return;
        foreach (var error in entry.Errors.ToList()) modelState.AddModelError(to, error.ErrorMessage);
        modelState.Remove(from);
    }

    /// <param name="fieldName">The field's name: errors go under it, so the summary links to the field's first box.</param>
    private static IEnumerable<LearningPointInput> ReadLearningPoints(IFormCollection form, string fieldName, ModelStateDictionary modelState)
    {
        var shown = 0;
        foreach (var i in PostedIndices(form, "lp[", MostLearningPoints, modelState, fieldName, "Learning points"))
        {
            if (!form.ContainsKey($"lp[{i}].text")) continue;
            var text = form[$"lp[{i}].text"].ToString().Trim();
            if (text.Length > 0) shown++;
            if (text.Length > InputLimits.LearningPoint)
                modelState.AddModelError(fieldName, $"Learning point {shown} must be {InputLimits.Format(InputLimits.LearningPoint)} characters or fewer (it has {InputLimits.Format(text.Length)})");
            var themes = ReadThemeIds(form, $"lp[{i}].themes");
            if (themes is null) modelState.AddModelError(fieldName, $"Choose the themes of learning point {shown} from the list");
            if (text.Length > 0) yield return new LearningPointInput(ParseId(form[$"lp[{i}].id"]), text, themes ?? []);
        }
    }

    private static IEnumerable<ActionInput> ReadActions(IFormCollection form, string fieldName, ModelStateDictionary modelState)
    {
        var n = 0;
        foreach (var posted in PostedIndices(form, "act[", MostActions, modelState, fieldName, "Actions"))
        {
            var what = form[$"act[{posted}].what"].ToString().Trim();
            if (what.Length == 0) continue;
            // Messages number the action as the page will show it again: the actions typed, from 1.
            var i = n++;
            var p = $"act[{posted}]";
            CheckLength(modelState, fieldName, what, InputLimits.ActionWhat, $"What will be done (action {i + 1})");
            CheckLength(modelState, fieldName, form[p + ".owner"].ToString().Trim(), InputLimits.ActionOwner, $"The person responsible for action {i + 1}");
            CheckLength(modelState, fieldName, form[p + ".impact"].ToString().Trim(), InputLimits.ActionImpact, $"How the impact of action {i + 1} will be measured");
            // A GOV.UK date input like every other date; its error sits under the name the page will give
            // the date input when it shows the actions again (act[i].due, i counted from the first action
            // typed), whose id is the Day box, so the error summary link lands there.
            var dueName = $"act[{i}].due";
            var due = GovUkDate.TryRead(form, p + ".due", out var dueDate) ? dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Typed(form, p + ".due");
            if (due?.StartsWith(TypedPrefix, StringComparison.Ordinal) == true)
                modelState.AddModelError(dueName, $"The due date of action {i + 1} must be a real date, like 27 3 2026");
            var ownerUser = NullIfEmpty(form[p + ".ownerUser"]);
            var ownerTyped = NullIfEmpty(form[p + ".owner"]);
            if (ownerUser is { Length: > InputLimits.Token })
            {
                modelState.AddModelError(fieldName, $"Choose the person responsible for action {i + 1} from the list");
                ownerUser = null;
            }
            if (ownerUser is not null && ownerTyped is not null)
                modelState.AddModelError(fieldName, $"Action {i + 1}: choose the person responsible or type the name of someone without an account, not both");
            yield return new ActionInput(ParseId(form[p + ".id"]), what, ownerTyped, due, NullIfEmpty(form[p + ".impact"]),
                ParseId(form[p + ".finding"]), ownerUser, ReadThemeIds(form, p + ".themes") ?? []);
        }
    }

    private static void CheckLength(ModelStateDictionary modelState, string name, string text, int limit, string what)
    {
        if (text.Length > limit) modelState.AddModelError(name, $"{what} must be {InputLimits.Format(limit)} characters or fewer (it has {InputLimits.Format(text.Length)})");
    }

    /// <summary>The theme ids ticked under <paramref name="name"/>, each once; null when something posted is not a theme id.</summary>
    public static IReadOnlyList<Guid>? ReadThemeIds(IFormCollection form, string name)
    {
        ArgumentNullException.ThrowIfNull(form);
        var posted = form[name].Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        // Nobody ticks more themes than the list holds; ids are 36 characters.
        if (posted.Count > 200) return null;
        var ids = new List<Guid>();
        foreach (var value in posted)
        {
            if (!Guid.TryParse(value, out var id)) return null;
            if (!ids.Contains(id)) ids.Add(id);
        }
        return ids;
    }

    private static Guid? ParseId(string? value) => Guid.TryParse(value, out var id) ? id : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
