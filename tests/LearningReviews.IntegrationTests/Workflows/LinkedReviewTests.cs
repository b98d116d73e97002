using System.Net;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>A rapid review's decision starts a linked review of the methodology it chose, about the same children.</summary>
public sealed class LinkedReviewTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_rapid_review_decision_starts_the_review_it_chose(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var rapid = await StartRapidReviewAsync(app, bm);
        var today = app.Today;

        await bm.SaveStageAsync(rapid, "notification", [.. WorkflowClient.Date("notifiedOn", today.AddDays(-3)), new("f.summary", "Serious injury to Child R")]);
        await bm.AdvanceAsync(rapid);
        await bm.BookMeetingAsync(rapid, "RapidReviewMeeting", today, "00:00");
        await bm.SaveStageAsync(rapid, "meeting",
        [
            new("f.facts", "Admitted to hospital"), new("f.immediateAction", "no"),
            new("f.improvements", "Information sharing between health and school"),
        ]);
        await bm.AdvanceAsync(rapid);

        // Before a decision is recorded, nothing is offered.
        Assert.Empty((await bm.GetAsync($"/reviews/{rapid}")).Html.QuerySelectorAll("a[href*='linkedFrom']"));
        await bm.SaveStageAsync(rapid, "decision",
        [
            new("f.decision", "practitioner-learning-review"), new("f.reasons", "Scope for learning about information sharing"),
            .. WorkflowClient.Date("decidedOn", today), .. WorkflowClient.Date("ratifiedOn", today),
        ]);
        var decided = await bm.AdvanceAsync(rapid);
        var offers = decided.Html.QuerySelectorAll("a[href*='linkedFrom']").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Start a Practitioner Learning Review"], offers);

        // The start page carries the child and locality over.
        var startUrl = $"/reviews/start/practitioner-learning-review?linkedFrom={rapid}";
        var form = await bm.GetAsync(startUrl);
        Assert.Equal("Child R", form.InputValue("CaseLabel"));
        // The business manager who typed the child's case-record number finds it carried over.
        Assert.Equal("CR-88123", form.InputValue("CaseRecordNumber"));
        var rapidReference = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == rapid).Select(r => r.Reference).SingleAsync());
        Assert.Contains($"starts from the decision of {rapidReference}", form.Text, StringComparison.Ordinal);

        var locality = form.Html.QuerySelector("#LocalityId option[selected]");
        Assert.True(locality is not null, form.Html.QuerySelector("#LocalityId")?.OuterHtml);
        var created = await bm.PostAsync("/reviews/start/practitioner-learning-review",
        [
            new("CaseLabel", "Child R"), new("LocalityId", locality.GetAttribute("value")!),
            new("Reason", "serviceImprovement"), new("ReasonDetail", form.TextareaValue("ReasonDetail")!.Trim()),
            new("CaseRecordNumber", form.InputValue("CaseRecordNumber")!), new("LinkedFromReviewId", rapid.ToString()),
        ], form.AntiforgeryToken());
        Assert.True(created.IsRedirect, created.ErrorSummary);
        var linked = Guid.Parse(created.Location!.Split('/').Last());

        var (linkedFrom, sameCase) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == linked).Select(r => r.LinkedFromReviewId).SingleAsync(),
            await db.ReviewCases.Where(rc => rc.ReviewId == linked).Select(rc => rc.CaseId).SingleAsync()
                == await db.ReviewCases.Where(rc => rc.ReviewId == rapid).Select(rc => rc.CaseId).SingleAsync()));
        Assert.Equal(rapid, linkedFrom);
        Assert.True(sameCase, "the linked review should be about the same child record");
        var linkedPage = (await bm.GetAsync($"/reviews/{linked}")).Html.Body!.TextContent;
        Assert.Contains($"Started from {rapidReference}", linkedPage, StringComparison.Ordinal);
        Assert.Contains("CR-88123", linkedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Restricted to managers", linkedPage, StringComparison.Ordinal);
        Assert.Contains("Led to", (await bm.GetAsync($"/reviews/{rapid}")).Html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_review_cannot_be_linked_to_a_methodology_its_decision_did_not_allow(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var rapid = await StartRapidReviewAsync(app, bm);

        // No decision yet; and a learning circle is never a rapid review's outcome.
        Assert.Equal(HttpStatusCode.NotFound, (await bm.GetAsync($"/reviews/start/desktop-review?linkedFrom={rapid}")).Status);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await hol.GetAsync($"/reviews/start/locality-learning-circle?linkedFrom={rapid}")).Status);
    }

    private static async Task<Guid> StartRapidReviewAsync(AppFactory app, TestBrowser bm)
    {
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());
        var started = await bm.SubmitAsync("/reviews/start/rapid-review",
            [new("CaseLabel", "Child R"), new("LocalityId", north.ToString()), new("CaseRecordNumber", "CR-88123"), new("ReasonDetail", "Serious incident notified")]);
        Assert.True(started.IsRedirect, started.ErrorSummary);
        return Guid.Parse(started.Location!.Split('/').Last());
    }
}
