using System.Globalization;
using System.Text.Json.Nodes;

namespace LearningReviews.Domain.Workflows.Engine;

/// <summary>
/// What has been recorded on one stage's form: a JSON object of field key to value, where a value is
/// a string (text, dates as yyyy-MM-dd or yyyy-MM-ddTHH:mm, numbers, "yes"/"no", a choice), an array
/// of strings (multiple choice, people), or an array of objects (rows). Plus the ticked checklist items.
/// </summary>
public sealed class StageAnswers
{
    public StageAnswers(JsonObject? values = null, IEnumerable<string>? ticked = null, IEnumerable<string>? answeredByRecord = null)
    {
        Values = values ?? [];
        Ticked = new HashSet<string>(ticked ?? [], StringComparer.Ordinal);
        AnsweredByRecord = new HashSet<string>(answeredByRecord ?? [], StringComparer.Ordinal);
    }

    public JsonObject Values { get; }
    public ISet<string> Ticked { get; }

    /// <summary>Fields answered by a record of the review (an uploaded document) rather than by what was typed (see RecordAnswers).</summary>
    public IReadOnlySet<string> AnsweredByRecord { get; }

    public string? Text(string key) =>
        Values[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    public IReadOnlyList<string> List(string key) =>
        Values[key] is JsonArray array
            ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string key) =>
        Values[key] is JsonArray array
            ? array.OfType<JsonObject>()
                .Select(row => (IReadOnlyDictionary<string, string>)row
                    .Where(cell => cell.Value is JsonValue v && v.TryGetValue<string>(out _))
                    .ToDictionary(cell => cell.Key, cell => cell.Value!.GetValue<string>()))
                .ToList()
            : [];

    /// <summary>A date or date-time answer as a date, when it is one.</summary>
    public DateOnly? Date(string key)
    {
        var text = Text(key);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        return DateTime.TryParseExact(text, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? DateOnly.FromDateTime(at)
            : null;
    }

    /// <summary>Whether a field has an answer of any kind.</summary>
    public bool IsAnswered(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (AnsweredByRecord.Contains(field.Key)) return true;
        return field.Kind switch
        {
            FieldKind.MultipleChoice or FieldKind.People or FieldKind.Themes => List(field.Key).Count > 0,
            FieldKind.Rows => Rows(field.Key).Count > 0,
            _ => Text(field.Key) is not null,
        };
    }
}
