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
/// one small query. The database picks out the plans that await the subgroup and counts them.
/// </summary>
public sealed class PlansAwaitingViewComponent(LearningReviewsDbContext db, ReviewQueries queries, UserContextFactory users, LearningReviews.Domain.Workflows.WorkflowCatalogue catalogue) : ViewComponent
{
    /// <summary>The most plans listed; the action plans list filtered by subgroup shows every action.</summary>
    public const int Shown = 20;

    /// <summary>Counting stops past this many: the count is the whole filter again, and "more than 100" says enough.</summary>
    public const int CountedUpTo = 100;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = users.Current();
        var mine = await db.SubgroupMembers.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => m.SubgroupId).ToListAsync();
        if (mine.Count == 0) return Content("");
        // PlanReviewRules.Awaits as a query, so the database returns only the page's plans and counts the rest: a plan
        // with actions awaits its subgroup when the subgroup has not met on it, challenged it last time, or has been
        // given actions since it last approved it. The standing is then worked out from the same figures for the words.
        var awaitingPlans =
            from r in queries.VisibleTo(user)
            where r.SubgroupId != null && mine.Contains(r.SubgroupId.Value) && db.Actions.Any(a => a.ReviewId == r.Id)
            let lastAt = db.ActionPlanReviews.Where(p => p.ReviewId == r.Id && p.SubgroupId == r.SubgroupId).Max(p => (DateTime?)p.RecordedAt)
            let lastOutcome = db.ActionPlanReviews.Where(p => p.ReviewId == r.Id && p.SubgroupId == r.SubgroupId)
                .OrderByDescending(p => p.RecordedAt).Select(p => (PlanDecision?)p.Outcome).FirstOrDefault()
            where lastAt == null || lastOutcome == PlanDecision.Challenged || db.Actions.Any(a => a.ReviewId == r.Id && a.CreatedAt > lastAt)
            select new
            {
                r.Id, r.Reference, r.MethodologyKey, SubgroupId = r.SubgroupId!.Value,
                Actions = db.Actions.Count(a => a.ReviewId == r.Id),
                LastOutcome = lastOutcome, LastAt = lastAt,
                NewestAction = db.Actions.Where(a => a.ReviewId == r.Id).Max(a => (DateTime?)a.CreatedAt),
            };
        var plans = await awaitingPlans.OrderBy(p => p.Reference).Take(Shown).ToListAsync();
        if (plans.Count == 0) return Content("");
        var total = plans.Count < Shown ? plans.Count : await awaitingPlans.Take(CountedUpTo + 1).CountAsync();
        var names = await db.Subgroups.AsNoTracking().Where(s => mine.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name);
        var awaiting = plans
            .Select(p => new PlanAwaiting(p.Id, p.Reference, catalogue.Newest(p.MethodologyKey)?.Name ?? p.MethodologyKey, names.GetValueOrDefault(p.SubgroupId, ""), p.Actions,
                PlanReviewRules.Standing(true, p.Actions, p.LastOutcome, p.LastAt, p.NewestAction)))
            .ToList();
        return View("~/Features/Subgroups/_PlansAwaiting.cshtml", new PlansAwaiting(awaiting, total));
    }
}

public sealed record PlanAwaiting(Guid ReviewId, string Reference, string MethodologyName, string Subgroup, int Actions, PlanStanding Standing);

public sealed record PlansAwaiting(IReadOnlyList<PlanAwaiting> Plans, int Total);
