using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LearningReviews.Domain.Access;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>
/// Free text as someone who sees only some of a review's families may read it. Whatever the system knows
/// identifies another family is replaced with a neutral marker wherever it is written: the family's label
/// (and the distinctive word of it, "Osprey" in "Demo family Osprey"), its case-record number, and the full
/// names of the people tied only to it. Matching ignores case, goes by whole words and phrases, and takes
/// the longest term first, so "Demo family Osprey" is one marker, not "Demo family [another family]".
/// What the viewer may see (their own family's label, the people they may see) is never touched, even where
/// a hidden term sits inside it ("Smith" inside "Family Smith-Jones").
/// <para>
/// It is a safeguard for the names the system holds, not for every way words can point at a family: a
/// description ("the twins in the north") or a misspelt name passes through. See docs/security.md.
/// </para>
/// </summary>
public sealed class FamilyRedactor
{
    public const string FamilyMarker = "[another family]";
    public const string PersonMarker = "[a person in another family]";

    /// <summary>Words of a label too common to stand for a family on their own.</summary>
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "family", "families", "child", "children", "young", "person", "people", "baby", "sibling", "siblings",
        "demo", "case", "the", "and", "of", "in", "with",
    };

    private readonly Regex? _pattern;
    private readonly Dictionary<string, string?> _replacements;
    private readonly HashSet<string> _hiddenUserIds;

    /// <summary>Leaves everything as written: for someone who sees every family.</summary>
    public static readonly FamilyRedactor None = new([], [], [], []);

    /// <param name="hiddenFamilies">Labels and case-record numbers of the families the viewer may not see.</param>
    /// <param name="hiddenPeople">Full names of the people tied only to those families.</param>
    /// <param name="visible">Labels and names the viewer may see: kept as written wherever they appear.</param>
    /// <param name="hiddenUserIds">Accounts of the people tied only to hidden families (for person answers).</param>
    public FamilyRedactor(IEnumerable<string?> hiddenFamilies, IEnumerable<string?> hiddenPeople, IEnumerable<string?> visible,
        IEnumerable<string?> hiddenUserIds)
    {
        ArgumentNullException.ThrowIfNull(hiddenFamilies);
        ArgumentNullException.ThrowIfNull(hiddenPeople);
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(hiddenUserIds);
        _hiddenUserIds = hiddenUserIds.OfType<string>().ToHashSet(StringComparer.Ordinal);
        // Key: the term in its normalised form (single spaces, lower case); value: its marker, or null to keep it.
        _replacements = new Dictionary<string, string?>(StringComparer.Ordinal);
        var keep = Clean(visible).ToList();
        foreach (var term in keep) _replacements[Key(term)] = null;
        // Words that appear in something visible are not distinctive enough to stand for a hidden family.
        var visibleWords = keep.SelectMany(Words).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var families = Clean(hiddenFamilies).ToList();
        foreach (var term in families) _replacements.TryAdd(Key(term), FamilyMarker);
        foreach (var word in families.SelectMany(DistinctiveWords).Where(w => !visibleWords.Contains(w)))
        {
            _replacements.TryAdd(Key(word), FamilyMarker);
        }
        foreach (var name in Clean(hiddenPeople)) _replacements.TryAdd(Key(name), PersonMarker);
        if (_replacements.Values.All(v => v is null)) return;
        // Longest first: at any position the alternation takes the first term that matches.
        var alternatives = _replacements.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => string.Join(@"\s+", k.Split(' ').Select(Regex.Escape)));
        _pattern = new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>Whether this viewer's text is redacted at all.</summary>
    public bool IsActive => _pattern is not null || _hiddenUserIds.Count > 0;

    /// <summary>The text with every hidden term replaced by its marker.</summary>
    public string? Redact(string? text)
    {
        if (_pattern is null || string.IsNullOrEmpty(text)) return text;
        // A match whose normal form is somehow not a key (case folding differs by script) fails closed.
        return _pattern.Replace(text, match => _replacements.TryGetValue(Key(match.Value), out var marker) ? marker ?? match.Value : FamilyMarker);
    }

    /// <summary>Whether <see cref="Redact"/> would change this text.</summary>
    public bool Changes(string? text) => !string.Equals(Redact(text), text, StringComparison.Ordinal);

    /// <summary>Whether this account belongs to someone tied only to a hidden family.</summary>
    public bool HidesUser(string? userId) => userId is not null && _hiddenUserIds.Contains(userId);

    /// <summary>
    /// A stage's answers with their free text redacted (text answers and every text cell of rows) and the
    /// people tied only to hidden families left out of person answers.
    /// </summary>
    public StageAnswers Redact(StageDefinition stage, StageAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(answers);
        if (!IsActive) return answers;
        var copy = (JsonObject)answers.Values.DeepClone();
        foreach (var field in stage.Fields)
        {
            switch (field.Kind)
            {
                case FieldKind.ShortText or FieldKind.LongText when answers.Text(field.Key) is { } text:
                    copy[field.Key] = Redact(text);
                    break;
                case FieldKind.Rows when copy[field.Key] is JsonArray rows:
                    foreach (var row in rows.OfType<JsonObject>())
                    {
                        foreach (var (key, value) in row.ToList())
                        {
                            if (value is JsonValue cell && cell.TryGetValue<string>(out var text)) row[key] = Redact(text);
                        }
                    }
                    break;
                case FieldKind.Person when HidesUser(answers.Text(field.Key)):
                    copy.Remove(field.Key);
                    break;
                case FieldKind.People when answers.List(field.Key).Any(HidesUser):
                    copy[field.Key] = new JsonArray(answers.List(field.Key).Where(id => !HidesUser(id)).Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());
                    break;
            }
        }
        return new StageAnswers(copy, answers.Ticked);
    }

    /// <summary>
    /// Whether the viewer would be shown any of this stage redacted: its answers, or (where the stage holds
    /// them) the review's learning points and actions. Someone shown a redacted stage must not save it, or
    /// the markers would overwrite what was written.
    /// </summary>
    public bool ChangesAny(Review review, StageDefinition stage, StageAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(stage);
        if (!IsActive) return false;
        if (!Same(Redact(stage, answers), answers)) return true;
        if (stage.Fields.Any(f => f.Kind == FieldKind.LearningPoints) && review.LearningPoints.Any(p => Changes(p.Text))) return true;
        return stage.Fields.Any(f => f.Kind == FieldKind.Actions)
               && review.Actions.Any(a => Changes(a.What) || Changes(a.OwnerName) || Changes(a.ImpactMeasure));
    }

    private static bool Same(StageAnswers a, StageAnswers b) => JsonNode.DeepEquals(a.Values, b.Values);

    private static IEnumerable<string> Clean(IEnumerable<string?> terms) =>
        terms.Select(t => t?.Trim()).Where(t => !string.IsNullOrEmpty(t) && t.Any(char.IsLetterOrDigit)).Select(t => t!);

    private static string Key(string term) => Regex.Replace(term.Trim(), @"\s+", " ").ToLowerInvariant();

    private static IEnumerable<string> Words(string term) =>
        Regex.Split(term, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0);

    /// <summary>
    /// The words of a label that stand for the family on their own: at least four letters and not a common
    /// word ("Osprey" in "Demo family Osprey"). "Family A" has none: "A" would redact every "a".
    /// </summary>
    private static IEnumerable<string> DistinctiveWords(string label) =>
        Words(label).Where(w => w.Length >= 4 && w.All(char.IsLetter) && !CommonWords.Contains(w));
}

/// <summary>Builds the <see cref="FamilyRedactor"/> for a viewer of a review.</summary>
public static class FamilyRedaction
{
    /// <summary>The redactor for this user: <see cref="FamilyRedactor.None"/> unless they see only some families.</summary>
    public static FamilyRedactor For(UserContext user, Review review)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);
        if (!ReviewAccessPolicy.IsFamilyRestricted(user, review)) return FamilyRedactor.None;
        var hidden = review.Cases.Where(c => !ReviewAccessPolicy.MaySeeCase(user, review, c.CaseId)).ToList();
        var shown = review.Cases.Where(c => ReviewAccessPolicy.MaySeeCase(user, review, c.CaseId)).ToList();
        var visiblePeople = review.Participants.Where(p => FamilyRestriction.MaySeeParticipant(user, review, p)).ToList();
        var visibleNames = visiblePeople.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var visibleUsers = visiblePeople.Select(p => p.UserId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // Someone tied to a hidden family and also to one the viewer sees (or to the whole review) is not hidden.
        var hiddenPeople = review.Participants.Where(p => !FamilyRestriction.MaySeeParticipant(user, review, p)
                                                          && !visibleNames.Contains(p.Name) && (p.UserId is null || !visibleUsers.Contains(p.UserId))).ToList();
        return new FamilyRedactor(
            hidden.SelectMany(c => new[] { c.Case?.Label, c.Case?.CaseRecordNumber }),
            hiddenPeople.Select(p => p.Name),
            shown.SelectMany(c => new[] { c.Case?.Label, c.Case?.CaseRecordNumber }).Concat(visibleNames),
            hiddenPeople.Select(p => p.UserId));
    }
}
