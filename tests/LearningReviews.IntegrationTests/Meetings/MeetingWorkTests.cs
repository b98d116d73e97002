using System.Globalization;
using System.Net;
using LearningReviews.Domain.Meetings;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Meetings;

/// <summary>
/// Meetings where people act on them: My work lists an invitee's coming meetings and unanswered invitations,
/// and the registers left to take for those who may take them; the participants list shows each person's
/// answer; the review page's task list says what is next. Never a meeting of a review the user cannot see.
/// </summary>
public sealed class MeetingWorkTests
{
    private static readonly Dictionary<string, string> NoScheduledRuns = new() { ["Email:Dispatch:IntervalSeconds"] = "3600" };

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task My_work_shows_unanswered_invitations_and_registers_to_take_only_on_reviews_the_user_may_see(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider, settings: NoScheduledRuns);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var (review, reference, ids) = await ChildBAsync(app, "tm", "hol", "facilitator");

        // Booked for Tuesday 16 June 2026 (the clock starts on Wednesday 10 June): the Head of Locality, the
        // Team Manager who proposed the review, and a facilitator who takes no part in it are invited.
        var booked = await tm.SubmitAsync($"/reviews/{review}/meetings/new",
        [
            new("Form.Kind", "LearningCircle"), new("date.day", "16"), new("date.month", "6"), new("date.year", "2026"),
            new("Form.Start", "10am"), new("Form.Room", "Room 4, Civic Centre"),
            .. ids.Select(id => new KeyValuePair<string, string>("Form.Invitees", id)),
        ]);
        Assert.True(booked.IsRedirect, booked.ErrorSummary);
        var meeting = await app.WithDbAsync(db => db.Meetings.SingleAsync(m => m.ReviewId == review));

        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var holWork = await hol.GetAsync("/");
        var line = Assert.Single(holWork.Html.QuerySelectorAll(".app-my-meetings tbody tr"));
        Assert.Contains($"Learning circle, {reference}", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tue 16 Jun 2026, 10am", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("No answer yet", line.QuerySelector(".govuk-tag")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/reviews/{review}/meetings/{meeting.Id}", line.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("1 invitation waits for your answer", holWork.Text, StringComparison.Ordinal);

        // The facilitator was invited but may not see the review: My work shows nothing of it.
        using var facilitator = await app.SignedInAsAsync("facilitator@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.GetAsync($"/reviews/{review}")).Status);
        var facilitatorWork = await facilitator.GetAsync("/");
        Assert.Empty(facilitatorWork.Html.QuerySelectorAll(".app-my-meetings"));
        Assert.DoesNotContain(reference, facilitatorWork.Text, StringComparison.Ordinal);

        // The participants list shows answers as words in tags: the Team Manager accepts.
        var participants = await tm.GetAsync($"/reviews/{review}/participants");
        Assert.Contains("No answer yet", RowOf(participants, "Tariq Malik"), StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            var invitee = await db.MeetingInvitees.SingleAsync(i => i.MeetingId == meeting.Id && i.UserId == ids[0]);
            invitee.Response = MeetingResponse.Accepted;
            return await db.SaveChangesAsync();
        });
        participants = await tm.GetAsync($"/reviews/{review}/participants");
        Assert.Contains("Learning circle", participants.Html.QuerySelector("th.app-meeting-answer")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Will attend", RowOf(participants, "Tariq Malik"), StringComparison.Ordinal);
        // An answered invitation no longer waits, but the meeting is still coming.
        var tmWork = await tm.GetAsync("/");
        Assert.Contains("Will attend", Assert.Single(tmWork.Html.QuerySelectorAll(".app-my-meetings tbody tr")).TextContent, StringComparison.Ordinal);
        Assert.Empty(tmWork.Html.QuerySelectorAll(".app-unanswered"));
        Assert.Empty(tmWork.Html.QuerySelectorAll(".app-registers li"));
        var details = await tm.GetAsync($"/reviews/{review}");
        Assert.Contains("Learning circle, Tuesday 16 June 2026 at 10am", details.Html.QuerySelector(".app-meeting-tasks")!.TextContent, StringComparison.Ordinal);

        // A week later the circle has been held and nobody's attendance is recorded: the Team Manager, who
        // may take the register, is asked to; the facilitator is not.
        app.Clock.Advance(TimeSpan.FromDays(7));
        using var tmLater = await app.SignedInAsAsync("tm@demo.example"); // a week outlives any session
        tmWork = await tmLater.GetAsync("/");
        var register = Assert.Single(tmWork.Html.QuerySelectorAll(".app-registers li"));
        Assert.Contains($"{reference}: Learning circle held 16 June 2026", register.TextContent, StringComparison.Ordinal);
        Assert.Empty(tmWork.Html.QuerySelectorAll(".app-my-meetings"));
        using var facilitatorLater = await app.SignedInAsAsync("facilitator@demo.example");
        var facilitatorLaterWork = await facilitatorLater.GetAsync("/");
        Assert.Equal("My work", facilitatorLaterWork.H1);
        Assert.Empty(facilitatorLaterWork.Html.QuerySelectorAll(".app-registers"));
        details = await tmLater.GetAsync($"/reviews/{review}");
        Assert.Contains("Take the register of a meeting held", details.Text, StringComparison.Ordinal);
        Assert.Contains("None booked", details.Html.QuerySelector(".app-meeting-tasks")!.TextContent, StringComparison.Ordinal);

        // Once the register is taken it leaves My work.
        var shown = await tmLater.GetAsync($"/reviews/{review}/meetings/{meeting.Id}");
        var attendance = await app.WithDbAsync(db => db.MeetingInvitees.Where(i => i.MeetingId == meeting.Id).Select(i => i.Id).ToListAsync());
        var saved = await tmLater.PostAsync($"/reviews/{review}/meetings/{meeting.Id}/attendance",
            attendance.Select(id => new KeyValuePair<string, string>($"attendance[{id}]", "Attended")), shown.AntiforgeryToken());
        Assert.True(saved.IsRedirect);
        Assert.Empty((await tmLater.GetAsync("/")).Html.QuerySelectorAll(".app-registers li"));
    }

    private static string RowOf(TestBrowser.Page page, string name) =>
        page.Html.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent.StartsWith(name, StringComparison.Ordinal)).TextContent;

    private static async Task<(Guid Review, string Reference, List<string> Ids)> ChildBAsync(AppFactory app, params string[] accounts)
    {
        await app.SeedDemoAsync();
        return await app.WithDbAsync(async db =>
        {
            var review = await db.Reviews.Where(r => r.Title.EndsWith("Child B")).Select(r => new { r.Id, r.Reference }).SingleAsync();
            var ids = new List<string>();
            foreach (var account in accounts)
            {
                var email = string.Create(CultureInfo.InvariantCulture, $"{account}@demo.example");
                ids.Add(await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
            }
            return (review.Id, review.Reference, ids);
        });
    }
}
