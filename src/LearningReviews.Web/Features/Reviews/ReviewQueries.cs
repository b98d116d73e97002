using LearningReviews.Domain.Access;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>
/// Reads reviews on behalf of a user. Lists ask the database only for the reviews the user may see
/// (VisibleTo, the view rule as a query); one review is loaded and then asked about through
/// IAuthorizationService (FindAsync). A review the user may not see is reported as not found.
/// </summary>
public sealed class ReviewQueries(LearningReviewsDbContext db, WorkflowCatalogue catalogue, ReviewAccess access)
{
    /// <summary>How many rows a list shows at a time.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// The reviews a user takes part in or oversees: the same rule as ReviewAccessPolicy.MaySee, as a
    /// query. Oversight follows the newest definition of each methodology.
    /// </summary>
    public IQueryable<Review> VisibleTo(UserContext user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var overseen = catalogue.Latest.Where(d => d.Oversight.Any(user.IsInRole)).Select(d => d.Key).ToList();
        var localityManager = user.LocalityId is not null && ReviewAccessPolicy.LocalityManagerRoles.Any(user.IsInRole);
        var byLocality = localityManager ? catalogue.Latest.Where(d => d.LocalityOversight).Select(d => d.Key).ToList() : [];
        // The cheap tests come first: SQLite tries OR's terms in order and stops at the first that holds, so
        // for someone who oversees a methodology the participants lookup (one index search per review) is
        // never made. At 10,000 reviews this halves the time of My work's counts.
        return db.Reviews.Where(r =>
            overseen.Contains(r.MethodologyKey)
            || (byLocality.Contains(r.MethodologyKey) && r.LocalityId == user.LocalityId)
            || r.CreatedBy == user.UserId
            || r.Participants.Any(p => p.UserId == user.UserId));
    }

    /// <summary>
    /// Loads one review with what its page shows for the signed-in user, or null when it does not exist or
    /// IAuthorizationService refuses View; either way the attempt is written to the audit log.
    /// </summary>
    public async Task<Review?> FindAsync(Guid id, bool tracking = false, string? where = null, CancellationToken cancellationToken = default)
    {
        var review = await LoadAsync(id, tracking, cancellationToken);
        if (review is null)
        {
            await access.RecordRefusalAsync(id, ReviewOperations.View.Name, where is null ? "no such review" : where + " (no such review)");
            return null;
        }
        return await access.Demand(review, ReviewOperations.View, where) ? review : null;
    }

    /// <summary>
    /// For work done outside a request on someone's behalf (the demo data): the same view rule, with the
    /// user given rather than signed in.
    /// </summary>
    public async Task<Review?> FindForUserAsync(Guid id, UserContext user, bool tracking = false, CancellationToken cancellationToken = default)
    {
        var review = await LoadAsync(id, tracking, cancellationToken);
        return review is not null && ReviewAccessPolicy.MaySee(user, review, catalogue.Newest(review.MethodologyKey)) ? review : null;
    }

    private async Task<Review?> LoadAsync(Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var reviews = tracking ? db.Reviews : db.Reviews.AsNoTrackingWithIdentityResolution();
        return await reviews
            .Include(r => r.Locality)
            .Include(r => r.Cases).ThenInclude(rc => rc.Case).ThenInclude(c => c!.Locality)
            .Include(r => r.Participants).ThenInclude(p => p.Agency)
            .Include(r => r.LearningPoints).ThenInclude(p => p.Themes)
            .Include(r => r.Actions).ThenInclude(a => a.Themes)
            .Include(r => r.Themes)
            .Include(r => r.Stages)
            .Include(r => r.OutcomesForms).ThenInclude(f => f.Comments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }
}
