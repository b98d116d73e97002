using LearningReviews.Domain.Meetings;
using System.Globalization;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LearningReviews.IntegrationTests.Workflows.WorkflowClientB;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>A Rapid Review from the serious incident notification to its decision, over HTTP, within its 15 working days.</summary>
public sealed class RapidReviewWalkthroughTests
{
    private const string DeadlineTitle = "Rapid review due (15 working days from the notification)";

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_rapid_review_runs_from_notification_to_its_decision_showing_its_15_working_day_deadline(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var north = await app.LocalityIdAsync("North Locality");
        var people = await app.UserIdsAsync("agency@demo.example", "sm@demo.example");
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var today = app.Today;
        var notified = calendar.AddWorkingDays(today, -3);
        var due = calendar.AddWorkingDays(notified, 15);

        // The Business Manager starts it on the serious incident notification.
        var review = await bm.StartReviewAsync("rapid-review",
        [
            new("CaseLabel", "Child R"), new("LocalityId", north.ToString()), new("CaseRecordNumber", "CR-445566"),
            new("ReasonDetail", "Serious incident notification: a seven-month-old baby admitted to hospital with an unexplained head injury."),
        ]);
        var page = await bm.GetAsync($"/reviews/{review}");
        Assert.Equal("Serious incident notification", page.CurrentStageTitle());
        Assert.Null(page.Deadline(DeadlineTitle)); // counted from the notification date, which is not recorded yet

        // Notification: once its date is recorded, the page shows the due date and the working days left.
        var saved = await bm.SaveStageAsync(review, "notification",
        [
            .. WorkflowClient.Date("notifiedOn", notified),
            new("f.summary", "Child R, aged seven months, was taken to hospital by ambulance with a head injury the parents could not explain."),
        ]);
        await bm.AssertSavedAsync(saved);
        var daysLeft = calendar.WorkingDaysBetween(today, due);
        Assert.InRange(daysLeft, 12, 13); // three working days gone (two when today is not a working day)
        Assert.True(due.DayNumber - notified.DayNumber >= 21, "15 working days span at least three calendar weeks");
        var expected = $"{DeadlineTitle}: {due.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} {daysLeft} working days left";
        Assert.Equal(expected, (await bm.GetAsync($"/reviews/{review}")).Deadline(DeadlineTitle));
        page = await bm.AdvanceAsync(review);
        Assert.Equal("Rapid review meeting", page.CurrentStageTitle());
        Assert.Equal(expected, page.Deadline(DeadlineTitle));

        // The meeting, recorded by the Business Manager: an immediate action without an owner or a date cannot go on.
        var meetingAt = calendar.AddWorkingDays(notified, 2);
        // Booked (on the meetings page) for a day now past.
        await app.RecordEarlierMeetingAsync(review, MeetingKind.RapidReviewMeeting, meetingAt, new TimeOnly(10, 0));
        KeyValuePair<string, string>[] meeting =
        [
            new("f.partners", people["agency@demo.example"]), new("f.partners", people["sm@demo.example"]),
            new("f.facts", "Child R was seen by a health visitor a week before with no concerns noted. Police attended a domestic incident at the address a month earlier."),
            new("f.immediateAction", "yes"),
            new("f.immediateActionDetail", "Child R's two-year-old sibling needs a child protection medical; Police and Children's Social Care are arranging it."),
            new("f.improvements", "Whether domestic incident notifications reach the health visitor for babies under one."),
            new("f.learningShared", "Shared with the designated nurse and the Police safeguarding unit."),
        ];
        saved = await bm.SaveStageAsync(review, "meeting",
            [.. meeting, .. Action(0, "Child protection medical for Child R's sibling", "", null, "Medical completed and findings shared at the strategy meeting")]);
        await bm.AssertSavedAsync(saved);
        var blocked = await bm.GetAsync($"/reviews/{review}");
        Assert.Equal(["Give every action an owner and a due date (1 has not)"], blocked.Missing());
        Assert.False(blocked.OffersAdvance(review));

        // The Police representative, a partner in the meeting, gives the action its owner and date; the Business Manager moves on.
        using var agency = await app.SignedInAsAsync("agency@demo.example");
        var actionId = await agency.StageFormValueAsync(review, "meeting", "act[0].id");
        saved = await agency.SaveStageAsync(review, "meeting",
        [
            .. meeting,
            .. Action(0, "Child protection medical for Child R's sibling", "Andy Agbaje", today.AddDays(2),
                "Medical completed and findings shared at the strategy meeting", actionId),
        ]);
        await agency.AssertSavedAsync(saved);
        page = await bm.AdvanceAsync(review);
        Assert.Equal("Decision on next steps", page.CurrentStageTitle());
        Assert.Equal(expected, page.Deadline(DeadlineTitle));

        // The decision, ratified by the partnership; no linked review is started, and completing it closes the rapid review.
        saved = await bm.SaveStageAsync(review, "decision",
        [
            new("f.decision", "none"),
            new("f.reasons", "The injury was accidental on the medical evidence; the learning about notifications is taken up by the agencies' own processes."),
            .. WorkflowClient.Date("decidedOn", meetingAt), .. WorkflowClient.Date("ratifiedOn", today),
        ]);
        await bm.AssertSavedAsync(saved);
        var closed = await bm.AdvanceAsync(review);
        Assert.Contains("is closed", closed.Text, StringComparison.Ordinal);
        Assert.Null(closed.Deadline(DeadlineTitle));

        var (status, transitions, points, actions, linked) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == review).Select(r => r.Status).SingleAsync(),
            await db.Transitions.Where(t => t.ReviewId == review).OrderBy(t => t.OccurredAt).Select(t => t.Kind).ToListAsync(),
            await db.LearningPoints.CountAsync(p => p.ReviewId == review),
            await db.Actions.Where(a => a.ReviewId == review).Select(a => new { a.Id, a.OwnerName }).ToListAsync(),
            await db.Reviews.CountAsync(r => r.LinkedFromReviewId == review)));
        Assert.Equal(ReviewStatus.Closed, status);
        Assert.Equal([TransitionKind.Started, TransitionKind.Advanced, TransitionKind.Advanced, TransitionKind.Closed], transitions);
        Assert.Equal(0, points);
        var action = Assert.Single(actions);
        Assert.Equal(Guid.Parse(actionId), action.Id); // the same action, given its owner, not a new one
        Assert.Equal("Andy Agbaje", action.OwnerName);
        Assert.Equal(0, linked);
    }
}
