using System.Net;
using System.Text.Json.Nodes;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Outcomes;

/// <summary>
/// The export list as the database pages and filters it: more rows than a page, filters that survive the
/// paging links, and the filters matching the same rows as when the list was filtered in memory.
/// Reviews are written straight to the database: the list is what is tested, not how reviews are made.
/// </summary>
public sealed class ExportListPagingTests
{
    private const string Lscb = "lscb-learning-review";

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task More_than_fifty_rows_come_a_page_at_a_time_and_the_filters_survive_the_page_links(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        // Signed in first: the demo data is made when the application first serves a request.
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var closed = new DateTime(2025, 3, 12, 10, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(db =>
        {
            for (var n = 1; n <= 65; n++) AddRecordReview(db, n, ReviewStatus.Closed, closed, themesAnswer: "Professional curiosity");
            // Closed the same day but on another theme, and on the theme but a month later: filtered out.
            for (var n = 66; n <= 70; n++) AddRecordReview(db, n, ReviewStatus.Closed, closed, themesAnswer: "Housing");
            AddRecordReview(db, 71, ReviewStatus.Closed, closed.AddMonths(1), themesAnswer: "Professional curiosity");
            return db.SaveChangesAsync();
        });

        var first = await bm.GetAsync($"/exports?Methodology={Lscb}&Theme=CURIOSITY&From.day=1&From.month=3&From.year=2025&To.day=31&To.month=3&To.year=2025");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(50, Rows(first).Count);
        Assert.Equal("Showing 1 to 50 of 65", first.Html.QuerySelector(".app-exports-shown")!.TextContent.Trim());
        Assert.Null(first.Html.QuerySelector(".govuk-pagination__prev"));

        var next = first.Html.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        foreach (var kept in new[] { $"Methodology={Lscb}", "Theme=CURIOSITY", "Status=final", "From.day=1", "To.day=31", "page=2" })
        {
            Assert.Contains(kept, next, StringComparison.Ordinal);
        }
        var second = await bm.GetAsync(next);
        Assert.Equal(15, Rows(second).Count);
        Assert.Equal("Showing 51 to 65 of 65", second.Html.QuerySelector(".app-exports-shown")!.TextContent.Trim());
        Assert.Null(second.Html.QuerySelector(".govuk-pagination__next"));
        Assert.Equal("CURIOSITY", second.Html.QuerySelector("input#Theme")!.GetAttribute("value"));
        Assert.Equal("31", second.Html.QuerySelector("input#To")!.GetAttribute("value"));

        // The two pages together are the 65 matching reviews, each once, by reference within the day.
        var references = Rows(first).Concat(Rows(second)).Select(r => r.QuerySelector("a")!.TextContent.Trim()).ToList();
        Assert.Equal(65, references.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 65).Select(Reference), references);

        // A page past the end shows the last page rather than nothing.
        Assert.Equal(15, Rows(await bm.GetAsync(next.Replace("page=2", "page=9", StringComparison.Ordinal))).Count);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_filters_match_the_rows_they_matched_when_the_list_was_filtered_in_memory(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        // Signed in first: the demo data is made when the application first serves a request.
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var day = new DateTime(2025, 7, 10, 12, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            // "Neglect" is on the starting theme list (Features/Themes).
            var neglect = await db.Themes.SingleAsync(t => t.Name == "Neglect");
            AddRecordReview(db, 1, ReviewStatus.Closed, day).Themes.Add(neglect);
            AddRecordReview(db, 2, ReviewStatus.Closed, day, themesAnswer: "Parental mental health");
            // Written as the application writes answers: é is escaped in the stored JSON.
            AddRecordReview(db, 3, ReviewStatus.Closed, day, themesAnswer: "Café culture");
            // Only the latest cycle of a stage counts, and only an answer called "themes".
            var cycles = AddRecordReview(db, 4, ReviewStatus.Closed, day, themesAnswer: "Zebra crossings");
            cycles.Stages.Add(Stage("preparation", 2, new JsonObject { ["themes"] = "Something newer" }));
            AddRecordReview(db, 5, ReviewStatus.Closed, day).Stages.Add(Stage("action", 1, new JsonObject { ["summary"] = "Bruising in infants" }));
            // Closed at 23:30 UTC on 14 July: 00:30 on 15 July in London, the partnership's day.
            AddRecordReview(db, 6, ReviewStatus.Closed, new DateTime(2025, 7, 14, 23, 30, 0, DateTimeKind.Utc));
            AddRecordReview(db, 7, ReviewStatus.InProgress, day);

            // A methodology with an Outcomes Form: a row per version, final or not.
            var desktop = NewReview(8, "desktop-review", "commissioning", "goodPractice", ReviewStatus.InProgress);
            desktop.OutcomesForms.Add(new OutcomesForm { Version = 1, Status = OutcomesFormStatus.Final, FinalisedAt = day });
            desktop.OutcomesForms.Add(new OutcomesForm { Version = 2, Status = OutcomesFormStatus.CirculatedForComment });
            desktop.Stages.Add(Stage("actionPlan", 1, new JsonObject { ["themes"] = "Neglect and housing" }));
            db.Reviews.Add(desktop);
            return await db.SaveChangesAsync();
        });
        async Task<List<string>> Listed(string query) =>
            Rows(await bm.GetAsync("/exports?" + query)).Select(r => r.TextContent).Where(t => t.Contains("LR-2019-", StringComparison.Ordinal))
                .Select(t => Reference(int.Parse(t[(t.IndexOf("LR-2019-", StringComparison.Ordinal) + 8)..][..4], System.Globalization.CultureInfo.InvariantCulture))
                    + (t.Contains("version 2", StringComparison.Ordinal) ? " v2" : ""))
                .Order(StringComparer.Ordinal).ToList();

        Assert.Equal([Reference(1), Reference(8), Reference(8) + " v2"], await Listed("Status=all&Theme=NEGLECT"));
        Assert.Equal([Reference(8), Reference(8) + " v2"], await Listed("Status=all&Theme=neglect&Methodology=desktop-review"));
        Assert.Equal([Reference(2)], await Listed("Theme=mental%20HEALTH"));
        Assert.Equal([Reference(3)], await Listed("Theme=CAF%C3%89"));
        Assert.Empty(await Listed("Theme=zebra"));
        Assert.Equal([Reference(4)], await Listed("Theme=newer"));
        Assert.Empty(await Listed("Theme=bruising"));
        Assert.Equal([Reference(6)], await Listed($"Methodology={Lscb}&{Range(15)}"));
        Assert.DoesNotContain(Reference(6), await Listed($"Methodology={Lscb}&{Range(14)}"));
        Assert.Equal([Reference(7), Reference(8) + " v2"], await Listed("Status=draft"));
        Assert.Equal([Reference(1), Reference(2), Reference(3), Reference(4), Reference(5), Reference(8)], await Listed($"Status=final&{Range(10)}"));
    }

    private static string Range(int julyDay) =>
        $"From.day={julyDay}&From.month=7&From.year=2025&To.day={julyDay}&To.month=7&To.year=2025";

    private static List<AngleSharp.Dom.IElement> Rows(TestBrowser.Page page) => [.. page.Html.QuerySelectorAll("table.app-exports tbody tr")];

    /// <summary>References in 2019, apart from the demo data's.</summary>
    internal static string Reference(int number) => Review.FormatReference(2019, number);

    private static Review AddRecordReview(LearningReviewsDbContext db, int number, ReviewStatus status, DateTime closedAt, string? themesAnswer = null)
    {
        var review = NewReview(number, Lscb, "preparation", "practiceConcern", status);
        if (status == ReviewStatus.Closed) review.ClosedAt = closedAt;
        if (themesAnswer is not null) review.Stages.Add(Stage("preparation", 1, new JsonObject { ["themes"] = themesAnswer }));
        db.Reviews.Add(review);
        return review;
    }

    internal static Review NewReview(int number, string methodology, string stage, string reason, ReviewStatus status) => new()
    {
        Reference = Reference(number), ReferenceYear = 2019, ReferenceNumber = number, MethodologyKey = methodology, DefinitionVersion = 1,
        Title = $"Review {number}", Status = status, CurrentStageKey = stage, ReasonSelected = reason,
    };

    private static ReviewStageRecord Stage(string key, int cycle, JsonObject answers) =>
        new() { StageKey = key, Cycle = cycle, Status = StageStatus.Completed, AnswersJson = answers.ToJsonString() };
}
