using System.Data.Common;
using System.Net;
using System.Text;
using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Auditing;

/// <summary>
/// The Audit log page: who may read it, its filters and pages, the CSV export, and the two protections
/// of its rows (the database refuses changes; the hash chain shows a change made behind its back).
/// </summary>
public sealed class AuditLogPageTests
{
    private static readonly DateTime March10 = new(2020, 3, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime March20 = new(2020, 3, 20, 12, 0, 0, DateTimeKind.Utc);

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Filters_by_person_review_action_and_date_and_shows_a_page_at_a_time(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var admin = await app.SignedInAsAsync("admin@demo.example");
        var (reviewId, reference) = await app.WithDbAsync(db => db.Reviews.OrderBy(r => r.Reference)
            .Select(r => new ValueTuple<Guid, string>(r.Id, r.Reference)).FirstAsync());
        await AddRowsAsync(app, 60, "reader@example.org", AuditActions.Viewed, March10, reviewId);
        await AddRowsAsync(app, 3, "reader@example.org", AuditActions.Exported, March20, null);

        var first = await admin.GetAsync("/admin/audit?Person=READER%40example");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("63 rows", first.Text, StringComparison.Ordinal);
        Assert.Equal(50, first.Html.QuerySelectorAll(".app-audit-log tbody tr").Length);
        Assert.Contains("Chain intact", first.Text, StringComparison.Ordinal);
        var second = await admin.GetAsync("/admin/audit?Person=reader%40example&page=2");
        Assert.Equal(13, second.Html.QuerySelectorAll(".app-audit-log tbody tr").Length);

        var exported = await admin.GetAsync("/admin/audit?Person=reader&Action=Exported");
        Assert.Contains("3 rows", exported.Text, StringComparison.Ordinal);

        var byReview = await admin.GetAsync($"/admin/audit?Person=reader&Review={Uri.EscapeDataString(reference)}");
        Assert.Contains("60 rows", byReview.Text, StringComparison.Ordinal);
        Assert.All(byReview.Html.QuerySelectorAll(".app-audit-log tbody tr"), row => Assert.Contains(reference, row.TextContent, StringComparison.Ordinal));

        var byDate = await admin.GetAsync("/admin/audit?Person=reader&From.day=15&From.month=3&From.year=2020&To.day=31&To.month=3&To.year=2020");
        Assert.Contains("3 rows", byDate.Text, StringComparison.Ordinal);
        Assert.Equal("15", byDate.InputValue("From"));

        var badDate = await admin.GetAsync("/admin/audit?From.day=31&From.month=2&From.year=2020");
        Assert.Equal(HttpStatusCode.OK, badDate.Status);
        Assert.Contains("Enter the From date as a real date", badDate.ErrorSummary, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_refusal_is_found_by_the_review_filter_and_a_made_up_review_id_is_recorded_without_one(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        var (review, reference) = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child B"))
            .Select(r => new ValueTuple<Guid, string>(r.Id, r.Reference)).SingleAsync());
        // The demo practitioner takes no part in Child B's review; a made-up id matches no review.
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/reviews/{review}")).Status);
        var madeUp = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/reviews/{madeUp}")).Status);

        using var admin = await app.SignedInAsAsync("admin@demo.example");
        var page = await admin.GetAsync($"/admin/audit?Review={Uri.EscapeDataString(reference)}&Action={AuditActions.AccessDenied}");
        var row = Assert.Single(page.Html.QuerySelectorAll(".app-audit-log tbody tr"));
        Assert.Contains("practitioner@demo.example", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(reference, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("View refused", row.TextContent, StringComparison.Ordinal);
        // The made-up id is kept as the record asked for, and claims no review.
        var unknown = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.AccessDenied && e.EntityId == madeUp.ToString()));
        Assert.Null(unknown.ReviewId);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_csv_export_holds_the_filtered_rows_and_is_itself_audited(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var qa = await app.SignedInAsAsync("qa@demo.example");
        await AddRowsAsync(app, 4, "reader@example.org", AuditActions.Viewed, March10, null, detail: "=HYPERLINK(\"x\")");
        await AddRowsAsync(app, 2, "someone-else@example.org", AuditActions.Viewed, March10, null);

        var response = await qa.Client.GetAsync("/admin/audit/export?Person=reader");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Sequence,Time (UTC),Person", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains("\"reader@example.org\"", line, StringComparison.Ordinal));
        // A formula typed into the application stays text in a spreadsheet.
        Assert.All(lines.Skip(1), line => Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", line, StringComparison.Ordinal));
        var audited = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.EntityType == "AuditLog" && e.Action == AuditActions.Exported));
        Assert.Equal("qa@demo.example", audited.UserName);
        Assert.Equal("CSV: person reader", audited.Detail);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_QA_Team_Manager_may_read_the_audit_log_and_a_Team_Manager_may_not(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var qa = await app.SignedInAsAsync("qa@demo.example");
        using var teamManager = await app.SignedInAsAsync("tm@demo.example");

        var allowed = await qa.GetAsync("/admin/audit");
        var refused = await teamManager.GetAsync("/admin/audit");
        var refusedExport = await teamManager.GetAsync("/admin/audit/export");

        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal("Audit log", allowed.H1);
        Assert.NotNull(allowed.Html.QuerySelector("a[href='/admin/audit']"));
        Assert.True(refused.IsRedirect && refused.Location!.Contains("access-denied", StringComparison.Ordinal), refused.Status.ToString());
        Assert.True(refusedExport.IsRedirect && refusedExport.Location!.Contains("access-denied", StringComparison.Ordinal));
        var home = await teamManager.GetAsync("/");
        Assert.Null(home.Html.QuerySelector("a[href='/admin/audit']"));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_database_refuses_to_change_or_delete_an_audit_row(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await AddRowsAsync(app, 2, "reader@example.org", AuditActions.Viewed, March10, null);

        await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Detail\" = 'rewritten'")));
        await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\"")));

        var rows = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.UserName == "reader@example.org").ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Null(row.Detail));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_row_altered_behind_the_applications_back_shows_as_a_broken_chain(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var admin = await app.SignedInAsAsync("admin@demo.example");
        await AddRowsAsync(app, 5, "reader@example.org", AuditActions.Viewed, March10, null);
        var target = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.UserName == "reader@example.org")
            .OrderBy(e => e.Sequence).Skip(2).Select(e => e.Sequence!.Value).FirstAsync());
        Assert.Contains("Chain intact", (await admin.GetAsync("/admin/audit")).Text, StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(provider == Provider.Sqlite
                ? "DROP TRIGGER \"AuditEvents_refuse_update\""
                : "DROP TRIGGER audit_events_refuse_update_delete ON \"AuditEvents\"");
            return await db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEvents\" SET \"UserName\" = 'somebody-else@example.org' WHERE \"Sequence\" = {target}");
        });

        // A visit within the day checks the rows written since the whole chain was read; asking for a full
        // check, or the first visit a day later, reads it all and finds the change.
        var page = await admin.GetAsync("/admin/audit?check=full");
        var warning = page.Html.GetElementById("audit-chain")!.TextContent;
        Assert.Contains($"Chain broken at row {target}", warning, StringComparison.Ordinal);
        Assert.Contains("content was changed", warning, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(25));
        using var nextDay = await app.SignedInAsAsync("admin@demo.example"); // yesterday's session has ended
        Assert.Contains($"Chain broken at row {target}", (await nextDay.GetAsync("/admin/audit")).Html.GetElementById("audit-chain")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_visit_checks_the_rows_written_since_the_last_full_check(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var admin = await app.SignedInAsAsync("admin@demo.example");
        var first = await admin.GetAsync("/admin/audit");
        Assert.Contains("whole chain was read on this visit", first.Html.GetElementById("audit-chain")!.TextContent, StringComparison.Ordinal);

        await AddRowsAsync(app, 2, "later@example.org", AuditActions.Viewed, March10, null);
        var second = (await admin.GetAsync("/admin/audit")).Html.GetElementById("audit-chain")!.TextContent;
        Assert.Contains("Chain intact", second, StringComparison.Ordinal);
        Assert.Contains("rows written since then were checked", second, StringComparison.Ordinal);

        // A change to a row written since the last visit is found by the next ordinary visit.
        await AddRowsAsync(app, 4, "latest@example.org", AuditActions.Viewed, March10, null);
        var target = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.UserName == "latest@example.org")
            .OrderBy(e => e.Sequence).Skip(1).Select(e => e.Sequence!.Value).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(provider == Provider.Sqlite
                ? "DROP TRIGGER \"AuditEvents_refuse_update\""
                : "DROP TRIGGER audit_events_refuse_update_delete ON \"AuditEvents\"");
            return await db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEvents\" SET \"Detail\" = 'rewritten' WHERE \"Sequence\" = {target}");
        });
        var third = (await admin.GetAsync("/admin/audit")).Html.GetElementById("audit-chain")!.TextContent;
        Assert.Contains($"Chain broken at row {target}", third, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Each_row_follows_the_one_before_even_when_written_at_the_same_time(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        // Ten writers, each with its own context and connection, as ten requests would be.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => AddRowsAsync(app, 3, $"writer{i}@example.org", AuditActions.Viewed, March10, null)));

        var report = await app.WithDbAsync(db => global::LearningReviews.Infrastructure.Auditing.AuditChain.VerifyAsync(db));
        var total = await app.WithDbAsync(db => db.AuditEvents.CountAsync());
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(total, report.Verified);
    }

    private static Task<int> AddRowsAsync(AppFactory app, int count, string userName, string action, DateTime at, Guid? reviewId, string? detail = null) =>
        app.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    OccurredAt = at.AddMinutes(i), UserName = userName, Action = action, EntityType = "Review",
                    EntityId = reviewId?.ToString(), ReviewId = reviewId, IpAddress = "192.0.2.1", Detail = detail,
                });
            }
            return await db.SaveChangesAsync();
        });
}
