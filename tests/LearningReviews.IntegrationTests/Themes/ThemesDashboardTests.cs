using System.Net;
using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.IntegrationTests.Outcomes;
using LearningReviews.IntegrationTests.Workflows;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Themes;

/// <summary>
/// The themes dashboard on a known set of reviews, learning points and actions written straight to the database
/// (two quarters apart, on the test clock): its tables hold the expected counts, its charts the same numbers, a user
/// sees counts only of reviews they may see, a retired theme is no longer offered but still counted, and a stage's
/// themes field tags the review.
/// </summary>
public sealed class ThemesDashboardTests
{
    private const string Lscb = "lscb-learning-review";

    /// <summary>
    /// In June 2026 (Q2): review 1 (LSCB, tagged Neglect and Voice of the child) with a learning point tagged
    /// Supervision, one untagged (counted under its review's themes), an action tagged Neglect due 1 July and not
    /// started, and an untagged action completed. In August 2026 (Q3): review 2 (Desktop, Neglect) and review 3
    /// (LSCB, Voice of the child). The practitioner takes part in review 1 only.
    /// </summary>
    private static async Task<(Guid First, Guid Second, Guid Third)> SeedAsync(AppFactory app)
    {
        // The demo reviews carry themes of their own (Features/Demo/ThemeDemos): taken off, so the counts are the known set's only.
        await app.WithDbAsync(async db =>
        {
            foreach (var demo in await db.Reviews.Include(r => r.Themes).Where(r => r.Themes.Any()).ToListAsync()) demo.Themes.Clear();
            return await db.SaveChangesAsync();
        });
        var first = await app.WithDbAsync(async db =>
        {
            var themes = await Themes(db);
            var north = await db.Localities.OrderBy(l => l.Name).FirstAsync();
            var review = ExportListPagingTests.NewReview(901, Lscb, "action", "practiceConcern", ReviewStatus.InProgress);
            review.LocalityId = north.Id;
            review.Themes.AddRange([themes["Neglect"], themes["Voice of the child"]]);
            review.LearningPoints.Add(new LearningPoint { Text = "Supervision was not reflective", Position = 1, Themes = [themes["Supervision"]] });
            review.LearningPoints.Add(new LearningPoint { Text = "Nobody asked the child", Position = 2 });
            review.Actions.Add(new ReviewAction { What = "Neglect toolkit training", DueDate = new DateOnly(2026, 7, 1), Themes = [themes["Neglect"]] });
            review.Actions.Add(new ReviewAction { What = "Audit of visits", DueDate = new DateOnly(2026, 6, 30), Status = ActionStatus.CompletedAndEmbedded });
            var practitioner = await db.Users.SingleAsync(u => u.Email == "practitioner@demo.example");
            review.Participants.Add(new Participant { UserId = practitioner.Id, Name = practitioner.DisplayName, AgencyId = practitioner.AgencyId, Role = ReviewRole.Practitioner });
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        });
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 8, 14, 9, 0, 0, TimeSpan.Zero));
        var (second, third) = await app.WithDbAsync(async db =>
        {
            var themes = await Themes(db);
            var desktop = ExportListPagingTests.NewReview(902, "desktop-review", "commissioning", "goodPractice", ReviewStatus.InProgress);
            desktop.Themes.Add(themes["Neglect"]);
            var lscb = ExportListPagingTests.NewReview(903, Lscb, "action", "practiceConcern", ReviewStatus.InProgress);
            lscb.Themes.Add(themes["Voice of the child"]);
            db.Reviews.AddRange(desktop, lscb);
            await db.SaveChangesAsync();
            return (desktop.Id, lscb.Id);
        });
        return (first, second, third);
    }

    private static async Task<Dictionary<string, Theme>> Themes(LearningReviewsDbContext db) => await db.Themes.ToDictionaryAsync(t => t.Name);

    private static string Cell(TestBrowser.Page page, string table, string theme, string count) =>
        page.Html.QuerySelector($"#{table} tr[data-theme='{theme}'] [data-count='{count}']")?.TextContent.Trim() ?? "(no row)";

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_tables_and_charts_count_the_known_reviews_learning_points_and_actions_per_theme(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        // The demo data first (at the clock's start), then the reviews, then sign in: the clock moves two months on.
        await app.SeedDemoAsync();
        await SeedAsync(app);
        using var bm = await app.SignedInAsAsync("bm@demo.example");

        // Today is 14 August 2026: the default period is October 2025 to September 2026.
        var page = await bm.GetAsync("/themes");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Oct to Dec 2025 to Jul to Sep 2026", page.Text, StringComparison.Ordinal);
        Assert.Equal("2", Cell(page, "theme-counts", "Neglect", "reviews"));
        Assert.Equal("1", Cell(page, "theme-counts", "Neglect", "learningPoints"));
        Assert.Equal("2", Cell(page, "theme-counts", "Neglect", "actions"));
        Assert.Equal("2", Cell(page, "theme-counts", "Voice of the child", "reviews"));
        Assert.Equal("1", Cell(page, "theme-counts", "Voice of the child", "learningPoints"));
        Assert.Equal("1", Cell(page, "theme-counts", "Voice of the child", "actions"));
        Assert.Equal("0", Cell(page, "theme-counts", "Supervision", "reviews"));
        Assert.Equal("1", Cell(page, "theme-counts", "Supervision", "learningPoints"));
        Assert.Equal("(no row)", Cell(page, "theme-counts", "Exploitation", "reviews"));
        // Open and overdue: only the Neglect training is still to do, and it was due on 1 July.
        Assert.Equal("1", Cell(page, "theme-actions", "Neglect", "open"));
        Assert.Equal("1", Cell(page, "theme-actions", "Neglect", "overdue"));
        Assert.Equal("0", Cell(page, "theme-actions", "Voice of the child", "open"));

        // The chart draws the table's numbers, and is named and described for those who cannot see it.
        var chart = page.Html.QuerySelector("svg#chart-reviews")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal("2", chart.QuerySelector("rect[data-category='Neglect']")!.GetAttribute("data-value"));
        Assert.Equal("0", chart.QuerySelector("rect[data-category='Supervision']")!.GetAttribute("data-value"));
        Assert.Contains("The most common themes were Neglect and Voice of the child (2 reviews)", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The most common themes were Neglect and Voice of the child (2 reviews)", page.Html.QuerySelector(".app-themes-summary")!.TextContent, StringComparison.Ordinal);

        // By methodology and locality.
        var methodologies = page.Html.QuerySelector("#by-methodology")!;
        Assert.Contains("Desktop Review", methodologies.QuerySelector("thead")!.TextContent, StringComparison.Ordinal);
        var localities = page.Html.QuerySelector("#by-locality")!.TextContent;
        Assert.Contains("No locality", localities, StringComparison.Ordinal);

        // The trend of one theme: one review in each of the last two quarters.
        var neglectId = await app.WithDbAsync(db => db.Themes.Where(t => t.Name == "Neglect").Select(t => t.Id).SingleAsync());
        var trend = await bm.GetAsync($"/themes?from=2026-Q2&to=2026-Q3&theme={neglectId}");
        Assert.Equal(["1", "1"], trend.Html.QuerySelectorAll("#theme-trend tbody td").Select(td => td.TextContent.Trim()));
        Assert.Equal(["1", "1"], trend.Html.QuerySelectorAll("svg#chart-trend rect[data-value]").Select(r => r.GetAttribute("data-value")!));
        // A period of the third quarter alone counts only the August reviews.
        var third = await bm.GetAsync("/themes?from=2026-Q3&to=2026-Q3");
        Assert.Equal("1", Cell(third, "theme-counts", "Neglect", "reviews"));
        Assert.Equal("0", Cell(third, "theme-counts", "Neglect", "actions"));
        // Open actions are counted today whatever quarter they came from.
        Assert.Equal("1", Cell(third, "theme-actions", "Neglect", "open"));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_user_sees_counts_only_of_the_reviews_they_may_see(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        // The demo data first (at the clock's start), then the reviews, then sign in: the clock moves two months on.
        await app.SeedDemoAsync();
        await SeedAsync(app);
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");

        var page = await practitioner.GetAsync("/themes");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // Only review 1, which they take part in: not the Desktop Review or the other LSCB review.
        Assert.Equal("1", Cell(page, "theme-counts", "Neglect", "reviews"));
        Assert.Equal("1", Cell(page, "theme-counts", "Voice of the child", "reviews"));
        Assert.Equal("1", Cell(page, "theme-counts", "Neglect", "learningPoints"));
        // Review 1 counts under the practitioner's agency.
        var agency = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "practitioner@demo.example")
            .Select(u => db.Agencies.Where(a => a.Id == u.AgencyId).Select(a => a.Name).Single()).SingleAsync());
        Assert.Contains(agency, page.Html.QuerySelector("#by-agency thead")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_retired_theme_is_not_offered_but_what_it_tagged_is_still_counted_and_a_stage_themes_field_tags_the_review(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        var (first, _, third) = await SeedAsync(app);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        await app.WithDbAsync(async db =>
        {
            (await db.Themes.SingleAsync(t => t.Name == "Voice of the child")).IsRetired = true;
            return await db.SaveChangesAsync();
        });

        // Review 1 has the retired theme: it stays ticked there, marked retired. Review 3's page offers it too (it has it);
        // a review without it is not offered it.
        var tagged = await bm.GetAsync($"/reviews/{first}/stages/action");
        Assert.Equal(HttpStatusCode.OK, tagged.Status);
        var box = tagged.Html.QuerySelectorAll("input[name='f.themeTags']").ToList();
        Assert.Contains(box, b => b.NextElementSibling!.TextContent == "Voice of the child (retired)" && b.HasAttribute("checked"));
        var (fresh, neglect, exploitation) = await app.WithDbAsync(async db =>
        {
            var review = ExportListPagingTests.NewReview(904, Lscb, "action", "practiceConcern", ReviewStatus.InProgress);
            // The business manager leads the review, so may fill in its stage (review 3 too).
            var bmUser = await db.Users.SingleAsync(u => u.Email == "bm@demo.example");
            review.Participants.Add(new Participant { UserId = bmUser.Id, Name = bmUser.DisplayName, Role = ReviewRole.LeadReviewer });
            db.Participants.Add(new Participant { ReviewId = third, UserId = bmUser.Id, Name = bmUser.DisplayName, Role = ReviewRole.LeadReviewer });
            // Each at the action stage, as a review that has moved there has a record of it.
            review.Stages.Add(new ReviewStageRecord { StageKey = "action", Cycle = 1, Status = StageStatus.InProgress });
            db.StageRecords.Add(new ReviewStageRecord { ReviewId = third, StageKey = "action", Cycle = 1, Status = StageStatus.InProgress });
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            var themes = await Themes(db);
            return (review.Id, themes["Neglect"].Id, themes["Exploitation"].Id);
        });
        var untagged = await bm.GetAsync($"/reviews/{fresh}/stages/action");
        var offered = untagged.Html.QuerySelectorAll("input[name='f.themeTags']").Select(b => b.NextElementSibling!.TextContent).ToList();
        Assert.Contains("Neglect", offered);
        Assert.DoesNotContain(offered, o => o.StartsWith("Voice of the child", StringComparison.Ordinal));
        // Its learning points and actions are not offered it either.
        Assert.DoesNotContain(untagged.Html.QuerySelectorAll("input[name='lp[0].themes']"), b => b.NextElementSibling!.TextContent.StartsWith("Voice", StringComparison.Ordinal));

        var dashboard = await bm.GetAsync("/themes");
        Assert.Equal("2", Cell(dashboard, "theme-counts", "Voice of the child", "reviews"));
        Assert.Contains("Voice of the child (retired)", dashboard.Html.QuerySelector("#theme-counts")!.TextContent, StringComparison.Ordinal);

        // Saving the stage with two themes ticked tags the review, and the answer reads as their names. A retired theme
        // posted by hand is not put on a review that did not have it.
        var voice = await app.WithDbAsync(db => db.Themes.Where(t => t.Name == "Voice of the child").Select(t => t.Id).SingleAsync());
        var saved = await bm.SaveStageAsync(fresh, "action",
            [new("f.themeTags", neglect.ToString()), new("f.themeTags", exploitation.ToString()), new("f.themeTags", voice.ToString())]);
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        Assert.EndsWith("/stages/action/check", saved.Location, StringComparison.Ordinal);
        var names = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == fresh).SelectMany(r => r.Themes).Select(t => t.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal(["Exploitation", "Neglect"], names);
        var answer = await app.WithDbAsync(db => db.StageRecords.Where(s => s.ReviewId == fresh && s.StageKey == "action").Select(s => s.AnswersJson).SingleAsync());
        Assert.Contains("\"themeTags\":[\"Neglect\",\"Exploitation\"]", answer, StringComparison.Ordinal);
        var after = await bm.GetAsync("/themes");
        Assert.Equal("3", Cell(after, "theme-counts", "Neglect", "reviews"));
        Assert.Equal("1", Cell(after, "theme-counts", "Exploitation", "reviews"));

        // Unticking every theme takes them off, and review 3 keeps its retired theme when saved untouched.
        Assert.True((await bm.SaveStageAsync(fresh, "action", [])).IsRedirect);
        Assert.Equal(0, await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == fresh).SelectMany(r => r.Themes).CountAsync()));
        Assert.True((await bm.SaveStageAsync(third, "action", [new("f.themeTags", voice.ToString())])).IsRedirect);
        Assert.Equal(["Voice of the child"], await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == third).SelectMany(r => r.Themes).Select(t => t.Name).ToListAsync()));
    }
}
