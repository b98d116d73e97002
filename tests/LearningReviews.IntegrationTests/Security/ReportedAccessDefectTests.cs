using System.Net;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Documents;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Security;

/// <summary>The two access defects reported in issue 9, tried again over HTTP on both databases.</summary>
public sealed class ReportedAccessDefectTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_team_manager_added_to_another_localitys_circle_as_a_learner_sees_it_but_changes_nothing(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        // Child D's circle is in South Locality; the demo team manager works in North. The circle is at its
        // preparation stage, which names Team Managers (of South) among those who act.
        var (review, tariq, facilitator, peopleBefore) = await app.WithDbAsync(async db =>
        {
            var circle = await db.Reviews.Include(r => r.Participants).SingleAsync(r => r.Title.EndsWith("Child D"));
            circle.CurrentStageKey = "preparation";
            circle.Status = ReviewStatus.InProgress;
            var user = await db.Users.SingleAsync(u => u.Email == "tm@demo.example");
            db.Participants.Add(new Participant { ReviewId = circle.Id, UserId = user.Id, Name = user.DisplayName, Role = ReviewRole.Learner });
            var other = await db.Users.SingleAsync(u => u.Email == "facilitator@demo.example");
            db.Participants.Add(new Participant { ReviewId = circle.Id, UserId = other.Id, Name = other.DisplayName, Role = ReviewRole.Learner });
            await db.SaveChangesAsync();
            return (circle.Id, user.Id, circle.Participants.Single(p => p.UserId == other.Id).Id, circle.Participants.Count);
        });

        var page = await tm.GetAsync($"/reviews/{review}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Html.QuerySelectorAll($"form[action='/reviews/{review}/withdraw'], form[action='/reviews/{review}/send-back']"));
        var token = page.AntiforgeryToken();
        var reviewToken = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.ConcurrencyToken).SingleAsync());

        var stage = await tm.GetAsync($"/reviews/{review}/stages/preparation");
        Assert.Equal(HttpStatusCode.OK, stage.Status);
        Assert.Empty(stage.Html.QuerySelectorAll("button[type=submit][name=next]"));
        var saved = await tm.PostAsync($"/reviews/{review}/stages/preparation",
            [new("recordToken", Guid.Empty.ToString()), new("f.summaryUpToDate", "no"), new("f.chronology[0].event", "Changed by a learner")], token);
        AssertRefused(saved);

        var people = await tm.GetAsync($"/reviews/{review}/participants");
        Assert.Equal(HttpStatusCode.OK, people.Status);
        Assert.Empty(people.Html.QuerySelectorAll("form[action$='/remove']"));
        var added = await tm.PostAsync($"/reviews/{review}/participants",
            [new("Form.Kind", "external"), new("Form.Name", "Someone Else"), new("Form.Role", "Learner")], token);
        AssertRefused(added);
        var removed = await tm.PostAsync($"/reviews/{review}/participants/{facilitator}/remove", [], token);
        AssertRefused(removed);

        var sentBack = await tm.PostAsync($"/reviews/{review}/send-back", [new("reviewToken", reviewToken.ToString()), new("reason", "Not ready")], token);
        Assert.Contains("cannot", (await tm.FollowAsync(sentBack)).Text, StringComparison.OrdinalIgnoreCase);
        await tm.PostAsync($"/reviews/{review}/withdraw", [new("reviewToken", reviewToken.ToString()), new("reason", "No longer needed")], token);

        var after = await app.WithDbAsync(db => db.Reviews.Include(r => r.Participants).Include(r => r.Stages).SingleAsync(r => r.Id == review));
        Assert.Equal(ReviewStatus.InProgress, after.Status);
        Assert.Equal("preparation", after.CurrentStageKey);
        Assert.Equal(peopleBefore, after.Participants.Count); // nobody added or removed
        Assert.DoesNotContain(after.Stages, s => s.AnswersJson.Contains("Changed by a learner", StringComparison.Ordinal));

        // Every refusal is in the audit log, under the team manager's name.
        var refusals = await app.WithDbAsync(db => db.AuditEvents
            .Where(e => e.Action == AuditActions.AccessDenied && e.UserId == tariq && e.EntityId == review.ToString())
            .Select(e => e.Detail!).ToListAsync());
        Assert.Contains(refusals, d => d.StartsWith("EditStage refused", StringComparison.Ordinal));
        Assert.Equal(2, refusals.Count(d => d.StartsWith("ManagePeople refused", StringComparison.Ordinal)));
        Assert.Equal(2, refusals.Count(d => d.StartsWith("Move refused", StringComparison.Ordinal)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Someone_tied_to_one_family_never_meets_another_familys_label_people_or_rows(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());
        var started = await bm.SubmitAsync("/reviews/start/thematic-review",
        [
            new("CaseLabel", "Family Amber"), new("OtherCaseLabels", "Family Birch"), new("LocalityId", north.ToString()),
            new("Reason", "serviceImprovement"), new("ReasonDetail", "Neglect in families with younger children"),
        ]);
        Assert.True(started.IsRedirect, started.ErrorSummary);
        var review = Guid.Parse(started.Location!.Split('/').Last());
        // Someone from the other family's side, and the practitioner tied to Family Birch; the scoping stage
        // records how each family's circumstances differ.
        await app.WithDbAsync(async db =>
        {
            var r = await db.Reviews.Include(x => x.Cases).ThenInclude(c => c.Case).Include(x => x.Participants).SingleAsync(x => x.Id == review);
            var amber = r.Cases.Single(c => c.Case!.Label == "Family Amber").CaseId;
            var birch = r.Cases.Single(c => c.Case!.Label == "Family Birch").CaseId;
            var priya = await db.Users.SingleAsync(u => u.Email == "practitioner@demo.example");
            db.Participants.Add(new Participant { ReviewId = review, UserId = priya.Id, Name = priya.DisplayName, Role = ReviewRole.Practitioner, CaseId = birch });
            db.Participants.Add(new Participant { ReviewId = review, Name = "Ola Amberworker", Role = ReviewRole.AgencyRepresentative, CaseId = amber });
            r.CurrentStageKey = "scoping";
            r.Status = ReviewStatus.InProgress;
            db.StageRecords.Add(new ReviewStageRecord
            {
                ReviewId = review, StageKey = "scoping", Status = StageStatus.InProgress, StartedAt = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc),
                AnswersJson = """{"themes":[{"theme":"Neglect"}],"differences":[{"case":"Family Amber","differences":"Amber circumstances"},{"case":"Family Birch","differences":"Birch circumstances"}]}""",
            });
            await db.SaveChangesAsync();
            return 0;
        });

        // The business manager oversees the whole review and meets both families.
        Assert.Contains("Amber circumstances", (await bm.GetAsync($"/reviews/{review}/stages/scoping")).Text, StringComparison.Ordinal);

        using var priya = await app.SignedInAsAsync("practitioner@demo.example");
        string[] otherFamily = ["Family Amber", "Amber circumstances", "Ola Amberworker"];
        foreach (var url in new[] { $"/reviews/{review}", $"/reviews/{review}/stages/scoping", $"/reviews/{review}/stages/scoping/check",
                     $"/reviews/{review}/participants", $"/reviews/{review}/outcomes-form", "/" })
        {
            var page = await priya.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.All(otherFamily, secret => Assert.DoesNotContain(secret, page.Text, StringComparison.Ordinal));
        }
        Assert.Contains("Birch circumstances", (await priya.GetAsync($"/reviews/{review}/stages/scoping")).Text, StringComparison.Ordinal);

        foreach (var pdfUrl in new[] { $"/reviews/{review}/record.pdf", $"/reviews/{review}/outcomes-form.pdf" })
        {
            var pdf = PdfReader.Read(await priya.Client.GetByteArrayAsync(pdfUrl));
            var everything = pdf.Text + "\n" + string.Join("\n", pdf.Info.Values);
            Assert.Contains("Family Birch", everything, StringComparison.Ordinal);
            Assert.All(otherFamily, secret => Assert.DoesNotContain(secret, everything, StringComparison.Ordinal));
        }
        var pdfViews = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.ReviewId == review && e.Action == AuditActions.Exported));
        Assert.Equal(2, pdfViews);
    }

    /// <summary>A refusal as the browser meets it: the cookie scheme's Forbid sends it to the access-denied page.</summary>
    private static void AssertRefused(TestBrowser.Page page)
    {
        Assert.True(page.IsRedirect, $"Expected a refusal but got {(int)page.Status}");
        Assert.StartsWith("/account/access-denied", new Uri(new Uri("http://localhost"), page.Location!).AbsolutePath, StringComparison.Ordinal);
    }
}
