using LearningReviews.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.ActionReminders;

/// <summary>
/// "Escalations" on an action's page (one line in ActionPlans/Details.cshtml, which has already checked the reader
/// may see the action): each step sent, when, and to whom. Nothing is shown for an action never escalated.
/// </summary>
public sealed class ActionEscalationsViewComponent(LearningReviewsDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid actionId)
    {
        // Steps are stored by name, so their order (owner, lead, chair) is put right here, not by the database.
        var rows = (await db.ActionEscalations.AsNoTracking().Where(e => e.ActionId == actionId).ToListAsync())
            .OrderBy(e => e.SentAt).ThenBy(e => e.Step).ToList();
        return rows.Count == 0 ? Content("") : View("~/Features/ActionReminders/_ActionEscalations.cshtml", rows);
    }
}
