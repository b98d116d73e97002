using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Files;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Infrastructure.Persistence;

/// <summary>
/// Keeps stored deadlines (<see cref="ReviewDeadlineSet"/>) honest: a save that adds, changes or removes a
/// review or anything belonging to one (a row with a ReviewId: stage records, meetings, documents...) deletes
/// that review's stored deadlines, and the next list that needs them works them out again. Anything with a
/// ReviewId counts, not only what deadlines read today, so a deadline counted from a new kind of record
/// cannot go stale; the cost is one DELETE after such a save.
/// </summary>
internal static class DeadlineInputs
{
    /// <summary>Rows with a ReviewId that are not the review's state: writing them must not cost a DELETE.</summary>
    private static readonly HashSet<Type> NotInputs = [typeof(AuditEvent), typeof(ReviewDeadlineSet), typeof(StoredDeadline), typeof(OutboxMessage)];

    public readonly record struct Touched(HashSet<Guid> Reviews, HashSet<Guid> Files)
    {
        public bool IsEmpty => Reviews.Count == 0 && Files.Count == 0;
    }

    /// <summary>The reviews (and documents, whose circulations carry no ReviewId) the pending changes touch.</summary>
    public static Touched TouchedBy(DbContext db)
    {
        if (db.ChangeTracker.AutoDetectChangesEnabled) db.ChangeTracker.DetectChanges();
        var touched = new Touched([], []);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Review review:
                    touched.Reviews.Add(review.Id);
                    continue;
                case ReviewFileCirculation circulation:
                    touched.Files.Add(circulation.FileId);
                    continue;
            }
            if (NotInputs.Contains(entry.Metadata.ClrType) || entry.Metadata.FindProperty("ReviewId") is not { } property) continue;
            var member = entry.Property(property.Name);
            if (member.CurrentValue is Guid current) touched.Reviews.Add(current);
            if (entry.State == EntityState.Modified && member.OriginalValue is Guid original) touched.Reviews.Add(original);
        }
        return touched;
    }

    /// <summary>Deletes the stored deadlines of the touched reviews (their deadlines cascade with the set).</summary>
    public static async Task ForgetAsync(LearningReviewsDbContext db, Touched touched, CancellationToken cancellationToken)
    {
        var reviews = touched.Reviews.ToList();
        if (touched.Files.Count > 0)
        {
            var files = touched.Files.ToList();
            reviews.AddRange(await db.ReviewFiles.Where(f => files.Contains(f.Id)).Select(f => f.ReviewId).ToListAsync(cancellationToken));
        }
        await db.ReviewDeadlineSets.Where(s => reviews.Contains(s.ReviewId)).ExecuteDeleteAsync(cancellationToken);
    }
}
