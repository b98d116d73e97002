using LearningReviews.Domain.Subgroups;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Subgroups;

/// <summary>
/// "Plans awaiting your subgroup" on My work: for someone on one or more subgroups, the action plans those
/// subgroups own that await them (not yet reviewed, challenged at the last meeting, or given actions since their
/// approval; <see cref="PlanReviewRules.Standing"/>), of reviews the user may see, named by reference and kind (a
/// review's stored title can name families a restricted viewer may not see). Nothing for anyone else, after
/// one small query. The database finds each plan's last meeting and newest action.
/// </summary>
public sealed class PlansAwaitingViewComponent(LearningReviewsDbContext db, ReviewQueries queries, UserContextFactory users, LearningReviews.Domain.Workflows.WorkflowCatalogue catalogue) : ViewComponent
{
    /// <summary>The most plans listed; the action plans list filtered by subgroup shows every action.</summary>
    public const int Shown = 20;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = users.Current();
        var mine = await db.SubgroupMembers.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => m.SubgroupId).ToListAsync();
        if (mine.Count == 0) return Content("");
        var plans = await (
            from r in queries.VisibleTo(user)
            where r.SubgroupId != null && mine.Contains(r.SubgroupId.Value) && db.Actions.Any(a => a.ReviewId == r.Id)
            select new
            {
                r.Id, r.Reference, r.MethodologyKey, SubgroupId = r.SubgroupId!.Value,
                Actions = db.Actions.Count(a => a.ReviewId == r.Id),
                LastOutcome = db.ActionPlanReviews.Where(p => p.ReviewId == r.Id && p.SubgroupId == r.SubgroupId)
                    .OrderByDescending(p => p.RecordedAt).Select(p => (PlanDecision?)p.Outcome).FirstOrDefault(),
                LastAt = db.ActionPlanReviews.Where(p => p.ReviewId == r.Id && p.SubgroupId == r.SubgroupId).Max(p => (DateTime?)p.RecordedAt),
                NewestAction = db.Actions.Where(a => a.ReviewId == r.Id).Max(a => (DateTime?)a.CreatedAt),
            }).OrderBy(p => p.Reference).ToListAsync();
        var names = await db.Subgroups.AsNoTracking().Where(s => mine.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name);
        var awaiting = plans
            .Select(p => new PlanAwaiting(p.Id, p.Reference, catalogue.Newest(p.MethodologyKey)?.Name ?? p.MethodologyKey, names.GetValueOrDefault(p.SubgroupId, ""), p.Actions,
                PlanReviewRules.Standing(true, p.Actions, p.LastOutcome, p.LastAt, p.NewestAction)))
            .Where(p => PlanReviewRules.Awaits(p.Standing)).ToList();
        if (awaiting.Count == 0) return Content("");
        return View("~/Features/Subgroups/_PlansAwaiting.cshtml", new PlansAwaiting(awaiting.Take(Shown).ToList(), awaiting.Count));
    }
}

public sealed record PlanAwaiting(Guid ReviewId, string Reference, string MethodologyName, string Subgroup, int Actions, PlanStanding Standing);

public sealed record PlansAwaiting(IReadOnlyList<PlanAwaiting> Plans, int Total);
