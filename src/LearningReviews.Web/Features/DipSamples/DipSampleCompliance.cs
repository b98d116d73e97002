using LearningReviews.Domain.DipSamples;
using LearningReviews.Domain.Identity;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.DipSamples;

/// <summary>
/// Counts each Team Manager's audits per month in the database: one page of active Team Manager accounts (by
/// name), then one GROUP BY over their audits in the months asked for. A Team Manager with no audits in a month
/// counts 0 there, which is below the minimum too.
/// </summary>
public sealed class DipSampleCompliance(LearningReviewsDbContext db)
{
    public const int PageSize = 25;

    public async Task<(IReadOnlyList<ComplianceRow> Rows, int Total)> CountAsync(IReadOnlyList<int> months, Guid? localityId, int page)
    {
        ArgumentNullException.ThrowIfNull(months);
        var teamManagerRole = db.Roles.Where(r => r.Name == Roles.TeamManager).Select(r => r.Id);
        var teamManagers = db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && teamManagerRole.Contains(ur.RoleId)));
        if (localityId is { } locality) teamManagers = teamManagers.Where(u => u.LocalityId == locality);
        var total = await teamManagers.CountAsync();
        var shown = await teamManagers.OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.LocalityId }).ToListAsync();

        var ids = shown.Select(u => u.Id).ToList();
        var first = months[0];
        var last = months[^1];
        var counts = await db.DipSampleAudits.AsNoTracking()
            .Where(a => ids.Contains(a.AuditorUserId) && a.Month >= first && a.Month <= last)
            .GroupBy(a => new { a.AuditorUserId, a.Month })
            .Select(g => new { g.Key.AuditorUserId, g.Key.Month, Count = g.Count() })
            .ToListAsync();
        var byKey = counts.ToDictionary(c => (c.AuditorUserId, c.Month), c => c.Count);
        var localityIds = shown.Where(u => u.LocalityId is not null).Select(u => u.LocalityId!.Value).Distinct().ToList();
        var localities = await db.Localities.AsNoTracking().Where(l => localityIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name);

        var rows = shown.Select(u => new ComplianceRow(u.Id, u.DisplayName,
            u.LocalityId is { } l ? localities.GetValueOrDefault(l) : null,
            months.Select(m => new MonthCount(m, byKey.GetValueOrDefault((u.Id, m)))).ToList())).ToList();
        return (rows, total);
    }
}
