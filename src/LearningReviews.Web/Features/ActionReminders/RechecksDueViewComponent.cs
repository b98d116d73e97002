using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.ActionReminders;

/// <summary>
/// "Re-checks due" on My work (one line in Home/Index.cshtml): the signed-in user's closed or not-embedded actions
/// whose re-check date has come (ActionRules.IsRecheckDue), as tasks, longest waiting first, each linking to the
/// action's page where the owner records what the re-check found. Only actions of reviews the user may still see.
/// </summary>
public sealed class RechecksDueViewComponent(LearningReviewsDbContext db, ReviewQueries queries, UserContextFactory users, PartnershipTime time) : ViewComponent
{
    /// <summary>The most tasks listed; the action plans list filtered to "mine" shows the rest.</summary>
    public const int Shown = 20;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = users.Current();
        var today = time.Today;
        var statuses = new[] { ActionStatus.CompletedAndEmbedded, ActionStatus.NotEmbedded };
        var due = await (
            from a in db.Actions.AsNoTracking()
            join r in queries.VisibleTo(user) on a.ReviewId equals r.Id
            where a.OwnerUserId == user.UserId && statuses.Contains(a.Status) && a.RecheckOn != null && a.RecheckOn <= today
            orderby a.RecheckOn, r.Reference, a.Id
            select new RecheckTask(a.Id, r.Reference, a.What, a.RecheckOn!.Value, a.Status))
            .Take(Shown + 1).ToListAsync();
        return due.Count == 0
            ? Content("")
            : View("~/Features/ActionReminders/_RechecksDue.cshtml", new RechecksDue([.. due.Take(Shown)], due.Count > Shown, today));
    }
}

public sealed record RecheckTask(Guid ActionId, string Reference, string What, DateOnly RecheckOn, ActionStatus Status);

public sealed record RechecksDue(IReadOnlyList<RecheckTask> Tasks, bool HasMore, DateOnly Today);
