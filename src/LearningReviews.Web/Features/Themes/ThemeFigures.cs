using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Themes;

/// <summary>One theme's counts over a period.</summary>
public sealed record ThemeCount(Guid ThemeId, string Name, bool IsRetired, int Reviews, int LearningPoints, int Actions, int OpenActions, int OverdueActions);

/// <summary>A count of one theme under one heading (a methodology, a locality, an agency) or in one quarter.</summary>
public sealed record ThemeBreakdown(Guid ThemeId, string Heading, int Count);

/// <summary>Everything the themes dashboard (and the annual report) shows for one period.</summary>
public sealed record ThemeFiguresResult(
    ThemePeriod Period,
    DateOnly AsOf,
    IReadOnlyList<ThemeCount> Themes,
    IReadOnlyList<ThemeBreakdown> ReviewsByMethodology,
    IReadOnlyList<ThemeBreakdown> ReviewsByLocality,
    IReadOnlyList<ThemeBreakdown> ReviewsByAgency,
    IReadOnlyList<ThemeBreakdown> ActionsByAgency,
    IReadOnlyList<ThemeBreakdown> ReviewsByQuarter,
    int ReviewsInPeriod,
    int TaggedReviewsInPeriod)
{
    /// <summary>How many reviews were tagged with any of the themes in each quarter (a review with two themes counts once).</summary>
    public IReadOnlyDictionary<Quarter, int> TaggedReviewsPerQuarter { get; init; } = new Dictionary<Quarter, int>();
}

/// <summary>
/// The counting behind the themes dashboard, kept in one service so the annual report reads the same figures
/// for the same period. Everything is counted by the database (GROUP BY) over the reviews the caller passes
/// (the user's visible reviews, as ReviewQueries.VisibleTo filters them in SQL); no review is loaded.
/// <list type="bullet">
/// <item>A review counts in the quarter it was started (proposed); a learning point or action in the quarter it was recorded.</item>
/// <item>A learning point or action counts under its own themes or, when it has none, under its review's themes.</item>
/// <item>Agency: for reviews, every agency with a participant in the review (a review counts once per agency); for
/// actions, the action's agency or else the agency of the account that owns it.</item>
/// <item>Open and overdue actions (<see cref="ActionProgress"/>) are counted as of <c>asOf</c> over all the actions of
/// the reviews, whenever they were agreed: an action still open matters whatever quarter it came from.</item>
/// </list>
/// </summary>
public sealed class ThemeFigures(LearningReviewsDbContext db, PartnershipTime time)
{
    public async Task<ThemeFiguresResult> CountAsync(IQueryable<Review> visible, ThemePeriod period, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(period);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.IsRetired }).ToListAsync(cancellationToken);
        var (start, end) = (Utc(period.Start), Utc(period.End));
        var reviews = visible.Where(r => r.CreatedAt >= start && r.CreatedAt < end);

        var reviewsPerTheme = new Dictionary<Guid, int>();
        var pointsPerTheme = new Dictionary<Guid, int>();
        var actionsPerTheme = new Dictionary<Guid, int>();
        var byQuarter = new List<ThemeBreakdown>();
        var taggedPerQuarter = new Dictionary<Quarter, int>();
        foreach (var quarter in period.Quarters)
        {
            // One quarter at a time, each a GROUP BY theme: the quarter's bounds are the partnership's days, so the
            // database never has to work out a quarter from a date.
            var (from, to) = (Utc(quarter.Start), Utc(quarter.End));
            var inQuarter = visible.Where(r => r.CreatedAt >= from && r.CreatedAt < to);
            foreach (var row in await CountReviewsAsync(inQuarter, cancellationToken))
            {
                Add(reviewsPerTheme, row.Key, row.Value);
                byQuarter.Add(new ThemeBreakdown(row.Key, quarter.Key, row.Value));
            }
            taggedPerQuarter[quarter] = await inQuarter.CountAsync(r => r.Themes.Any(), cancellationToken);
        }
        foreach (var row in await CountPointsAsync(visible, start, end, cancellationToken)) Add(pointsPerTheme, row.Key, row.Value);
        var agreed = db.Actions.Where(a => a.CreatedAt >= start && a.CreatedAt < end);
        foreach (var row in await CountActionsAsync(visible, agreed, cancellationToken)) Add(actionsPerTheme, row.Key, row.Value);
        var open = await CountActionsAsync(visible, db.Actions.Where(ActionProgress.Open), cancellationToken);
        var overdue = await CountActionsAsync(visible, db.Actions.Where(ActionProgress.OverdueOn(asOf)), cancellationToken);

        var byMethodology = await reviews.SelectMany(r => r.Themes, (r, t) => new { ThemeId = t.Id, r.MethodologyKey })
            .GroupBy(x => new { x.ThemeId, x.MethodologyKey })
            .Select(g => new { g.Key.ThemeId, g.Key.MethodologyKey, Count = g.Count() }).ToListAsync(cancellationToken);
        var byLocality = await reviews.SelectMany(r => r.Themes, (r, t) => new { ThemeId = t.Id, Locality = r.Locality != null ? r.Locality.Name : null })
            .GroupBy(x => new { x.ThemeId, x.Locality })
            .Select(g => new { g.Key.ThemeId, g.Key.Locality, Count = g.Count() }).ToListAsync(cancellationToken);
        var byAgency = await (from r in reviews
                              from t in r.Themes
                              from p in r.Participants
                              where p.AgencyId != null
                              group r.Id by new { ThemeId = t.Id, Agency = p.Agency!.Name } into g
                              select new { g.Key.ThemeId, g.Key.Agency, Count = g.Distinct().Count() }).ToListAsync(cancellationToken);
        var actionsByAgency = await CountActionsByAgencyAsync(visible, agreed, cancellationToken);

        var counts = themes.Select(t => new ThemeCount(t.Id, t.Name, t.IsRetired, reviewsPerTheme.GetValueOrDefault(t.Id), pointsPerTheme.GetValueOrDefault(t.Id),
            actionsPerTheme.GetValueOrDefault(t.Id), open.GetValueOrDefault(t.Id), overdue.GetValueOrDefault(t.Id))).ToList();
        return new ThemeFiguresResult(period, asOf, counts,
            byMethodology.Select(x => new ThemeBreakdown(x.ThemeId, x.MethodologyKey, x.Count)).ToList(),
            byLocality.Select(x => new ThemeBreakdown(x.ThemeId, x.Locality ?? NoLocality, x.Count)).ToList(),
            byAgency.Select(x => new ThemeBreakdown(x.ThemeId, x.Agency, x.Count)).ToList(),
            actionsByAgency,
            byQuarter,
            await reviews.CountAsync(cancellationToken),
            await reviews.CountAsync(r => r.Themes.Any(), cancellationToken))
        {
            TaggedReviewsPerQuarter = taggedPerQuarter,
        };
    }

    /// <summary>How reviews without a locality are headed.</summary>
    public const string NoLocality = "No locality";

    /// <summary>How actions with no agency (none set, and no owner's account with one) are headed.</summary>
    public const string NoAgency = "No agency recorded";

    private static async Task<Dictionary<Guid, int>> CountReviewsAsync(IQueryable<Review> reviews, CancellationToken cancellationToken) =>
        await reviews.SelectMany(r => r.Themes, (r, t) => t.Id).GroupBy(id => id)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    private async Task<Dictionary<Guid, int>> CountPointsAsync(IQueryable<Review> visible, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var points = db.LearningPoints.Where(p => p.CreatedAt >= start && p.CreatedAt < end && visible.Any(r => r.Id == p.ReviewId));
        // Its own themes, or its review's when it has none: two grouped queries, added together.
        var own = await points.SelectMany(p => p.Themes, (p, t) => t.Id).GroupBy(id => id)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var inherited = await points.Where(p => !p.Themes.Any()).SelectMany(p => p.Review!.Themes, (p, t) => t.Id).GroupBy(id => id)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return Sum(own, inherited);
    }

    // Actions count under their own themes or, when they have none, under their review's. Those without themes are
    // most of them: they are first counted per review (and agency) in the database, so the view rule and the review's
    // themes are looked up once per review rather than once per action (at 100,000 actions, 0.5 s a query on SQLite
    // before). The view rule is a join on the review for the same reason.

    private static async Task<Dictionary<Guid, int>> CountActionsAsync(IQueryable<Review> visible, IQueryable<ReviewAction> actions, CancellationToken cancellationToken)
    {
        var own = await (from a in actions
                         join r in visible on a.ReviewId equals r.Id
                         from t in a.Themes
                         group a by t.Id into g
                         select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var perReview = actions.Where(a => !a.Themes.Any()).GroupBy(a => a.ReviewId).Select(g => new { ReviewId = g.Key, Count = g.Count() });
        var inherited = await (from x in perReview
                               join r in visible on x.ReviewId equals r.Id
                               from t in r.Themes
                               group x.Count by t.Id into g
                               select new { g.Key, Count = g.Sum() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return Sum(own, inherited);
    }

    private async Task<List<ThemeBreakdown>> CountActionsByAgencyAsync(IQueryable<Review> visible, IQueryable<ReviewAction> actions, CancellationToken cancellationToken)
    {
        // The action's agency, or else its owner's account's agency.
        var withAgency = from a in actions
                         join u in db.Users on a.OwnerUserId equals u.Id into owners
                         from u in owners.DefaultIfEmpty()
                         select new { Action = a, AgencyId = a.AgencyId ?? (u == null ? null : u.AgencyId) };
        var own = await (from x in withAgency
                         join r in visible on x.Action.ReviewId equals r.Id
                         from t in x.Action.Themes
                         group x by new { ThemeId = t.Id, x.AgencyId } into g
                         select new { g.Key.ThemeId, g.Key.AgencyId, Count = g.Count() }).ToListAsync(cancellationToken);
        var perReview = withAgency.Where(x => !x.Action.Themes.Any())
            .GroupBy(x => new { x.Action.ReviewId, x.AgencyId })
            .Select(g => new { g.Key.ReviewId, g.Key.AgencyId, Count = g.Count() });
        var inherited = await (from x in perReview
                               join r in visible on x.ReviewId equals r.Id
                               from t in r.Themes
                               group x.Count by new { ThemeId = t.Id, x.AgencyId } into g
                               select new { g.Key.ThemeId, g.Key.AgencyId, Count = g.Sum() }).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return own.Concat(inherited)
            .GroupBy(x => new { x.ThemeId, Name = x.AgencyId is { } id && agencies.TryGetValue(id, out var name) ? name : NoAgency })
            .Select(g => new ThemeBreakdown(g.Key.ThemeId, g.Key.Name, g.Sum(x => x.Count))).ToList();
    }

    private static Dictionary<Guid, int> Sum(Dictionary<Guid, int> first, Dictionary<Guid, int> second)
    {
        foreach (var (id, count) in second) Add(first, id, count);
        return first;
    }

    private static void Add(Dictionary<Guid, int> counts, Guid id, int count) => counts[id] = counts.GetValueOrDefault(id) + count;

    /// <summary>The UTC instant a partnership day starts.</summary>
    private DateTime Utc(DateOnly date) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), time.Zone), DateTimeKind.Utc);
}
