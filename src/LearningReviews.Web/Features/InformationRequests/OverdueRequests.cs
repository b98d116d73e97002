using LearningReviews.Domain.InformationRequests;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.InformationRequests;

/// <summary>My work's overdue information requests: unanswered past their deadline, on the open reviews the user may see.</summary>
public static class OverdueRequests
{
    /// <summary>The longest overdue requests (oldest first, as many as My work shows) and how many are overdue in all, for My work.</summary>
    public static async Task<OverdueItems> OldestAsync(LearningReviewsDbContext db, IQueryable<Review> visible, DateOnly today,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query =
            from q in db.InformationRequests
            join r in visible on q.ReviewId equals r.Id
            join a in db.Agencies on q.AgencyId equals a.Id
            where (r.Status == ReviewStatus.Proposed || r.Status == ReviewStatus.InProgress)
                  && q.AnsweredAt == null && q.DueOn < today
            select new { r.Id, r.Reference, q.Kind, Agency = a.Name, q.DueOn };
        var rows = await query.OrderBy(q => q.DueOn).ThenBy(q => q.Reference).Take(Home.MyWorkPage.OverdueShown).ToListAsync(cancellationToken);
        var total = await OverdueItems.CountAsync(query, rows.Count, cancellationToken);
        return new OverdueItems(rows.Select(q => new OverdueItem(q.Id, q.Reference,
            $"{Capitalised(InformationRequestRules.Name(q.Kind))} from {q.Agency}", q.DueOn)).ToList(), total);
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
