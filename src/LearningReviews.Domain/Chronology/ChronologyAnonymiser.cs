using System.Text.RegularExpressions;

namespace LearningReviews.Domain.Chronology;

/// <summary>A name as it may appear in an entry, and the label that stands for it in the anonymised view.</summary>
public sealed record NameLabel(string Name, string Label);

/// <summary>
/// Replaces the names of people the review knows about with their labels, for the anonymised chronology.
/// Each name is replaced whole first (longest first, so "Jo Bright" goes before "Jo"); then each part of
/// a person's name of three letters or more ("Bright" on its own), so a surname or first name written
/// alone is caught too. Matching ignores case and needs whole words: "Leo" is replaced, "Leonard" is not.
/// </summary>
public sealed partial class ChronologyAnonymiser
{
    private readonly List<(Regex Pattern, string Label)> _replacements;

    public ChronologyAnonymiser(IEnumerable<NameLabel> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = names.Where(n => !string.IsNullOrWhiteSpace(n.Name)).ToList();
        var whole = list.Select(n => (Text: n.Name.Trim(), n.Label));
        var parts = list.SelectMany(n => n.Name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(p => p.Length >= 3 && p != n.Name.Trim())
                .Select(p => (Text: p, n.Label)));
        _replacements = whole.Concat(parts)
            .DistinctBy(r => r.Text, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(r => r.Text.Length)
            .Select(r => (new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(r.Text)}(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), r.Label))
            .ToList();
    }

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        // Labels are put in as placeholders first, so a label ("Lead author") is never itself matched by a later name.
        var placed = new List<string>();
        foreach (var (pattern, label) in _replacements)
        {
            text = pattern.Replace(text, _ =>
            {
                placed.Add(label);
                return $"\u0001{placed.Count - 1}\u0002";
            });
        }
        return Placeholder().Replace(text, m => placed[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
    }

    /// <summary>"Child A", "Child B", … "Child Z", "Child AA": the labels given to a review's cases in order.</summary>
    public static string ChildLabel(int index)
    {
        var letters = "";
        for (var n = index; n >= 0; n = n / 26 - 1) letters = (char)('A' + n % 26) + letters;
        return "Child " + letters;
    }

    [GeneratedRegex("\u0001([0-9]+)\u0002", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
