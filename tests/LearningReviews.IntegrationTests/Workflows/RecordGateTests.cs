using System.Text.Json.Nodes;
using LearningReviews.Domain.Meetings;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>
/// A stage's meeting is its booking on the meetings page: booked, the gate holds; cancelled, it does not. A
/// circle typed on the form before that (an older review) becomes a meeting at startup, once.
/// </summary>
public sealed class RecordGateTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_booked_circle_lets_the_preparation_go_on_and_a_cancelled_one_does_not(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var (review, tm, learner) = await PreparedCircleAsync(app);
        using var _ = tm;
        var page = await tm.GetAsync($"/reviews/{review}");
        Assert.Equal(["Book the learning circle"], page.Missing());

        var meeting = await tm.BookMeetingAsync(review, "LearningCircle", app.Today.AddDays(7), "10am", learner);
        page = await tm.GetAsync($"/reviews/{review}");
        Assert.Empty(page.Missing());
        Assert.True(page.OffersAdvance(review));
        // The form shows the booking, with a way to see or change it.
        var form = await tm.GetAsync($"/reviews/{review}/stages/preparation");
        Assert.Contains("17 June 2026 at 10:00", form.Html.GetElementById("f_circleAt")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/reviews/{review}/meetings/{meeting}", form.Html.QuerySelector("#f_circleAt a")!.GetAttribute("href"));

        var shown = await tm.GetAsync($"/reviews/{review}/meetings/{meeting}");
        var token = shown.Html.QuerySelector("form[action$='/cancel'] input[name=concurrencyToken]")!.GetAttribute("value")!;
        var cancelled = await tm.PostAsync($"/reviews/{review}/meetings/{meeting}/cancel", [new("concurrencyToken", token)], shown.AntiforgeryToken());
        Assert.True(cancelled.IsRedirect, cancelled.ErrorSummary);
        page = await tm.GetAsync($"/reviews/{review}");
        Assert.Equal(["Book the learning circle"], page.Missing());
        Assert.False(page.OffersAdvance(review));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_circle_typed_on_the_form_becomes_one_meeting_however_often_the_data_step_runs(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var (review, tm, _) = await PreparedCircleAsync(app);
        using var __ = tm;
        // As an older version of the form saved it: the circle's date and time typed, and the room in the venue box.
        await app.WithDbAsync(async db =>
        {
            var record = await db.StageRecords.SingleAsync(s => s.ReviewId == review && s.StageKey == "preparation");
            var answers = JsonNode.Parse(record.AnswersJson)!.AsObject();
            answers["circleAt"] = "2026-06-17T14:30";
            record.AnswersJson = answers.ToJsonString();
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(["Book the learning circle"], (await tm.GetAsync($"/reviews/{review}")).Missing());

        var emailsBefore = await app.WithDbAsync(db => db.EmailOutbox.CountAsync());
        Assert.Equal(1, await MoveTypedDatesAsync(app));
        Assert.Equal(0, await MoveTypedDatesAsync(app));

        var (meetings, audit) = await app.WithDbAsync(async db => (
            await db.Meetings.Where(m => m.ReviewId == review).Include(m => m.Invitees).ToListAsync(),
            await db.AuditEvents.Where(e => e.ReviewId == review && e.EntityType == "Meeting").Select(e => new { e.Action, e.UserId, e.UserName, e.Detail }).ToListAsync()));
        var meeting = Assert.Single(meetings);
        Assert.Equal((MeetingKind.LearningCircle, new DateOnly(2026, 6, 17), new TimeOnly(14, 30), 60, "Room 4"),
            (meeting.Kind, meeting.Date, meeting.Start, meeting.DurationMinutes, meeting.Room));
        Assert.Empty(meeting.Invitees);
        var entry = Assert.Single(audit);
        Assert.Equal(("Created", null, "system"), (entry.Action, entry.UserId, entry.UserName));
        // No invitation went out for it.
        Assert.Equal(emailsBefore, await app.WithDbAsync(db => db.EmailOutbox.CountAsync()));

        // The review reads the booking as it read the typed date.
        var page = await tm.GetAsync($"/reviews/{review}");
        Assert.Empty(page.Missing());
        Assert.Contains("17 June 2026 at 14:30, Room 4", (await tm.GetAsync($"/reviews/{review}/stages/preparation")).Html.GetElementById("f_circleAt")!.TextContent,
            StringComparison.Ordinal);
    }

    private static async Task<int> MoveTypedDatesAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TypedMeetingDates>().MoveAsync();
    }

    /// <summary>A learning circle at "Before the learning circle" with everything recorded but the circle's booking.</summary>
    private static async Task<(Guid Review, TestBrowser Tm, string Learner)> PreparedCircleAsync(AppFactory app)
    {
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var north = await app.LocalityIdAsync("North Locality");
        var people = await app.UserIdsAsync("practitioner@demo.example", "facilitator@demo.example");
        var started = await hol.SubmitAsync("/reviews/propose",
            [new("CaseLabel", "Child T"), new("LocalityId", north.ToString()), new("Reason", "turning-point"), new("ReasonDetail", "Moved school twice")]);
        var review = Guid.Parse(started.Location!.Split('/').Last());
        var today = app.Today;
        await hol.SaveStageAsync(review, "proposal", [.. WorkflowClient.Date("meetingDate", today), new("f.decision", "agreed")]);
        await hol.AdvanceAsync(review);
        var tm = await app.SignedInAsAsync("tm@demo.example");
        var saved = await tm.SaveStageAsync(review, "preparation",
        [
            .. WorkflowClient.Date("practitionersNotified", today), new("f.practitioners", people["practitioner@demo.example"]), new("f.summaryUpToDate", "yes"),
            .. WorkflowClient.Date("chronology[0].date", today.AddDays(-30)), new("f.chronology[0].event", "Moved school"),
            new("f.learners", people["facilitator@demo.example"]), new("f.venue", "Room 4"), .. WorkflowClient.Date("invitationsSent", today),
        ]);
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        return (review, tm, people["facilitator@demo.example"]);
    }
}
