using System.Net;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Documents;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.Demo;

/// <summary>The demo partnership shows the whole product, as the README's demo section promises.</summary>
public sealed class DemoDataTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Demo_data_has_every_kind_of_review_at_its_stage_and_each_account_finds_what_the_readme_says(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();

        // One or more reviews of each of the nine kinds, early, mid-way and closed.
        var reviews = await app.WithDbAsync(db => db.Reviews.OrderBy(r => r.Title)
            .Select(r => new { r.Title, r.MethodologyKey, r.CurrentStageKey, r.Status }).ToListAsync());
        Assert.Equal(
        [
            "desktop-review", "learning-conversation", "locality-learning-circle", "lscb-learning-review", "practice-learning-day",
            "practitioner-learning-review", "rapid-review", "single-issue-review", "thematic-review",
        ], reviews.Select(r => r.MethodologyKey).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
        [
            "Desktop Review: Demo child Heron closed publication",
            "LSCB Learning Review: Demo child Siskin proposed preparation",
            "Learning Conversation: Demo child Wagtail in-progress preparation",
            "Locality Learning Circle: Child A proposed proposal",
            "Locality Learning Circle: Child B in-progress preparation",
            "Locality Learning Circle: Child C in-progress after",
            "Locality Learning Circle: Child D proposed proposal",
            "Practice Learning Day: Plans that families can follow in-progress planning",
            "Practitioner Learning Review: Demo child Linnet in-progress information",
            "Rapid Review: Demo child Plover proposed notification",
            "Single Issue Review: Demo family Dunlin proposed commissioning",
            "Thematic Review: Demo family Osprey, Demo family Curlew in-progress information",
        ], reviews.Select(r => $"{r.Title} {Status(r.Status)} {r.CurrentStageKey}").Order(StringComparer.Ordinal));

        // The reviews carry themes from the managed list, so the themes dashboard has something to show.
        var neglect = await app.WithDbAsync(db => db.Reviews.Where(r => r.Themes.Any(t => t.Name == "Neglect")).Select(r => r.Title).OrderBy(t => t).ToListAsync());
        Assert.Equal(["Locality Learning Circle: Child C", "Thematic Review: Demo family Osprey, Demo family Curlew"], neglect);

        // The two agencies with demo accounts have safeguarding leads, so escalation can reach past an action's owner.
        var leads = await app.WithDbAsync(db => (from a in db.Agencies
                                                join u in db.Users on a.LeadUserId equals u.Id
                                                orderby a.Name
                                                select a.Name + ": " + u.Email).ToListAsync());
        Assert.Equal(["Children's Social Care: sm@demo.example", "Police: agency@demo.example"], leads);

        // Every move was made by a demo account and recorded as a transition, as on the pages.
        var movers = await app.WithDbAsync(db => db.Transitions.Select(t => t.UserName).Distinct().ToListAsync());
        Assert.All(movers, name => Assert.EndsWith("@" + DemoDataSeeder.Domain, name, StringComparison.Ordinal));

        // Seeding again changes nothing.
        using (var scope = app.Services.CreateScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(AppFactory.DemoPassword);
            Assert.Equal(DemoSeedOutcome.AlreadyPresent, again.Outcome);
        }
        Assert.Equal(reviews.Count, await app.WithDbAsync(db => db.Reviews.CountAsync()));

        // The business manager can download the desktop review's final Outcomes Form from Exports.
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var exports = await bm.GetAsync("/exports");
        var rows = exports.Html.QuerySelectorAll("table.app-exports tbody tr").Select(r => r.TextContent).ToList();
        var row = Assert.Single(rows);
        Assert.Contains("Desktop Review", row, StringComparison.Ordinal);
        Assert.Contains("Learning Review Outcomes Form, version 1", row, StringComparison.Ordinal);
        var link = exports.Html.QuerySelector("table.app-exports a[download]")!.GetAttribute("href")!;
        using var download = await bm.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var pdf = PdfReader.Read(await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("Demo child Heron", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Treat a long absence from school as a welfare concern", pdf.Text, StringComparison.Ordinal);

        // The practitioner is involved with one family of the thematic review and sees only that one.
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        var thematic = await app.WithDbAsync(db => db.Reviews.Where(r => r.MethodologyKey == "thematic-review").Select(r => r.Id).SingleAsync());
        var page = await practitioner.GetAsync($"/reviews/{thematic}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Demo family Curlew"], page.Html.QuerySelectorAll("table.app-families tbody tr").Select(r => r.Children[0].TextContent));
        Assert.DoesNotContain("Demo family Osprey", page.Html.Body!.TextContent, StringComparison.Ordinal);

        // What each account's My work lists (the README's table says the same).
        var found = new List<string>();
        foreach (var (email, _) in MyWork)
        {
            using var browser = await app.SignedInAsAsync(email);
            var myWork = await browser.GetAsync("/");
            var titles = myWork.Html.QuerySelectorAll("table.app-my-reviews tbody td:nth-child(2) > a")
                .Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal);
            found.Add($"{email}: {string.Join(" | ", titles)}");
        }
        Assert.Equal(MyWork.Select(a => $"{a.Email}: {string.Join(" | ", a.Titles.Order(StringComparer.Ordinal))}"), found);
    }

    private static string Status(ReviewStatus status) => status switch
    {
        ReviewStatus.Proposed => "proposed",
        ReviewStatus.InProgress => "in-progress",
        ReviewStatus.Closed => "closed",
        _ => status.ToString(),
    };

    private const string A = "Locality Learning Circle: Child A", B = "Locality Learning Circle: Child B",
        C = "Locality Learning Circle: Child C", D = "Locality Learning Circle: Child D",
        Heron = "Desktop Review: Demo child Heron", Siskin = "LSCB Learning Review: Demo child Siskin",
        Linnet = "Practitioner Learning Review: Demo child Linnet", Plover = "Rapid Review: Demo child Plover",
        Dunlin = "Single Issue Review: Demo family Dunlin", Thematic = "Thematic Review: Demo family Osprey, Demo family Curlew",
        Day = "Practice Learning Day: Plans that families can follow", Wagtail = "Learning Conversation: Demo child Wagtail";

    /// <summary>Each account's My work, as the README's demo table describes it.</summary>
    private static readonly (string Email, string[] Titles)[] MyWork =
    [
        ("admin@demo.example", []),
        ("hol@demo.example", [A, B, C, D]),
        ("sm@demo.example", [A, B, C, Day]),
        ("tm@demo.example", [Wagtail, A, B, C]),
        ("practitioner@demo.example", [A, C, "Thematic Review: Demo family Curlew"]),
        ("qa@demo.example", [A, B, C, D, Day]),
        ("bm@demo.example", [Heron, Siskin, Linnet, Plover, Dunlin, Thematic]),
        ("lead@demo.example", [Heron, Siskin, Linnet, Thematic]),
        ("facilitator@demo.example", [C]),
        ("subgroup@demo.example", [Heron, Siskin, Linnet, Plover, Dunlin, Thematic]),
        ("agency@demo.example", [Linnet, Heron]),
    ];
}
