using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LearningReviews.Web.Features.Demo;

/// <summary>
/// A stage form as the browser posts it (the names <see cref="Workflow.StageFormReader"/> reads), so
/// demo answers are read, checked and saved exactly like answers typed on the page.
/// </summary>
internal sealed class DemoForm
{
    private readonly List<KeyValuePair<string, string>> fields = [];

    public DemoForm Text(string key, string value) => Add("f." + key, value);

    /// <summary>One or more choices, or the user ids of the people chosen in a person field.</summary>
    public DemoForm Choose(string key, params string[] values)
    {
        foreach (var value in values) Add("f." + key, value);
        return this;
    }

    public DemoForm Tick(params string[] checklistKeys)
    {
        foreach (var key in checklistKeys) Add("checklist", key);
        return this;
    }

    public DemoForm Date(string key, DateOnly date) =>
        Add($"f.{key}.day", date.Day.ToString(CultureInfo.InvariantCulture))
            .Add($"f.{key}.month", date.Month.ToString(CultureInfo.InvariantCulture))
            .Add($"f.{key}.year", date.Year.ToString(CultureInfo.InvariantCulture));

    public DemoForm DateTime(string key, DateOnly date, string time) => Date(key, date).Add($"f.{key}.time", time);

    public DemoForm Row(string field, int index, params (string Column, string Value)[] cells)
    {
        foreach (var (column, value) in cells) Add($"f.{field}[{index}].{column}", value);
        return this;
    }

    public DemoForm RowDate(string field, int index, string column, DateOnly date) => Date($"{field}[{index}].{column}", date);

    public DemoForm LearningPoint(int index, string text) => Add($"lp[{index}].id", "").Add($"lp[{index}].text", text);

    public DemoForm Action(int index, string what, string owner, DateOnly due, string impact) =>
        Add($"act[{index}].id", "").Add($"act[{index}].what", what).Add($"act[{index}].owner", owner)
            .Add($"act[{index}].due", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Add($"act[{index}].impact", impact);

    public FormCollection ToFormCollection() =>
        new(fields.GroupBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new StringValues(g.Select(f => f.Value).ToArray()), StringComparer.Ordinal));

    private DemoForm Add(string name, string value)
    {
        fields.Add(new(name, value));
        return this;
    }
}
