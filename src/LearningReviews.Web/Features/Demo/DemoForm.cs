using System.Globalization;
using LearningReviews.Web.Infrastructure.GovUk;
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

    public DemoForm Date(string key, DateOnly date) => DateParts("f." + key, date);

    // Every date, an action's due date included, is posted as the GOV.UK date pattern's three boxes.
    private DemoForm DateParts(string name, DateOnly date)
    {
        var (day, month, year) = GovUkDate.PartNames(name);
        return Add(day, date.Day.ToString(CultureInfo.InvariantCulture))
            .Add(month, date.Month.ToString(CultureInfo.InvariantCulture))
            .Add(year, date.Year.ToString(CultureInfo.InvariantCulture));
    }

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
            .DateParts($"act[{index}].due", due).Add($"act[{index}].impact", impact);

    public FormCollection ToFormCollection() =>
        new(fields.GroupBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new StringValues(g.Select(f => f.Value).ToArray()), StringComparer.Ordinal));

    private DemoForm Add(string name, string value)
    {
        fields.Add(new(name, value));
        return this;
    }
}
