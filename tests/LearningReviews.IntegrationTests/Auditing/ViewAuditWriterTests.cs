using System.Net;
using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Auditing;

/// <summary>
/// Page views are audited off the request (PendingViewAudits and ViewAuditWriter): every view still ends up
/// in the audit log, as the person who made it, in an unbroken hash chain, and none is lost when the host stops.
/// </summary>
public sealed class ViewAuditWriterTests
{
    private const string BusinessManager = "bm@demo.example";

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_burst_of_concurrent_views_is_all_in_the_audit_log_in_an_unbroken_chain(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync(BusinessManager);
        var review = await FirstReviewOnMyWorkAsync(bm);
        var reference = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.Reference).SingleAsync());

        var pages = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => bm.GetAsync($"/reviews/{review}")));
        Assert.All(pages, page => Assert.Equal(HttpStatusCode.OK, page.Status));

        // Straight after the burst, no waiting: the audit page itself waits for the queued views.
        using var admin = await app.SignedInAsAsync("admin@demo.example");
        var log = await admin.GetAsync($"/admin/audit?Person={Uri.EscapeDataString(BusinessManager)}&Action={AuditActions.Viewed}&Review={Uri.EscapeDataString(reference)}");
        Assert.Contains("50 rows", log.Text, StringComparison.Ordinal);
        Assert.Contains("Chain intact", log.Text, StringComparison.Ordinal);

        var (views, chain) = await app.WithDbAsync(async db => (
            await db.AuditEvents.Where(e => e.Action == AuditActions.Viewed && e.ReviewId == review).ToListAsync(),
            await AuditChain.VerifyAsync(db)));
        Assert.Equal(50, views.Count);
        var bmId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == BusinessManager).Select(u => u.Id).SingleAsync());
        Assert.All(views, view => Assert.Equal((bmId, BusinessManager, "Review", review.ToString(), app.Clock.GetUtcNow().UtcDateTime),
            (view.UserId, view.UserName, view.EntityType, view.EntityId, view.OccurredAt)));
        Assert.All(views, view => Assert.NotNull(view.Sequence));
        Assert.True(chain.Intact, chain.Problem);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Views_still_waiting_when_the_host_stops_are_written_before_it_goes(Provider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            var app = new AppFactory(database) { OwnsDatabase = false };
            Guid review;
            Task stopping;
            await using (var blocker = database.NewContext())
            {
                using var bm = await app.SignedInAsAsync(BusinessManager);
                review = await FirstReviewOnMyWorkAsync(bm);

                // Another connection holds the lock the audit chain's writers take, so the writer cannot save.
                await HoldAuditWriteLockAsync(blocker, provider);
                // The pages are served all the same: a view no longer waits for the audit log's lock.
                var pages = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => bm.GetAsync($"/reviews/{review}")));
                Assert.All(pages, page => Assert.Equal(HttpStatusCode.OK, page.Status));

                stopping = app.DisposeAsync().AsTask();
                await Task.Delay(TimeSpan.FromMilliseconds(500));
                Assert.False(stopping.IsCompleted, "the host stopped without writing the views still waiting");
                await ReleaseAuditWriteLockAsync(blocker, provider);
            }
            await stopping;

            await using var read = database.NewContext();
            Assert.Equal(20, await read.AuditEvents.CountAsync(e => e.Action == AuditActions.Viewed && e.ReviewId == review));
            var chain = await AuditChain.VerifyAsync(read);
            Assert.True(chain.Intact, chain.Problem);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>A review the person may see: the first one their My work page links to.</summary>
    private static async Task<Guid> FirstReviewOnMyWorkAsync(TestBrowser browser)
    {
        var myWork = await browser.GetAsync("/");
        return myWork.Html.QuerySelectorAll("a[href^='/reviews/']")
            .Select(a => a.GetAttribute("href")!["/reviews/".Length..])
            .Select(id => Guid.TryParse(id, out var guid) ? guid : Guid.Empty)
            .First(id => id != Guid.Empty);
    }

    private static async Task HoldAuditWriteLockAsync(LearningReviewsDbContext db, Provider provider)
    {
        await db.Database.OpenConnectionAsync();
        if (provider == Provider.Sqlite) await db.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE");
        else await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AuditChain.PostgresLockKey})");
    }

    private static async Task ReleaseAuditWriteLockAsync(LearningReviewsDbContext db, Provider provider)
    {
        if (provider == Provider.Sqlite) await db.Database.ExecuteSqlRawAsync("ROLLBACK");
        else await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AuditChain.PostgresLockKey})");
        await db.Database.CloseConnectionAsync();
    }
}
