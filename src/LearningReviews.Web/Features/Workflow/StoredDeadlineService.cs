using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>
/// Stores each open review's deadlines (<see cref="ReviewDeadlineSet"/>) so that My work asks the database for
/// what is overdue and for one page's next deadlines, instead of reading every open review's stage answers
/// and records at every view (docs/performance.md). The DbContext deletes a review's set whenever the review
/// or one of its records is saved; <see cref="WorkOutMissingAsync"/> works out the missing ones with
/// DeadlineService, the same code the review page uses, so both show the same dates.
/// </summary>
public sealed class StoredDeadlineService(
    LearningReviewsDbContext db,
    ReviewWorkflowService workflow,
    DeadlineService deadlines,
    WorkingDayCalendar calendar,
    PartnershipTime time,
    TimeProvider clock,
    ILogger<StoredDeadlineService> logger)
{
    /// <summary>How many reviews are read at a time, so a first start on a large database stays within memory.</summary>
    private const int Batch = 250;

    /// <summary>Works out and stores the deadlines of the open reviews among <paramref name="reviews"/> that have none stored.</summary>
    /// <returns>How many reviews' deadlines were worked out.</returns>
    public async Task<int> WorkOutMissingAsync(IQueryable<Review> reviews, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var done = 0;
        var tried = new HashSet<Guid>();
        while (true)
        {
            var missing = await reviews.AsNoTracking()
                .Where(r => (r.Status == ReviewStatus.Proposed || r.Status == ReviewStatus.InProgress)
                            && !db.ReviewDeadlineSets.Any(s => s.ReviewId == r.Id))
                .OrderBy(r => r.Id).Take(Batch)
                .Include(r => r.Stages).AsSplitQuery().ToListAsync(cancellationToken);
            // A review seen before in this call was stored by someone else meanwhile, or could not be: stop.
            missing.RemoveAll(r => !tried.Add(r.Id));
            if (missing.Count == 0) return done;
            // Meetings, documents and chronology agencies of the whole batch in three queries, not three per review.
            workflow.ReadRecordsOf(missing);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var review in missing)
            {
                var rows = deadlines.For(review, workflow.DefinitionOf(review), workflow.StateOf(review));
                db.ReviewDeadlineSets.Add(new ReviewDeadlineSet
                {
                    ReviewId = review.Id, WorkedOutAt = now,
                    Deadlines = rows.Select((row, position) => new StoredDeadline
                    {
                        Position = position, Title = row.Title, Due = row.Due, OverdueAfter = FirstWorkingDayFrom(row.Due),
                    }).ToList(),
                });
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                done += missing.Count;
            }
            catch (DbUpdateException)
            {
                // Another request stored some of these at the same moment (one set per review): theirs stand.
                logger.LogInformation("Stored deadlines for {Count} reviews were written by another request first", missing.Count);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The next deadline of each of the given reviews that has one (open reviews with stored deadlines).</summary>
    public async Task<Dictionary<Guid, DeadlineRow>> NextDeadlinesAsync(IReadOnlyCollection<Guid> reviewIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewIds);
        if (reviewIds.Count == 0) return [];
        var ids = reviewIds.ToList();
        var rows = await (
            from s in db.ReviewDeadlineSets.AsNoTracking()
            join d in db.StoredDeadlines on s.Id equals d.SetId
            where ids.Contains(s.ReviewId)
            select new { s.ReviewId, d.Title, d.Due, d.Position }).ToListAsync(cancellationToken);
        var today = time.Today;
        return rows.GroupBy(r => r.ReviewId).ToDictionary(g => g.Key, g =>
        {
            var next = g.OrderBy(r => r.Due).ThenBy(r => r.Position).First();
            return new DeadlineRow(next.Title, next.Due, calendar.WorkingDaysBetween(today, next.Due));
        });
    }

    /// <summary>
    /// WorkingDaysBetween(today, due) is below zero once a working day on or after the due date has passed,
    /// so the deadline is overdue when today is after the first working day on or after it.
    /// </summary>
    private DateOnly FirstWorkingDayFrom(DateOnly due)
    {
        var day = due;
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }
}
