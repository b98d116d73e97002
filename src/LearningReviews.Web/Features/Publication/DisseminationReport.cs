using LearningReviews.Domain.Publication;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Publication;

/// <summary>How many times learning was spread one way in a period, and from how many reviews.</summary>
public sealed record DisseminationByWay(DisseminationWay Way, int Times, int Reviews)
{
    public string Name => DisseminationWays.ShortName(Way);
}

/// <summary>How many disseminations reached an agency in a period.</summary>
public sealed record AgencyReached(Guid AgencyId, string Agency, int Times);

/// <summary>
/// Dissemination counted for a period, for the annual report (phase 2): by way and by agency reached, each
/// counted in the database (GROUP BY). Without <c>reviews</c> it counts every review's records: whoever calls it decides
/// who may see the totals, which name no review, child or person. The annual report passes the reviews its reader may
/// see, so its dissemination figures cover the same reviews as the rest of the report.
/// </summary>
public sealed class DisseminationReport(LearningReviewsDbContext db)
{
    public async Task<IReadOnlyList<DisseminationByWay>> ByWayAsync(DateOnly from, DateOnly to, IQueryable<Review>? reviews = null,
        CancellationToken cancellationToken = default)
    {
        var rows = await Held(from, to, reviews)
            .GroupBy(d => d.Way)
            .Select(g => new { Way = g.Key, Times = g.Count(), Reviews = g.Select(d => d.ReviewId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DisseminationByWay(r.Way, r.Times, r.Reviews)).OrderByDescending(r => r.Times).ThenBy(r => r.Way).ToList();
    }

    public async Task<IReadOnlyList<AgencyReached>> AgenciesReachedAsync(DateOnly from, DateOnly to, IQueryable<Review>? reviews = null,
        CancellationToken cancellationToken = default)
    {
        var held = Held(from, to, reviews);
        var rows = await db.DisseminationAgencies.AsNoTracking()
            .Where(a => held.Any(d => d.Id == a.DisseminationRecordId))
            .GroupBy(a => new { a.AgencyId, a.Agency!.Name })
            .Select(g => new { g.Key.AgencyId, g.Key.Name, Times = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AgencyReached(r.AgencyId, r.Name, r.Times)).OrderByDescending(r => r.Times).ThenBy(r => r.Agency, StringComparer.Ordinal).ToList();
    }

    /// <summary>The disseminations held from <paramref name="from"/> to <paramref name="to"/> (both included), of the given reviews or of all.</summary>
    private IQueryable<DisseminationRecord> Held(DateOnly from, DateOnly to, IQueryable<Review>? reviews)
    {
        var held = db.DisseminationRecords.AsNoTracking().Where(d => d.HeldOn >= from && d.HeldOn <= to);
        return reviews is null ? held : held.Where(d => reviews.Any(r => r.Id == d.ReviewId));
    }
}
