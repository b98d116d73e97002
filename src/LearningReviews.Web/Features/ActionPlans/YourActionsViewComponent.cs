using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.ActionPlans;

/// <summary>
/// "Your actions" on My work: the open actions the signed-in user owns (chosen from the accounts), soonest due
/// first with red/amber/green, each linking to the action's page where the owner updates it. Only actions of
/// reviews the user may still see; one small query. (Re-checks that have come due are tasks of their own:
/// ActionReminders/RechecksDueViewComponent.)
/// </summary>
public sealed class YourActionsViewComponent(LearningReviewsDbContext db, ReviewQueries queries, UserContextFactory users,
    PartnershipTime time, WorkingDayCalendar calendar) : ViewComponent
{
    /// <summary>The most actions listed here; the action plans list filtered to "mine" shows the rest.</summary>
    public const int Shown = 20;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = users.Current();
        var today = time.Today;
        var open = ActionRules.OpenStatuses.ToList();
        var mine = from a in db.Actions.AsNoTracking()
                   join r in queries.VisibleTo(user) on a.ReviewId equals r.Id
                   where a.OwnerUserId == user.UserId
                   select new { a.Id, r.Reference, a.What, a.DueDate, a.Status };
        var actions = await mine.Where(a => open.Contains(a.Status))
            .OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Reference).Take(Shown + 1).ToListAsync();
        if (actions.Count == 0) return Content("");
        return View("~/Features/ActionPlans/_YourActions.cshtml", new YourActions(
            actions.Take(Shown).Select(a => new YourAction(a.Id, a.Reference, a.What, a.DueDate, a.Status, ActionRules.Rag(a.Status, a.DueDate, today, calendar))).ToList(),
            actions.Count > Shown));
    }
}

public sealed record YourAction(Guid Id, string Reference, string What, DateOnly? Date, ActionStatus Status, ActionRag Rag);

public sealed record YourActions(IReadOnlyList<YourAction> Open, bool HasMore);
