using System.Net;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Documents;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>
/// In a thematic review of several families, free text written by someone who sees them all can name any
/// family. Someone tied to one family reads it with the others' labels, case-record numbers and people
/// replaced by markers, on every page and in both PDFs, and cannot save a stage they were shown redacted.
/// </summary>
public sealed class ThematicFamilyTextTests
{
    private const string Amber = "Family Amber";
    private const string AmberRecord = "CR-77031";
    private const string AmberWorker = "Ola Amberworker";

    /// <summary>What priya must never meet: the other family's label, its distinctive word, its case-record number, its worker.</summary>
    private static readonly string[] OtherFamily = [Amber, "Amber", AmberRecord, AmberWorker];

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Free_text_naming_another_family_reaches_someone_tied_to_one_family_only_as_markers(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var review = await StartAsync(app, bm, "Neglect in Family Amber (CR-77031) and Family Birch; Ola Amberworker raised it");
        await app.WithDbAsync(async db =>
        {
            var r = await db.Reviews.Include(x => x.Cases).ThenInclude(c => c.Case).SingleAsync(x => x.Id == review);
            var amber = r.Cases.Single(c => c.Case!.Label == Amber).CaseId;
            var birch = r.Cases.Single(c => c.Case!.Label == "Family Birch").CaseId;
            var priya = await db.Users.SingleAsync(u => u.Email == "practitioner@demo.example");
            db.Participants.Add(new Participant { ReviewId = review, UserId = priya.Id, Name = priya.DisplayName, Role = ReviewRole.Practitioner, CaseId = birch });
            db.Participants.Add(new Participant { ReviewId = review, Name = AmberWorker, Role = ReviewRole.AgencyRepresentative, CaseId = amber });
            r.CurrentStageKey = "scoping";
            r.Status = ReviewStatus.InProgress;
            var at = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
            db.StageRecords.Add(new ReviewStageRecord
            {
                ReviewId = review, StageKey = "scoping", Status = StageStatus.InProgress, StartedAt = at,
                AnswersJson = """
                    {"themes":[{"theme":"Neglect, worst in the Amber family"}],
                     "differences":[{"case":"Family Birch","differences":"Birch circumstances, unlike Family Amber"}],
                     "confidentiality":"Ola Amberworker asked that CR-77031 is not quoted"}
                    """,
            });
            db.StageRecords.Add(new ReviewStageRecord
            {
                ReviewId = review, StageKey = "outcomes", Status = StageStatus.InProgress, StartedAt = at,
                AnswersJson = """{"synopsis":"Family Amber and Family Birch were both known to Ola Amberworker"}""",
            });
            db.LearningPoints.Add(new LearningPoint { ReviewId = review, Text = "Ask about the fathers in family amber", Position = 1 });
            db.Transitions.Add(new ReviewTransition
            {
                ReviewId = review, Kind = TransitionKind.SentBack, FromStage = "scoping", ToStage = "commissioning", OccurredAt = at,
                UserName = "Beth Morgan", Reason = "Scope missed CR-77031",
            });
            var form = new OutcomesForm { ReviewId = review, Version = 1, Status = OutcomesFormStatus.CirculatedForComment, VersionReason = null };
            form.Comments.Add(new OutcomesComment
            {
                SectionKey = "synopsis", Text = "Say more about Family Amber", AuthorName = "Beth Morgan", CreatedAt = at,
                Response = "Ola Amberworker will add it", RespondedBy = "Beth Morgan", RespondedAt = at,
            });
            db.OutcomesForms.Add(form);
            await db.SaveChangesAsync();
            return 0;
        });

        // The business manager oversees the whole review and reads every word as written.
        var overseen = "";
        foreach (var url in new[] { $"/reviews/{review}", $"/reviews/{review}/stages/scoping", $"/reviews/{review}/outcomes-form" })
        {
            overseen += (await bm.GetAsync(url)).Text;
        }
        Assert.Contains("Neglect in Family Amber (CR-77031)", overseen, StringComparison.Ordinal);
        Assert.Contains("Scope missed CR-77031", overseen, StringComparison.Ordinal);
        Assert.Contains("Ola Amberworker asked that CR-77031 is not quoted", overseen, StringComparison.Ordinal);
        Assert.Contains("Family Amber and Family Birch were both known to Ola Amberworker", overseen, StringComparison.Ordinal);
        Assert.Contains("Say more about Family Amber", overseen, StringComparison.Ordinal);
        var bmRecord = PdfReader.Read(await bm.Client.GetByteArrayAsync($"/reviews/{review}/record.pdf")).Text;
        Assert.Contains("Ask about the fathers in family amber", bmRecord, StringComparison.Ordinal);

        using var priyaBrowser = await app.SignedInAsAsync("practitioner@demo.example");
        var seen = new List<string>();
        foreach (var url in new[] { $"/reviews/{review}", $"/reviews/{review}/stages/scoping", $"/reviews/{review}/stages/scoping/check",
                     $"/reviews/{review}/stages/outcomes", $"/reviews/{review}/outcomes-form" })
        {
            var page = await priyaBrowser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            AssertNoOtherFamily(page.Text, url);
            seen.Add(page.Text);
        }
        var all = string.Join("\n", seen);
        // What priya may read is still there, with markers where the other family was named.
        Assert.Contains("Neglect in [another family] ([another family]) and Family Birch; [a person in another family] raised it", all, StringComparison.Ordinal);
        Assert.Contains("Scope missed [another family]", all, StringComparison.Ordinal);
        Assert.Contains("Neglect, worst in the [another family] family", all, StringComparison.Ordinal);
        Assert.Contains("Birch circumstances, unlike [another family]", all, StringComparison.Ordinal);
        Assert.Contains("[another family] and Family Birch were both known to [a person in another family]", all, StringComparison.Ordinal);
        Assert.Contains("Say more about [another family]", all, StringComparison.Ordinal);
        Assert.Contains("[a person in another family] will add it", all, StringComparison.Ordinal);

        foreach (var pdfUrl in new[] { $"/reviews/{review}/record.pdf", $"/reviews/{review}/outcomes-form.pdf" })
        {
            var pdf = PdfReader.Read(await priyaBrowser.Client.GetByteArrayAsync(pdfUrl));
            var everything = pdf.Text + "\n" + string.Join("\n", pdf.RawPages) + "\n" + string.Join("\n", pdf.Info.Values);
            Assert.Contains("Family Birch", everything, StringComparison.Ordinal);
            Assert.Contains("[another family]", everything, StringComparison.Ordinal);
            AssertNoOtherFamily(everything, pdfUrl);
        }
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_lead_author_tied_to_one_family_cannot_save_a_stage_shown_redacted(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var review = await StartAsync(app, bm, "Neglect in families with younger children");
        const string written = "Ola Amberworker asked that Family Amber is not quoted";
        await app.WithDbAsync(async db =>
        {
            var r = await db.Reviews.Include(x => x.Cases).ThenInclude(c => c.Case).SingleAsync(x => x.Id == review);
            var birch = r.Cases.Single(c => c.Case!.Label == "Family Birch").CaseId;
            var amber = r.Cases.Single(c => c.Case!.Label == Amber).CaseId;
            var leo = await db.Users.SingleAsync(u => u.Email == "lead@demo.example");
            db.Participants.Add(new Participant { ReviewId = review, UserId = leo.Id, Name = leo.DisplayName, Role = ReviewRole.LeadAuthor, CaseId = birch });
            db.Participants.Add(new Participant { ReviewId = review, Name = AmberWorker, Role = ReviewRole.AgencyRepresentative, CaseId = amber });
            r.CurrentStageKey = "scoping";
            r.Status = ReviewStatus.InProgress;
            // Only Birch's row: nothing is hidden from the lead author but the words naming Amber.
            db.StageRecords.Add(new ReviewStageRecord
            {
                ReviewId = review, StageKey = "scoping", Status = StageStatus.InProgress, StartedAt = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc),
                AnswersJson = $$"""{"themes":[{"theme":"Neglect"}],"differences":[{"case":"Family Birch","differences":"Birch"}],"confidentiality":"{{written}}"}""",
            });
            await db.SaveChangesAsync();
            return 0;
        });

        using var leoBrowser = await app.SignedInAsAsync("lead@demo.example");
        var page = await leoBrowser.GetAsync($"/reviews/{review}/stages/scoping");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("you can read this stage but not save it", page.Html.QuerySelector(".app-hides-families")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null(page.Html.QuerySelector("button[name=next]"));
        Assert.Equal("[a person in another family] asked that [another family] is not quoted", page.TextareaValue("f_confidentiality")?.Trim());

        // Posting the form anyway, markers and all, is refused and the original stays.
        var token = page.AntiforgeryToken();
        var recordToken = page.Html.QuerySelector("input[name=recordToken]")!.GetAttribute("value")!;
        var saved = await leoBrowser.PostAsync($"/reviews/{review}/stages/scoping",
            [new("recordToken", recordToken), new("next", "check"), new("f.confidentiality", "[a person in another family] asked that [another family] is not quoted"),
             new("f.themes[0].theme", "Neglect"), new("f.differences[0].case", "Family Birch"), new("f.differences[0].differences", "Birch")], token);
        Assert.True(saved.IsRedirect, $"Expected a refusal but got {(int)saved.Status}");
        Assert.StartsWith("/account/access-denied", new Uri(new Uri("http://localhost"), saved.Location!).AbsolutePath, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.StageRecords.Where(s => s.ReviewId == review && s.StageKey == "scoping").Select(s => s.AnswersJson).SingleAsync());
        Assert.Contains(written, stored, StringComparison.Ordinal);

        // Once nothing on the stage names the other family, the same lead author may save it.
        await app.WithDbAsync(async db =>
        {
            var record = await db.StageRecords.SingleAsync(s => s.ReviewId == review && s.StageKey == "scoping");
            record.AnswersJson = """{"themes":[{"theme":"Neglect"}],"differences":[{"case":"Family Birch","differences":"Birch"}],"confidentiality":"Nothing to add"}""";
            await db.SaveChangesAsync();
            return 0;
        });
        page = await leoBrowser.GetAsync($"/reviews/{review}/stages/scoping");
        Assert.Null(page.Html.QuerySelector(".app-hides-families"));
        Assert.NotNull(page.Html.QuerySelector("button[name=next]"));
    }

    private static async Task<Guid> StartAsync(AppFactory app, TestBrowser bm, string reasonDetail)
    {
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());
        var started = await bm.SubmitAsync("/reviews/start/thematic-review",
        [
            new("CaseLabel", Amber), new("OtherCaseLabels", "Family Birch"), new("LocalityId", north.ToString()),
            new("Reason", "serviceImprovement"), new("ReasonDetail", reasonDetail),
        ]);
        Assert.True(started.IsRedirect, started.ErrorSummary);
        var review = Guid.Parse(started.Location!.Split('/').Last());
        await app.WithDbAsync(async db =>
        {
            var amber = await db.ReviewCases.Where(rc => rc.ReviewId == review && rc.Case!.Label == Amber).Select(rc => rc.Case!).SingleAsync();
            amber.CaseRecordNumber = AmberRecord;
            await db.SaveChangesAsync();
            return 0;
        });
        return review;
    }

    private static void AssertNoOtherFamily(string text, string where)
    {
        foreach (var secret in OtherFamily)
        {
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{where} shows \"{secret}\"");
        }
    }
}
