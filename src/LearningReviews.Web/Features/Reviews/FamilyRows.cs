using System.Text.Json.Nodes;
using LearningReviews.Domain.Access;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>
/// Stage answers as someone who sees only some families may see them: a table row whose family column
/// ("case", the case label) names a family they may not see is left out. Someone who sees every family
/// gets the answers unchanged.
/// </summary>
public static class FamilyRows
{
    /// <summary>The key of the column that names a family in a rows field.</summary>
    public const string CaseColumn = "case";

    public static StageAnswers VisibleTo(UserContext user, Review review, StageDefinition stage, StageAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(answers);
        if (!ReviewAccessPolicy.IsFamilyRestricted(user, review)) return answers;
        var visible = VisibleLabels(user, review);
        var copy = (JsonObject)answers.Values.DeepClone();
        foreach (var field in FamilyFields(stage))
        {
            if (copy[field.Key] is not JsonArray rows) continue;
            var kept = new JsonArray();
            foreach (var row in rows.ToList())
            {
                if (row is JsonObject cells && Names(cells, visible)) kept.Add(row!.DeepClone());
            }
            copy[field.Key] = kept;
        }
        return new StageAnswers(copy, answers.Ticked);
    }

    /// <summary>Whether some rows of this stage are kept from this user (so they must not save it: the hidden rows would be lost).</summary>
    public static bool AnyHidden(UserContext user, Review review, StageDefinition stage, StageAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (!FamilyFields(stage).Any() || !ReviewAccessPolicy.IsFamilyRestricted(user, review)) return false;
        var filtered = VisibleTo(user, review, stage, answers);
        return FamilyFields(stage).Any(f => filtered.Rows(f.Key).Count != answers.Rows(f.Key).Count);
    }

    private static IEnumerable<FieldDefinition> FamilyFields(StageDefinition stage) =>
        stage.Fields.Where(f => f.Kind == FieldKind.Rows && f.Columns.Any(c => c.Key == CaseColumn));

    private static HashSet<string> VisibleLabels(UserContext user, Review review) =>
        review.Cases.Where(c => ReviewAccessPolicy.MaySeeCase(user, review, c.CaseId))
            .Select(c => c.Case?.Label?.Trim()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>A row is shown only when it names a family the user may see; an unnamed row could be about anyone.</summary>
    private static bool Names(JsonObject cells, HashSet<string> visible) =>
        cells[CaseColumn] is JsonValue value && value.TryGetValue<string>(out var label) && visible.Contains(label.Trim());
}
