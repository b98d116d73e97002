using LearningReviews.Domain.Access;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>
/// Reads reviews on behalf of a user, applying the access rule in the database query as well as in
/// memory (ReviewAccessPolicy). A review the user may not see is reported as not found.
/// </summary>
public sealed class ReviewQueries(LearningReviewsDbContext db, WorkflowCatalogue catalogue)
{
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
        return db.Reviews.Where(r =>
            r.CreatedBy == user.UserId
            || r.Participants.Any(p => p.UserId == user.UserId)
            || overseen.Contains(r.MethodologyKey)
            || (byLocality.Contains(r.MethodologyKey) && r.LocalityId == user.LocalityId));
    }

    /// <summary>Loads one review with what its page shows, or null when it does not exist or the user may not see it.</summary>
    public async Task<Review?> FindForUserAsync(Guid id, UserContext user, bool tracking = false, CancellationToken cancellationToken = default)
    {
        var reviews = tracking ? db.Reviews : db.Reviews.AsNoTrackingWithIdentityResolution();
        var review = await reviews
            .Include(r => r.Locality)
            .Include(r => r.Cases).ThenInclude(rc => rc.Case).ThenInclude(c => c!.Locality)
            .Include(r => r.Participants).ThenInclude(p => p.Agency)
            .Include(r => r.LearningPoints)
            .Include(r => r.Actions)
            .Include(r => r.Stages)
            .Include(r => r.OutcomesForms).ThenInclude(f => f.Comments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return review is not null && ReviewAccessPolicy.MaySee(user, review, catalogue.Newest(review.MethodologyKey)) ? review : null;
    }
}
