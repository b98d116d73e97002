using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.ActionPlans;

/// <summary>
/// The startup data step that brings reviews saved before the action plans into them: actions typed on
/// a form before sources were recorded get their source and stage, and the key findings, learning day findings
/// and changes to the plan of reviews with no action made from them yet become actions (ActionExtraction).
/// Runs after the migrations until it has run to the end once on the database (DataStepLedger records it);
/// a second run would find nothing to do with two small queries.
/// </summary>
public sealed class ActionSourcesStep(LearningReviewsDbContext db, WorkflowCatalogue catalogue, TimeProvider clock, ILogger<ActionSourcesStep> logger)
{
    /// <returns>How many actions were given a source or made.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var extracted = new[] { ActionExtraction.LscbMethodology, ActionExtraction.PracticeLearningDayMethodology, ActionExtraction.LearningConversationMethodology };
        var unsourced = await db.Actions.Where(a => a.SourceStageKey == null).Select(a => a.ReviewId).Distinct().ToListAsync(cancellationToken);
        var unextracted = await db.Reviews
            .Where(r => extracted.Contains(r.MethodologyKey) && !r.Actions.Any(a => a.SourceKey != null)
                        && (r.LearningPoints.Any() || r.Stages.Any(s => s.StageKey == "followUp")))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var ids = unsourced.Union(unextracted).ToList();
        if (ids.Count == 0) return 0;

        var audit = new AuditLog(db, new SystemUser(), clock);
        var changed = 0;
        foreach (var id in ids)
        {
            var review = await db.Reviews.Include(r => r.Actions).Include(r => r.LearningPoints).Include(r => r.Stages)
                .AsSplitQuery().FirstAsync(r => r.Id == id, cancellationToken);
            if (catalogue.Find(review.MethodologyKey, review.DefinitionVersion) is not { } definition) continue;
            var actionsStage = definition.Stages.FirstOrDefault(s => s.Fields.Any(f => f.Kind == FieldKind.Actions))?.Key;
            foreach (var action in review.Actions.Where(a => a.SourceStageKey == null && a.IsTypedOnForm))
            {
                action.Source = ActionRules.SourceOfActionsField(review.MethodologyKey);
                action.SourceStageKey = actionsStage ?? review.CurrentStageKey;
                changed++;
            }
            foreach (var (action, change) in ActionExtraction.Sync(review, definition))
            {
                if (change == AuditActions.Created) db.Actions.Add(action);
                if (change == AuditActions.Deleted) db.Actions.Remove(action);
                audit.Add(change, nameof(ReviewAction), action.Id.ToString(), review.Id, $"{ActionRules.Name(action.Source)} {change.ToLowerInvariant()} in the action plan (startup)");
                changed++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        if (changed > 0) logger.LogInformation("Brought {Count} actions into the action plans", changed);
        return changed;
    }
}
