using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Infrastructure.Reviews;

/// <summary>
/// Hands out the next human reference (LR-2026-0001, LR-2026-0002, ...) for the current year.
/// Two proposals at the same moment can pick the same number; the unique index refuses the second
/// and the caller asks again (see ReviewProposalService).
/// </summary>
public sealed class ReviewReferenceGenerator(LearningReviewsDbContext db, TimeProvider clock)
{
    public async Task AssignAsync(Review review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        var year = clock.GetUtcNow().Year;
        var highest = await db.Reviews
            .Where(r => r.ReferenceYear == year)
            .MaxAsync(r => (int?)r.ReferenceNumber, cancellationToken) ?? 0;
        review.ReferenceYear = year;
        review.ReferenceNumber = highest + 1;
        review.Reference = Review.FormatReference(year, highest + 1);
    }
}
