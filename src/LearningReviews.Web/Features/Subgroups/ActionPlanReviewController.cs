using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Subgroups;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Exports;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.GovUk;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Subgroups;

/// <summary>
/// A review's action plan as its subgroup sees it: the actions, the subgroup that owns the plan, every meeting's
/// outcome, and two forms. The business manager gives the plan to a subgroup; a member of the owning subgroup
/// records a meeting's approval or challenge of the plan and of each action it discussed, with comments. The
/// page is for those who may see the review (anyone else gets "not found"); views, changes and refusals are
/// audited without the comments' text.
/// </summary>
[Route("reviews/{id:guid}/action-plan")]
public sealed class ActionPlanReviewController(
    LearningReviewsDbContext db,
    ReviewQueries queries,
    WorkflowCatalogue catalogue,
    UserContextFactory users,
    PartnershipTime time,
    WorkingDayCalendar calendar,
    AuditLog audit,
    TimeProvider clock) : Controller
{
    private const string PageView = "~/Features/Subgroups/ActionPlan.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken = default)
    {
        var review = await queries.FindAsync(id, where: "action plan", cancellationToken: cancellationToken);
        if (review is null) return NotFound();
        await audit.RecordViewAsync("ActionPlan", review.Id.ToString(), review.Id, "Action plan page", cancellationToken);
        var today = time.Today;
        var typed = new ExportDateFilter(Part(today.Day), Part(today.Month), Part(today.Year), today, false);
        return View(PageView, await PageAsync(review, null, typed, cancellationToken));
    }

    /// <summary>The business manager gives the plan to a subgroup (or to another one).</summary>
    [HttpPost("subgroup")]
    public async Task<IActionResult> Give(Guid id, Guid? subgroupId, Guid? was, CancellationToken cancellationToken = default)
    {
        var review = await queries.FindAsync(id, tracking: true, where: "action plan", cancellationToken: cancellationToken);
        if (review is null) return NotFound();
        if (!MayGive())
        {
            await audit.RecordAsync(AuditActions.AccessDenied, "ActionPlan", review.Id.ToString(), review.Id, "Refused: give the action plan to a subgroup", cancellationToken);
            return Forbid();
        }
        if (was != review.SubgroupId)
        {
            TempData["Problem"] = "Someone else gave this plan to a subgroup while you were looking at it. Check the subgroup below and choose again if it should change.";
            return Redirect($"/reviews/{id}/action-plan");
        }
        var subgroup = subgroupId is { } chosen ? await db.Subgroups.AsNoTracking().FirstOrDefaultAsync(s => s.Id == chosen, cancellationToken) : null;
        if (subgroup is null || (subgroup.IsRetired && subgroup.Id != review.SubgroupId))
        {
            ModelState.AddModelError("subgroupId", "Choose the subgroup that will own the plan");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var today = time.Today;
            return View(PageView, await PageAsync(review, null, new ExportDateFilter(Part(today.Day), Part(today.Month), Part(today.Year), today, false), cancellationToken));
        }
        if (subgroup.Id == review.SubgroupId) return Redirect($"/reviews/{id}/action-plan");
        review.SubgroupId = subgroup.Id;
        audit.Add(AuditActions.Updated, "ActionPlan", review.Id.ToString(), review.Id, $"Action plan given to subgroup '{subgroup.Name}'");
        // The review's own token as loaded: a change saved by anyone between reading and saving is refused.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Problem"] = "Someone else changed this review at the same moment. Check the plan and choose the subgroup again.";
            return Redirect($"/reviews/{id}/action-plan");
        }
        TempData["Notice"] = $"The plan now belongs to {subgroup.Name}";
        return Redirect($"/reviews/{id}/action-plan");
    }

    /// <summary>A member of the owning subgroup records a meeting's outcome for the plan and the actions it discussed.</summary>
    [HttpPost("meeting")]
    public async Task<IActionResult> Record(Guid id, PlanMeetingForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var review = await queries.FindAsync(id, tracking: true, where: "action plan", cancellationToken: cancellationToken);
        if (review is null) return NotFound();
        var user = users.Current();
        if (review.SubgroupId is not { } subgroupId || !await IsMemberAsync(subgroupId, user.UserId, cancellationToken))
        {
            await audit.RecordAsync(AuditActions.AccessDenied, "ActionPlan", review.Id.ToString(), review.Id, "Refused: record a subgroup meeting's outcome", cancellationToken);
            return Forbid();
        }

        var typed = ExportDateFilter.Read(new QueryCollection(Request.Form.ToDictionary(f => f.Key, f => f.Value)), "MeetingOn");
        var actions = await db.Actions.AsNoTracking().Where(a => a.ReviewId == review.Id).Select(a => new { a.Id, a.What }).ToListAsync(cancellationToken);
        var latest = await db.ActionPlanReviews.AsNoTracking().Where(p => p.ReviewId == review.Id)
            .OrderByDescending(p => p.RecordedAt).ThenByDescending(p => p.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (latest != form.LastSeen)
            ModelState.AddModelError("", "Someone recorded a meeting's outcome for this plan while you were writing. Check it in the history below, and record yours only if it is another meeting's.");
        if (actions.Count == 0 || !actions.Select(a => a.Id).ToHashSet().SetEquals(form.Items.Select(i => i.ActionId)))
            ModelState.AddModelError("", "The plan's actions changed while you were writing. Check them as they are now and record the meeting's outcome again.");
        var input = new PlanMeetingInput(typed.IsInvalid ? null : typed.Date, form.Outcome, form.Comment,
            form.Items.Select(i => new PlanItemInput(i.ActionId, i.Outcome, i.Comment)).ToList());
        foreach (var (field, message) in PlanReviewRules.Problems(input, time.Today, (i, name) => $"Items[{i}].{name}"))
            ModelState.AddModelError(field, message);
        if (!ModelState.IsValid)
        {
            // What was typed stays on the page; nothing is saved.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(PageView, await PageAsync(review, form, typed, cancellationToken));
        }

        var record = new ActionPlanReview
        {
            ReviewId = review.Id, SubgroupId = subgroupId, MeetingOn = input.MeetingOn!.Value, Outcome = form.Outcome!.Value,
            Comment = Clean(form.Comment), RecordedByUserId = user.UserId, RecordedByName = User.ActorName(), RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        foreach (var item in form.Items.Where(i => i.Outcome is PlanDecision.Approved or PlanDecision.Challenged))
        {
            record.Items.Add(new ActionPlanReviewItem
            {
                ActionId = item.ActionId, ActionWhat = actions.Single(a => a.Id == item.ActionId).What, Outcome = item.Outcome!.Value, Comment = Clean(item.Comment),
            });
        }
        db.ActionPlanReviews.Add(record);
        // Touching the review renews its token and saves against the one loaded, so two records made at the same
        // moment cannot both pass the check above: the second is refused by the database.
        db.Entry(review).State = EntityState.Modified;
        var challenged = record.Items.Count(i => i.Outcome == PlanDecision.Challenged);
        audit.Add(AuditActions.Created, nameof(ActionPlanReview), record.Id.ToString(), review.Id,
            $"Subgroup meeting of {record.MeetingOn:yyyy-MM-dd}: plan {record.Outcome}; {record.Items.Count - challenged} actions approved, {challenged} challenged");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Problem"] = "Someone else changed this plan at the same moment. Check its history and record the meeting's outcome again if it is not there.";
            return Redirect($"/reviews/{id}/action-plan");
        }
        TempData["Notice"] = record.Outcome == PlanDecision.Approved
            ? $"The meeting's approval of the plan is recorded{(challenged > 0 ? $", with {challenged} {(challenged == 1 ? "action" : "actions")} challenged" : "")}"
            : "The meeting's challenge to the plan is recorded";
        return Redirect($"/reviews/{id}/action-plan");
    }

    private bool MayGive() => User.IsInRole(Roles.BusinessManager);

    private Task<bool> IsMemberAsync(Guid subgroupId, string userId, CancellationToken cancellationToken) =>
        db.SubgroupMembers.AnyAsync(m => m.SubgroupId == subgroupId && m.UserId == userId, cancellationToken);

    private async Task<PlanPage> PageAsync(Review review, PlanMeetingForm? form, ExportDateFilter meetingOn, CancellationToken cancellationToken)
    {
        var user = users.Current();
        var today = time.Today;
        var actions = await db.Actions.AsNoTracking().Where(a => a.ReviewId == review.Id)
            .OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var history = await db.ActionPlanReviews.AsNoTracking().Include(p => p.Items).Where(p => p.ReviewId == review.Id)
            .OrderBy(p => p.RecordedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var subgroups = await db.Subgroups.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var owner = subgroups.FirstOrDefault(s => s.Id == review.SubgroupId);
        var ownerHistory = history.Where(h => h.SubgroupId == review.SubgroupId).ToList();
        var last = ownerHistory.LastOrDefault();
        var standing = PlanReviewRules.Standing(owner is not null, actions.Count, last?.Outcome, last?.RecordedAt,
            actions.Count == 0 ? null : actions.Max(a => a.CreatedAt));
        var rows = actions.Select(a =>
        {
            var said = history.SelectMany(h => h.Items).LastOrDefault(i => i.ActionId == a.Id);
            return new PlanActionRow(a.Id, a.What, a.OwnerName, a.DueDate, a.Status, ActionRules.Rag(a.Status, a.DueDate, today, calendar), said?.Outcome, said?.Comment);
        }).ToList();
        var mayRecord = owner is not null && actions.Count > 0 && await IsMemberAsync(owner.Id, user.UserId, cancellationToken);
        form ??= new PlanMeetingForm
        {
            Items = actions.Select(a => new PlanMeetingItemForm { ActionId = a.Id }).ToList(),
        };
        form.LastSeen = history.LastOrDefault()?.Id;
        var choices = subgroups.Where(s => !s.IsRetired || s.Id == review.SubgroupId)
            .Select(s => new SelectListItem(s.IsRetired ? s.Name + " (retired)" : s.Name, s.Id.ToString(), s.Id == review.SubgroupId)).ToList();
        var methodology = catalogue.Newest(review.MethodologyKey)?.Name ?? review.MethodologyKey;
        return new PlanPage(review, FamilyRestriction.TitleFor(user, review, methodology), methodology, owner, standing, rows,
            history.Select(h => new PlanMeetingRow(h, subgroups.FirstOrDefault(s => s.Id == h.SubgroupId)?.Name ?? "")).ToList(),
            MayGive(), choices, mayRecord, form, meetingOn);
    }

    private static string Part(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

}
