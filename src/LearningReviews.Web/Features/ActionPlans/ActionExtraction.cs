using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Web.Features.Workflow;

namespace LearningReviews.Web.Features.ActionPlans;

/// <summary>
/// Makes actions from the parts of stage forms that ask for something to be done but are not "actions" fields:
/// an LSCB review's key findings (each one is shared "for reflection and action planning"), a practice learning
/// day's learning points, and a learning conversation's changes to the plan. Each action is keyed by its source
/// (stage key and the finding's id, or the field's key), so running this again (every save of a stage, and at
/// startup for reviews saved before) updates the same action rather than adding another. An action whose
/// source is gone is removed only while nobody has started it; once worked on it stays, with its history.
/// Works on a review loaded with its stages, learning points and actions; the caller saves.
/// </summary>
public static class ActionExtraction
{
    public const string LscbMethodology = "lscb-learning-review";
    public const string PracticeLearningDayMethodology = "practice-learning-day";
    public const string LearningConversationMethodology = "learning-conversation";

    /// <summary>The changes made, for the audit log: (action, "Created"/"Updated"/"Deleted").</summary>
    public static IReadOnlyList<(ReviewAction Action, string Change)> Sync(Review review, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(definition);
        var wanted = Wanted(review, definition);
        var changes = new List<(ReviewAction, string)>();
        var sources = SourcesOf(definition.Key);
        foreach (var stale in review.Actions.Where(a => !a.IsTypedOnForm && sources.Contains(a.Source)
                     && !wanted.Any(w => w.StageKey == a.SourceStageKey && w.Key == a.SourceKey)).ToList())
        {
            if (stale.Status != ActionStatus.NotStarted || stale.History.Count > 0) continue;
            review.Actions.Remove(stale);
            changes.Add((stale, "Deleted"));
        }
        foreach (var w in wanted)
        {
            var existing = review.Actions.FirstOrDefault(a => a.SourceStageKey == w.StageKey && a.SourceKey == w.Key);
            if (existing is null)
            {
                var action = new ReviewAction
                {
                    ReviewId = review.Id, What = w.What, OwnerName = w.Owner, Source = w.Source, SourceStageKey = w.StageKey, SourceKey = w.Key,
                    LearningPointId = w.LearningPointId,
                };
                review.Actions.Add(action);
                changes.Add((action, "Created"));
            }
            else if (existing.What != w.What || (w.Owner is not null && existing.OwnerName is null))
            {
                existing.What = w.What;
                // An owner set on the action's page is kept; the form only fills one in when there is none.
                existing.OwnerName ??= w.Owner;
                changes.Add((existing, "Updated"));
            }
        }
        return changes;
    }

    private static IReadOnlyList<ActionSource> SourcesOf(string methodology) => methodology switch
    {
        LscbMethodology => [ActionSource.LscbKeyFinding],
        PracticeLearningDayMethodology => [ActionSource.PracticeLearningDayFinding],
        LearningConversationMethodology => [ActionSource.LearningConversationPlanChange],
        _ => [],
    };

    private sealed record WantedAction(ActionSource Source, string StageKey, string Key, string What, string? Owner, Guid? LearningPointId);

    private static List<WantedAction> Wanted(Review review, WorkflowDefinition definition)
    {
        var wanted = new List<WantedAction>();
        switch (definition.Key)
        {
            case LscbMethodology when FindingsStage(definition) is { } stage:
                // The review stage names the LSCB Sub-Group that owns the action plan: it owns the findings' actions.
                var owner = Answer(review, "review", "ownerGroup");
                wanted.AddRange(review.LearningPoints.OrderBy(p => p.Position).Select(p =>
                    new WantedAction(ActionSource.LscbKeyFinding, stage, p.Id.ToString(), Clip("Plan action on the key finding: " + p.Text), owner, p.Id)));
                break;
            case PracticeLearningDayMethodology when FindingsStage(definition) is { } stage:
                wanted.AddRange(review.LearningPoints.OrderBy(p => p.Position).Select(p =>
                    new WantedAction(ActionSource.PracticeLearningDayFinding, stage, p.Id.ToString(), Clip(p.Text), null, p.Id)));
                break;
            case LearningConversationMethodology:
                if (Answer(review, "followUp", "planChanges") is { } changes)
                    wanted.Add(new WantedAction(ActionSource.LearningConversationPlanChange, "followUp", "planChanges", Clip(changes), Answer(review, "followUp", "sharedBy"), null));
                break;
        }
        return wanted;
    }

    /// <summary>The stage whose form records the findings (its learning points field).</summary>
    private static string? FindingsStage(WorkflowDefinition definition) =>
        definition.Stages.FirstOrDefault(s => s.Fields.Any(f => f.Kind == FieldKind.LearningPoints))?.Key;

    /// <summary>A text answer of the latest record of a stage, or null when not answered.</summary>
    private static string? Answer(Review review, string stageKey, string field)
    {
        var record = review.Stages.Where(s => s.StageKey == stageKey).OrderByDescending(s => s.Cycle).FirstOrDefault();
        return record is null ? null : ReviewWorkflowService.AnswersOf(record).Text(field) is { Length: > 0 } text ? text.Trim() : null;
    }

    private const int WhatMaxLength = 2000;

    private static string Clip(string text) => text.Length <= WhatMaxLength ? text : text[..WhatMaxLength];
}
