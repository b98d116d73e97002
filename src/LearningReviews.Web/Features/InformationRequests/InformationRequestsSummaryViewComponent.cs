using LearningReviews.Domain.InformationRequests;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.InformationRequests;

/// <summary>
/// The review page's lines about its information requests: the link to them, how many are answered, and
/// each overdue one by agency. The review page has already checked that the user may see the review.
/// </summary>
public sealed class InformationRequestsSummaryViewComponent(LearningReviewsDbContext db, PartnershipTime time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (InformationRequestRules.KindFor(review.MethodologyKey) is not { } kind) return Content("");
        var today = time.Today;
        var rows = await (from r in db.InformationRequests.AsNoTracking()
                          join a in db.Agencies on r.AgencyId equals a.Id
                          where r.ReviewId == review.Id
                          select new { r.AnsweredAt, r.DueOn, Agency = a.Name }).ToListAsync();
        var overdue = rows.Where(r => r.AnsweredAt == null && r.DueOn < today).OrderBy(r => r.DueOn)
            .Select(r => new OverdueRequest(r.Agency, r.DueOn)).ToList();
        return View("~/Features/InformationRequests/_Summary.cshtml",
            new InformationRequestsSummary(review.Id, kind, rows.Count, rows.Count(r => r.AnsweredAt != null), overdue, today));
    }
}

public sealed record OverdueRequest(string Agency, DateOnly DueOn);

public sealed record InformationRequestsSummary(Guid ReviewId, InformationRequestKind Kind, int Sent, int Answered,
    IReadOnlyList<OverdueRequest> Overdue, DateOnly Today);
