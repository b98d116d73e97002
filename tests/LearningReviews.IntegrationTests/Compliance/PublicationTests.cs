using System.Globalization;
using System.Net;
using LearningReviews.Domain.Publication;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Features.Publication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.Compliance;

/// <summary>A review's dissemination, publication decision and publishable summary with its check (seed 003 section 4).</summary>
public sealed class PublicationTests
{
    private static async Task<Guid> ReviewAsync(AppFactory app) =>
        await app.WithDbAsync(db => db.Reviews.Where(r => r.MethodologyKey == "practitioner-learning-review").Select(r => r.Id).FirstAsync());

    private static IEnumerable<KeyValuePair<string, string>> Date(string name, DateOnly date) =>
    [
        new($"{name}.day", date.Day.ToString(CultureInfo.InvariantCulture)),
        new($"{name}.month", date.Month.ToString(CultureInfo.InvariantCulture)),
        new($"{name}.year", date.Year.ToString(CultureInfo.InvariantCulture)),
    ];

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Dissemination_is_recorded_with_the_agencies_reached_and_counted_for_the_annual_report(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        var reviewId = await ReviewAsync(app);
        var url = $"/reviews/{reviewId}/publication";
        var agencies = await app.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Police" || a.Name == "Health").Select(a => a.Id).ToListAsync());
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var page = await bm.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);

        // Refused without an agency: the problem is listed and what was typed is shown again.
        var refused = await bm.PostAsync(url + "/dissemination",
            [new("way", nameof(DisseminationWay.LearningBulletin)), .. Date("heldOn", app.Today), new("audience", "All practitioners in the North"), new("note", "")],
            page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Select at least one agency", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("All practitioners in the North", refused.InputValue("audience"));

        var saved = await bm.PostAsync(url + "/dissemination",
            [new("way", nameof(DisseminationWay.LearningBulletin)), .. Date("heldOn", app.Today), .. agencies.Select(a => new KeyValuePair<string, string>("agencies", a.ToString())),
             new("audience", "All practitioners in the North"), new("note", "Spring bulletin")],
            page.AntiforgeryToken());
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        var shown = await bm.FollowAsync(saved);
        var row = shown.Html.QuerySelector("table.app-disseminations tbody tr")!.TextContent;
        Assert.Contains("Learning bulletin", row, StringComparison.Ordinal);
        Assert.Contains("Health, Police", row, StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var report = scope.ServiceProvider.GetRequiredService<DisseminationReport>();
        var byWay = await report.ByWayAsync(app.Today.AddDays(-1), app.Today.AddDays(1));
        var bulletin = Assert.Single(byWay);
        Assert.Equal((DisseminationWay.LearningBulletin, 1, 1), (bulletin.Way, bulletin.Times, bulletin.Reviews));
        Assert.Equal(["Health", "Police"], (await report.AgenciesReachedAsync(app.Today, app.Today)).Select(a => a.Agency).Order(StringComparer.Ordinal));
        Assert.Empty(await report.ByWayAsync(app.Today.AddDays(1), app.Today.AddDays(30)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == nameof(DisseminationRecord) && e.ReviewId == reviewId)));

        // Someone who sees the review but does not run its conclusion may read, not record.
        using var subgroup = await app.SignedInAsAsync("subgroup@demo.example");
        var read = await subgroup.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Null(read.Html.QuerySelector($"form[action='{url}/dissemination']"));
        var forbidden = await subgroup.PostAsync(url + "/dissemination",
            [new("way", nameof(DisseminationWay.TrainingEvent)), .. Date("heldOn", app.Today), new("agencies", agencies[0].ToString()), new("audience", "x")],
            read.AntiforgeryToken());
        Assert.False(forbidden.IsRedirect && forbidden.Location!.EndsWith("/publication", StringComparison.Ordinal));
        Assert.Equal(1, await app.WithDbAsync(db => db.DisseminationRecords.CountAsync(d => d.ReviewId == reviewId)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "AccessDenied" && e.ReviewId == reviewId
            && e.Detail!.Contains("ManagePublication"))));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_summary_naming_someone_with_a_date_of_birth_and_case_record_number_is_not_publishable_until_they_are_removed_or_accepted(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        var reviewId = await ReviewAsync(app);
        var url = $"/reviews/{reviewId}/publication";
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var page = await bm.GetAsync(url);
        string Token(TestBrowser.Page p) => p.Html.QuerySelector("form[action$='/summary'] input[name='token']")!.GetAttribute("value")!;

        const string risky = "Tom Baxter (DOB 02/05/2017) was known to services under CR-55120. Child A was supported by the Police on Monday.";
        var saved = await bm.PostAsync(url + "/summary", [new("summary", risky), new("token", Token(page))], page.AntiforgeryToken());
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        page = await bm.GetAsync(url);
        var findings = page.Html.QuerySelectorAll("table.app-findings tbody tr").ToList();
        Assert.Equal(["Name", "DateOfBirth", "CaseRecordNumber"], findings.Select(f => f.GetAttribute("data-kind")));
        Assert.Equal(["Tom Baxter", "DOB 02/05/2017", "CR-55120"], page.Html.QuerySelectorAll("mark.app-finding").Select(m => m.TextContent));
        Assert.Contains("Not publishable", page.Html.QuerySelector(".app-summary-status")!.TextContent, StringComparison.Ordinal);

        var refused = await bm.PostAsync(url + "/summary/publishable", [new("token", Token(page))], page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("cannot be marked publishable: the check found 3 things", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(3, refused.Html.QuerySelectorAll("table.app-findings tbody tr").Length);
        Assert.False(await app.WithDbAsync(db => db.ReviewPublications.AnyAsync(p => p.ReviewId == reviewId && p.PublishableAt != null)));

        // The name is accepted (say it is an invented one), the date of birth and the number are taken out.
        var nameKey = page.Html.QuerySelectorAll("input[name='finding']").Select(i => i.GetAttribute("value")!).First();
        var accepted = await bm.PostAsync(url + "/summary/accept", [new("finding", nameKey), new("token", Token(page))], page.AntiforgeryToken());
        Assert.True(accepted.IsRedirect, accepted.ErrorSummary);
        page = await bm.GetAsync(url);
        var stillRefused = await bm.PostAsync(url + "/summary/publishable", [new("token", Token(page))], page.AntiforgeryToken());
        Assert.Contains("the check found 2 things", stillRefused.ErrorSummary, StringComparison.Ordinal);

        const string cleaned = "Tom Baxter was known to services for two years. Child A was supported by the Police on Monday.";
        Assert.True((await bm.PostAsync(url + "/summary", [new("summary", cleaned), new("token", Token(page))], page.AntiforgeryToken())).IsRedirect);
        page = await bm.GetAsync(url);
        Assert.Contains("Accepted", page.Html.QuerySelector("table.app-findings tbody tr")!.TextContent, StringComparison.Ordinal);
        var marked = await bm.PostAsync(url + "/summary/publishable", [new("token", Token(page))], page.AntiforgeryToken());
        Assert.True(marked.IsRedirect, marked.ErrorSummary);

        var publication = await app.WithDbAsync(db => db.ReviewPublications.Include(p => p.AcceptedFindings).SingleAsync(p => p.ReviewId == reviewId));
        Assert.Equal("Beth Morgan", publication.PublishableByName);
        var acceptance = Assert.Single(publication.AcceptedFindings);
        Assert.Equal((FindingKind.Name, "Tom Baxter", "Beth Morgan"), (acceptance.Kind, acceptance.Text, acceptance.AcceptedByName));

        // Changing the summary takes the mark away until it is checked again.
        page = await bm.GetAsync(url);
        Assert.True((await bm.PostAsync(url + "/summary", [new("summary", cleaned + " Lessons were shared."), new("token", Token(page))], page.AntiforgeryToken())).IsRedirect);
        Assert.Null(await app.WithDbAsync(db => db.ReviewPublications.Where(p => p.ReviewId == reviewId).Select(p => p.PublishableAt).SingleAsync()));
        // The audit log says what happened, never what the summary says.
        var details = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.ReviewId == reviewId).Select(e => e.Detail).ToListAsync());
        Assert.DoesNotContain(details, d => d != null && (d.Contains("Baxter", StringComparison.Ordinal) || d.Contains("CR-55120", StringComparison.Ordinal)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_publication_decision_is_saved_with_its_risks_and_benefits_and_a_stale_one_is_refused(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        var reviewId = await ReviewAsync(app);
        var url = $"/reviews/{reviewId}/publication";
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var page = await bm.GetAsync(url);

        var missing = await bm.PostAsync(url + "/decision", [new("decision", ""), new("risks", "Local identification"), new("benefits", ""), new("token", Guid.Empty.ToString())],
            page.AntiforgeryToken());
        Assert.Contains("Select the publication decision", missing.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("Enter the benefits", missing.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Local identification", missing.TextareaValue("risks"));

        var token = Guid.Empty.ToString();
        var decided = await bm.PostAsync(url + "/decision",
            [new("decision", nameof(PublicationDecision.PublishSummaryOnly)), new("risks", "Local identification"), new("benefits", "Awareness across the partnership"),
             .. Date("decidedOn", app.Today), new("token", token)], page.AntiforgeryToken());
        Assert.True(decided.IsRedirect, decided.ErrorSummary);
        var shown = await bm.FollowAsync(decided);
        Assert.Contains("Publish a summary of the key findings only", shown.Html.QuerySelector(".app-decision")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beth Morgan", shown.Html.QuerySelector(".app-decision")!.TextContent, StringComparison.Ordinal);

        // A second save from the page read before the first is refused, keeping what was typed.
        var stale = await bm.PostAsync(url + "/decision",
            [new("decision", nameof(PublicationDecision.DoNotPublish)), new("risks", "Proceedings ongoing"), new("benefits", "None now"),
             .. Date("decidedOn", app.Today), new("token", Guid.NewGuid().ToString())], page.AntiforgeryToken());
        Assert.Contains("Someone else changed this", stale.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Proceedings ongoing", stale.TextareaValue("risks"));
        Assert.Equal(PublicationDecision.PublishSummaryOnly,
            await app.WithDbAsync(db => db.ReviewPublications.Where(p => p.ReviewId == reviewId).Select(p => p.Decision).SingleAsync()));
    }
}
