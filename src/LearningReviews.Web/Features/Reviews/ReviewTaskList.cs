using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Web.Features.Workflow;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>The stages as a GOV.UK task list: completed, in progress, not started, or cannot start yet.</summary>
public static class ReviewTaskList
{
    public static IReadOnlyList<StageRow> For(Review review, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(definition);
        var records = ReviewWorkflowService.LatestRecords(review);
        var currentIndex = definition.Stages.ToList().FindIndex(s => s.Key == review.CurrentStageKey);
        return definition.Stages.Select((stage, index) =>
        {
            var record = records.GetValueOrDefault(stage.Key);
            var status = record?.Status == StageStatus.Completed && (index < currentIndex || review.Status == ReviewStatus.Closed)
                ? "Completed"
                : index == currentIndex
                    ? record is { AnswersJson.Length: > 2 } ? "In progress" : "Not started"
                    : index < currentIndex ? "Completed" : "Cannot start yet";
            var earlier = review.Stages.Where(s => s.StageKey == stage.Key && s.Cycle < (record?.Cycle ?? 0))
                .Select(s => s.Cycle).Order().ToList();
            return new StageRow(stage.Key, stage.Title, status, record is not null) { EarlierCycles = earlier };
        }).ToList();
    }
}
