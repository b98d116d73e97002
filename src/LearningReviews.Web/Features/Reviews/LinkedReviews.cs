using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Web.Features.Workflow;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>
/// Which methodologies a review's decision may start (a rapid review deciding on a practitioner
/// learning review, say). A stage names the methodologies it may start in `mayStartLinked`; the one
/// offered is the one its decision chose: a single-choice answer on that stage whose value is the
/// methodology's key. A decision of "no further review" offers nothing.
/// </summary>
public static class LinkedReviews
{
    public static IReadOnlyList<string> MayStartFrom(Review review, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(definition);
        var records = ReviewWorkflowService.LatestRecords(review);
        var offered = new List<string>();
        foreach (var stage in definition.Stages.Where(s => s.MayStartLinked.Count > 0))
        {
            if (records.GetValueOrDefault(stage.Key) is not { } record) continue;
            var answers = ReviewWorkflowService.AnswersOf(record);
            offered.AddRange(stage.Fields.Where(f => f.Kind == FieldKind.SingleChoice)
                .Select(f => answers.Text(f.Key))
                .Where(chosen => chosen is not null && stage.MayStartLinked.Contains(chosen))
                .Select(chosen => chosen!));
        }
        return offered.Distinct(StringComparer.Ordinal).ToList();
    }
}
