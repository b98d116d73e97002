using LearningReviews.Domain.Access;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>
/// Reads reviews on behalf of a user, applying the access rule in the database query as well as in
/// memory (ReviewAccessPolicy). A review the user may not see is reported as not found.
/// </summary>
public sealed class ReviewQueries(LearningReviewsDbContext db)
{
    /// <summary>The reviews a user takes part in or oversees: the same rule as ReviewAccessPolicy.MaySee.</summary>
    public IQueryable<Review> VisibleTo(UserContext user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var oversightInLocality = user.LocalityId is not null &&
                                  (user.IsInRole(Roles.HeadOfLocality) || user.IsInRole(Roles.ServiceManager) || user.IsInRole(Roles.TeamManager));
        var qa = user.IsInRole(Roles.QaTeamManager);
        return db.Reviews.Where(r =>
            r.CreatedBy == user.UserId
            || r.Participants.Any(p => p.UserId == user.UserId)
            || qa
            || (oversightInLocality && r.LocalityId == user.LocalityId));
    }

    /// <summary>Loads one review with what its page shows, or null when it does not exist or the user may not see it.</summary>
    public async Task<Review?> FindForUserAsync(Guid id, UserContext user, CancellationToken cancellationToken = default)
    {
        var review = await db.Reviews
            .Include(r => r.Locality)
            .Include(r => r.Cases).ThenInclude(rc => rc.Case).ThenInclude(c => c!.Locality)
            .Include(r => r.Participants).ThenInclude(p => p.Agency)
            .Include(r => r.LearningPoints)
            .Include(r => r.Actions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return review is not null && ReviewAccessPolicy.MaySee(user, review) ? review : null;
    }
}
