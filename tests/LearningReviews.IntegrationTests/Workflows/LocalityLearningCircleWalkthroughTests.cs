using System.Net;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>A Locality Learning Circle from proposal to closure, over HTTP, as the people who act at each stage.</summary>
public sealed class LocalityLearningCircleWalkthroughTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_learning_circle_runs_from_proposal_to_closure(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var (north, practitionerId, learnerId) = await app.WithDbAsync(async db => (
            await db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == "practitioner@demo.example").Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == "facilitator@demo.example").Select(u => u.Id).SingleAsync()));
        var started = await hol.SubmitAsync("/reviews/propose",
        [
            new("CaseLabel", "Child W"), new("LocalityId", north.ToString()), new("Reason", "turning-point"), new("ReasonDetail", "Moved school twice"),
        ]);
        var review = Guid.Parse(started.Location!.Split('/').Last());
        var today = app.Today;

        // Proposal: the Head of Locality records the meeting's decision; "not agreed" keeps it here.
        await hol.SaveStageAsync(review, "proposal", [.. WorkflowClient.Date("meetingDate", today), new("f.decision", "not-agreed")]);
        var blocked = await hol.GetAsync($"/reviews/{review}");
        Assert.Contains("The Locality Management Meeting has not agreed the learning circle", blocked.Text, StringComparison.Ordinal);
        Assert.Null(blocked.Html.QuerySelector($"form[action='/reviews/{review}/advance']"));
        await hol.SaveStageAsync(review, "proposal", [.. WorkflowClient.Date("meetingDate", today), new("f.decision", "agreed")]);
        Assert.Equal("Before the learning circle", (await hol.AdvanceAsync(review)).CurrentStageTitle());

        // Preparation, by the Team Manager: people, documents and a booked circle (earlier today, so it can be held).
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var unbooked = await tm.GetAsync($"/reviews/{review}/stages/preparation");
        Assert.Contains("Not booked yet", unbooked.Html.GetElementById("f_circleAt")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/reviews/{review}/meetings/new?kind=LearningCircle", unbooked.Html.QuerySelector("#f_circleAt a")!.GetAttribute("href"));
        // The circle is booked on the meetings page (earlier today, so it can be held); the stage form shows the booking.
        await tm.BookMeetingAsync(review, "LearningCircle", today, "00:00", learnerId);
        var saved = await tm.SaveStageAsync(review, "preparation",
        [
            .. WorkflowClient.Date("practitionersNotified", today), new("f.practitioners", practitionerId), new("f.summaryUpToDate", "yes"),
            .. WorkflowClient.Date("chronology[0].date", today.AddDays(-30)), new("f.chronology[0].event", "Moved school"),
            new("f.learners", learnerId), new("f.venue", "Room 4"),
            .. WorkflowClient.Date("invitationsSent", today),
        ]);
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        // People chosen in a stage's person fields join the review, and the audit log says so as it does for the participants page.
        var joined = await app.WithDbAsync(db => db.AuditEvents
            .Where(e => e.ReviewId == review && e.Action == LearningReviews.Domain.Auditing.AuditActions.Created && e.EntityType == "Participant")
            .Select(e => e.Detail).ToListAsync());
        Assert.Contains("Added as Practitioner (stage field)", joined);
        Assert.Contains("Added as Learner (stage field)", joined);
        Assert.Equal("The learning circle", (await tm.AdvanceAsync(review)).CurrentStageTitle());

        // The circle's attendance starts from the people chosen before it (practitioners, then learners), each
        // with the attendance still to choose, so nobody types the invitees' names again.
        var circleForm = await hol.GetAsync($"/reviews/{review}/stages/circle");
        Assert.Equal("Priya Shah", circleForm.Html.QuerySelector("input[name='f.attendance[0].name']")?.GetAttribute("value"));
        Assert.Equal("Fran Ellis", circleForm.Html.QuerySelector("input[name='f.attendance[1].name']")?.GetAttribute("value"));
        Assert.Null(circleForm.Html.QuerySelector("select[name='f.attendance[0].attended'] option[selected]:not([value=''])"));
        Assert.Equal("", circleForm.Html.QuerySelector("input[name='f.attendance[2].name']")?.GetAttribute("value") ?? "");
        // An action's owner is chosen from the same people as the pickers (the review's own first), never the administrator.
        var owners = circleForm.Html.QuerySelectorAll("select[name='act[0].ownerUser'] optgroup").ToList();
        Assert.Equal(["People in this review", "Everyone else"], owners.Select(g => g.GetAttribute("label")));
        Assert.StartsWith("Fran Ellis (", owners[0].QuerySelector("option")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Admin", circleForm.Html.QuerySelector("select[name='act[0].ownerUser']")!.TextContent, StringComparison.Ordinal);

        // The circle, chaired by the Head of Locality: one learning point, two actions with owners and due dates
        // (one owner chosen from the accounts, one typed for someone without an account), attendance.
        saved = await hol.SaveStageAsync(review, "circle",
        [
            new("checklist", "checkIn"), new("checklist", "groundRules"), new("checklist", "reasonsShared"), new("checklist", "checkOut"),
            new("f.timekeeper", learnerId), new("f.areasOfFocus", "Understand the moves between schools"),
            new("f.overview", "Two moves in a year"), new("lp[0].id", ""), new("lp[0].text", "Ask the child about school moves"),
            new("act[0].id", ""), new("act[0].what", "Add school moves to the assessment"), new("act[0].owner", "Tariq Malik"),
            .. WorkflowClientB.ActionDue(0, today.AddDays(30)), new("act[0].impact", "Audit in three months"),
            new("act[1].id", ""), new("act[1].what", "Ask the school for its transfer records"), new("act[1].ownerUser", learnerId), new("act[1].owner", ""),
            .. WorkflowClientB.ActionDue(1, today.AddDays(14)), new("act[1].impact", "Records on file"),
            new("f.attendance[0].name", "Priya Shah"), new("f.attendance[0].attended", "yes"),
            new("f.attendance[1].name", "Fran Ellis"), new("f.attendance[1].attended", "apologies"),
        ]);
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        // Opened again, the chosen owner is chosen in the list and the typed one is in the name box.
        var reopened = await hol.GetAsync($"/reviews/{review}/stages/circle");
        Assert.Single(reopened.Html.QuerySelectorAll($"select[name$='.ownerUser'] option[value='{learnerId}'][selected]"));
        Assert.Single(reopened.Html.QuerySelectorAll("input[name$='.owner'][value='Tariq Malik']"));
        Assert.Equal("After the learning circle", (await hol.AdvanceAsync(review)).CurrentStageTitle());

        // After: shared, case note recorded, themes; then the review closes.
        await tm.SaveStageAsync(review, "after",
        [
            .. WorkflowClient.Date("sharedWithLearners", today), .. WorkflowClient.Date("caseNoteDate", today),
            new("f.caseNoteBy", "Tariq Malik"), new("f.themes", "School moves and education"),
        ]);
        var closed = await tm.AdvanceAsync(review);
        Assert.Contains("is closed", closed.Text, StringComparison.Ordinal);

        var (status, transitions, points, actions) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == review).Select(r => r.Status).SingleAsync(),
            await db.Transitions.Where(t => t.ReviewId == review).OrderBy(t => t.OccurredAt).Select(t => t.Kind).ToListAsync(),
            await db.LearningPoints.CountAsync(p => p.ReviewId == review),
            await db.Actions.Where(a => a.ReviewId == review).OrderBy(a => a.OwnerName).Select(a => new { a.OwnerName, a.OwnerUserId }).ToListAsync()));
        Assert.Equal(ReviewStatus.Closed, status);
        Assert.Equal([TransitionKind.Started, TransitionKind.Advanced, TransitionKind.Advanced, TransitionKind.Advanced, TransitionKind.Closed], transitions);
        Assert.Equal(1, points);
        // The chosen owner is kept by account and by name; the typed one by name only.
        Assert.Equal([("Fran Ellis", (string?)learnerId), ("Tariq Malik", null)], actions.Select(a => (a.OwnerName!, a.OwnerUserId)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Two_people_advancing_at_once_cannot_both_succeed(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        using var sm = await app.SignedInAsAsync("hol@demo.example"); // the same review open in a second browser
        var review = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child A")).Select(r => r.Id).SingleAsync());
        await hol.SaveStageAsync(review, "proposal", [.. WorkflowClient.Date("meetingDate", app.Today), new("f.decision", "agreed")]);

        // Both read the page with the same token, then both press the button.
        var holPage = await hol.GetAsync($"/reviews/{review}");
        var token = holPage.Html.QuerySelector("input[name=reviewToken]")!.GetAttribute("value")!;
        var first = await hol.PostAsync($"/reviews/{review}/advance", [new("reviewToken", token)], holPage.AntiforgeryToken());
        var smPage = await sm.GetAsync($"/reviews/{review}/stages/proposal");
        var second = await sm.PostAsync($"/reviews/{review}/advance", [new("reviewToken", token)], smPage.AntiforgeryToken());

        Assert.Contains("Next: Before the learning circle", (await hol.FollowAsync(first)).Text, StringComparison.Ordinal);
        var refused = await sm.FollowAsync(second);
        Assert.Contains("Someone else changed this review while you were looking at it", refused.Text, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Transitions.CountAsync(t => t.ReviewId == review && t.Kind == TransitionKind.Advanced)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Sending_back_needs_a_reason_and_is_recorded(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var review = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child B")).Select(r => r.Id).SingleAsync());
        var page = await tm.GetAsync($"/reviews/{review}");
        var token = page.Html.QuerySelector($"form[action='/reviews/{review}/send-back'] input[name=reviewToken]")!.GetAttribute("value")!;

        var noReason = await tm.PostAsync($"/reviews/{review}/send-back", [new("reviewToken", token), new("reason", " ")], page.AntiforgeryToken());
        Assert.Equal(System.Net.HttpStatusCode.OK, noReason.Status);
        Assert.Contains("Enter why the review is being sent back", noReason.ErrorSummary, StringComparison.Ordinal);

        var sent = await tm.FollowAsync(await tm.PostAsync($"/reviews/{review}/send-back", [new("reviewToken", token), new("reason", "Meeting minutes missing")], page.AntiforgeryToken()));
        Assert.Equal("Proposal at the Locality Management Meeting", sent.CurrentStageTitle());
        Assert.Contains("Meeting minutes missing", sent.Text, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Someone_without_a_role_at_the_stage_is_offered_no_moves_and_is_refused(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        var review = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child A")).Select(r => r.Id).SingleAsync());

        var page = await practitioner.GetAsync($"/reviews/{review}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Html.QuerySelector("input[name=reviewToken]"));
        var stage = await practitioner.GetAsync($"/reviews/{review}/stages/proposal");
        var post = await practitioner.PostAsync($"/reviews/{review}/stages/proposal", [new("f.decision", "agreed"), new("recordToken", Guid.Empty.ToString())], stage.AntiforgeryToken());
        Assert.True(post.IsRedirect && post.Location!.Contains("access-denied", StringComparison.Ordinal));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Bad_answers_are_shown_again_with_what_was_typed(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var review = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child A")).Select(r => r.Id).SingleAsync());
        var tooLong = string.Join(' ', Enumerable.Repeat("word", 301));

        var page = await hol.SaveStageAsync(review, "proposal",
            [new("f.meetingDate.day", "31"), new("f.meetingDate.month", "2"), new("f.meetingDate.year", "2026"), new("f.decisionNotes", tooLong)]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("'Date of the Locality Management Meeting' must be a real date", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("'Notes on the decision' must be 300 words or fewer (it has 301)", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("31", page.InputValue("f_meetingDate"));
        Assert.Equal(tooLong, page.TextareaValue("f_decisionNotes"));
    }
}
