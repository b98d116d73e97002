using LearningReviews.Domain.Publication;
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
/// counted in the database (GROUP BY). It counts every review's records: whoever calls it decides who may see the
/// totals, which name no review, child or person.
/// </summary>
public sealed class DisseminationReport(LearningReviewsDbContext db)
{
    public async Task<IReadOnlyList<DisseminationByWay>> ByWayAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var rows = await db.DisseminationRecords.AsNoTracking()
            .Where(d => d.HeldOn >= from && d.HeldOn <= to)
            .GroupBy(d => d.Way)
            .Select(g => new { Way = g.Key, Times = g.Count(), Reviews = g.Select(d => d.ReviewId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DisseminationByWay(r.Way, r.Times, r.Reviews)).OrderByDescending(r => r.Times).ThenBy(r => r.Way).ToList();
    }

    public async Task<IReadOnlyList<AgencyReached>> AgenciesReachedAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var rows = await db.DisseminationAgencies.AsNoTracking()
            .Where(a => db.DisseminationRecords.Any(d => d.Id == a.DisseminationRecordId && d.HeldOn >= from && d.HeldOn <= to))
            .GroupBy(a => new { a.AgencyId, a.Agency!.Name })
            .Select(g => new { g.Key.AgencyId, g.Key.Name, Times = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AgencyReached(r.AgencyId, r.Name, r.Times)).OrderByDescending(r => r.Times).ThenBy(r => r.Agency, StringComparer.Ordinal).ToList();
    }
}
