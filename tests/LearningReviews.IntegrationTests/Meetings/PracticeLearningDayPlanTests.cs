using System.Net;
using Ical.Net;
using LearningReviews.IntegrationTests.Email;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LearningReviews.IntegrationTests.Meetings;

/// <summary>
/// The year's Practice Learning Days set ahead by the Service Manager, the warnings while fewer than four are
/// set or none is joint, and save-the-dates sent as iCalendar entries through the real SMTP test server.
/// </summary>
public sealed class PracticeLearningDayPlanTests
{
    private static readonly Dictionary<string, string> NoScheduledRuns = new() { ["Email:Dispatch:IntervalSeconds"] = "3600" };

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_Service_Manager_plans_the_days_and_save_the_dates_arrive_as_ics(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        await using var app = await AppFactory.StartAsync(provider, settings: smtp.Settings().Concat(NoScheduledRuns).ToDictionary(p => p.Key, p => p.Value));
        using var sm = await app.SignedInAsAsync("sm@demo.example");

        // The clock reads 10 June 2026: a day more than 12 months ahead is refused, with what was typed shown again.
        var tooFar = await SubmitWithTokenAsync(sm, "/practice-learning-days/plan/2027", Day(new DateOnly(2027, 7, 1), "Early Help", joint: false));
        Assert.Equal(HttpStatusCode.OK, tooFar.Status);
        Assert.Contains("The date must be within 12 months", tooFar.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Early Help", tooFar.InputValue("Form_ServiceArea"));

        foreach (var (date, area) in new[] { (new DateOnly(2026, 9, 15), "Early Help"), (new DateOnly(2026, 12, 8), "Resources") })
        {
            var added = await SubmitWithTokenAsync(sm, "/practice-learning-days/plan/2026", Day(date, area, joint: false));
            Assert.True(added.IsRedirect, added.ErrorSummary);
        }
        var log = await sm.GetAsync("/practice-learning-days?year=2026");
        Assert.NotNull(log.Html.QuerySelector(".app-too-few"));
        Assert.NotNull(log.Html.QuerySelector(".app-none-joint"));
        Assert.Contains("Save-the-dates not sent", log.Html.QuerySelector(".app-planned")!.TextContent, StringComparison.Ordinal);

        // A page read before the last day was added is stale: its day is refused, not added on top unseen.
        var stale = await sm.GetAsync("/practice-learning-days/plan/2026");
        Assert.True((await SubmitWithTokenAsync(sm, "/practice-learning-days/plan/2026", Day(new DateOnly(2026, 11, 3), "Resources", joint: false))).IsRedirect);
        var refused = await sm.PostAsync("/practice-learning-days/plan/2026",
            [.. Day(new DateOnly(2026, 11, 10), "Resources", joint: false), new("Form.ConcurrencyToken", Token(stale))], stale.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Someone else changed the plan", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.MeetingSlots.CountAsync()));

        var joint = await SubmitWithTokenAsync(sm, "/practice-learning-days/plan/2026", Day(new DateOnly(2026, 10, 20), "Front Door with the Police", joint: true));
        Assert.True(joint.IsRedirect, joint.ErrorSummary);
        log = await sm.GetAsync("/practice-learning-days?year=2026");
        Assert.Null(log.Html.QuerySelector(".app-none-joint"));
        Assert.Null(log.Html.QuerySelector(".app-too-few")); // four set

        var day = await app.WithDbAsync(db => db.MeetingSlots.SingleAsync(s => s.ServiceArea == "Front Door with the Police"));
        var qa = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "qa@demo.example").Select(u => u.Id).SingleAsync());
        var sent = await SubmitWithTokenAsync(sm, $"/practice-learning-days/plan/2026/days/{day.Id}/save-the-dates",
            [new("Form.Invitees", qa), new("Form.Others", "Pat Partner, pat.partner@police.example")]);
        Assert.True(sent.IsRedirect, sent.ErrorSummary);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchDueAsync();
        }
        var messages = await smtp.WaitForAsync(2);
        Assert.Equal(["pat.partner@police.example", "qa@demo.example"], messages.Select(m => ((MailboxAddress)m.To.Single()).Address).Order());
        var toPartner = messages.Single(m => ((MailboxAddress)m.To.Single()).Address == "pat.partner@police.example");
        Assert.StartsWith("Save the date: Practice Learning Day", toPartner.Subject, StringComparison.Ordinal);
        var part = Assert.Single(toPartner.Attachments.OfType<MimePart>(), p => p.FileName == "save-the-date.ics");
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(stream.ToArray()))!;
        var entry = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2026, 10, 20, 9, 30, 0), entry.DtStart!.Value);
        Assert.Equal(new DateTime(2026, 10, 20, 15, 30, 0), entry.DtEnd!.Value); // six hours unless said otherwise
        Assert.Equal(day.CalendarUid, entry.Uid);

        log = await sm.GetAsync("/practice-learning-days?year=2026");
        var line = log.Html.QuerySelectorAll(".app-planned li").Single(l => l.TextContent.Contains("Front Door", StringComparison.Ordinal));
        Assert.Contains("Save-the-dates sent", line.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.MeetingSlots.Where(s => s.Id == day.Id).Select(s => s.SaveTheDatesSent).SingleAsync()));

        // A day taken off the plan leaves three of four: the warning is back.
        var plan = await sm.GetAsync("/practice-learning-days/plan/2026");
        var september = await app.WithDbAsync(db => db.MeetingSlots.SingleAsync(s => s.Date == new DateOnly(2026, 9, 15)));
        var removed = await sm.PostAsync($"/practice-learning-days/plan/2026/days/{september.Id}/remove",
            [new("concurrencyToken", september.ConcurrencyToken.ToString())], plan.AntiforgeryToken());
        Assert.True(removed.IsRedirect);
        Assert.Equal(3, await app.WithDbAsync(db => db.MeetingSlots.CountAsync()));
        Assert.NotNull((await sm.GetAsync("/practice-learning-days?year=2026")).Html.QuerySelector(".app-too-few"));

        // The QA Team Manager reads the plan but does not change it.
        using var qaBrowser = await app.SignedInAsAsync("qa@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await qaBrowser.GetAsync("/practice-learning-days/plan/2026")).Status);
        var notHers = await qaBrowser.GetAsync($"/practice-learning-days/plan/2026/days/{day.Id}/save-the-dates");
        Assert.True(notHers.IsRedirect);
        Assert.Equal(HttpStatusCode.Forbidden, (await qaBrowser.FollowAsync(notHers)).Status);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_Practice_Learning_Day_review_takes_a_day_of_the_plan_and_a_circle_is_not_offered_it(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider, settings: NoScheduledRuns);
        await app.SeedDemoAsync();
        using var sm = await app.SignedInAsAsync("sm@demo.example");
        Assert.True((await SubmitWithTokenAsync(sm, "/practice-learning-days/plan/2026", Day(new DateOnly(2026, 10, 20), "Front Door with the Police", joint: true))).IsRedirect);
        var planned = await app.WithDbAsync(db => db.MeetingSlots.SingleAsync());
        var (day, circle) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.MethodologyKey == "practice-learning-day").Select(r => r.Id).FirstAsync(),
            await db.Reviews.Where(r => r.Title.EndsWith("Child B")).Select(r => r.Id).SingleAsync()));

        // The day's booking page offers the plan's day, with its service area and that it is joint.
        var form = await sm.GetAsync($"/reviews/{day}/meetings/new?kind=PracticeLearningDay");
        var shown = form.Html.Body!.TextContent;
        Assert.Contains("Take a day set in the year's Practice Learning Day plan", shown, StringComparison.Ordinal);
        Assert.Contains("Tuesday 20 October 2026, 9:30am to 3:30pm, Council Chamber, Front Door with the Police, held jointly with partners", shown, StringComparison.Ordinal);

        // Choosing it as another kind of meeting is refused; as the day, it becomes the review's day and leaves the free list.
        var wrongKind = await sm.SubmitAsync($"/reviews/{day}/meetings/new", [new("Form.Kind", "PlanningMeeting"), new("Form.SlotId", planned.Id.ToString())]);
        Assert.Equal(HttpStatusCode.OK, wrongKind.Status);
        Assert.Contains("A date booked ahead is for a practice learning day", wrongKind.ErrorSummary, StringComparison.Ordinal);
        var qa = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "qa@demo.example").Select(u => u.Id).SingleAsync());
        var taken = await sm.SubmitAsync($"/reviews/{day}/meetings/new",
            [new("Form.Kind", "PracticeLearningDay"), new("Form.SlotId", planned.Id.ToString()), new("Form.Invitees", qa)]);
        Assert.True(taken.IsRedirect, taken.ErrorSummary);
        var meeting = await app.WithDbAsync(db => db.Meetings.SingleAsync(m => m.ReviewId == day && m.Date == new DateOnly(2026, 10, 20)));
        Assert.Equal((LearningReviews.Domain.Meetings.MeetingKind.PracticeLearningDay, new TimeOnly(9, 30), 360, "Council Chamber"),
            (meeting.Kind, meeting.Start, meeting.DurationMinutes, meeting.Room));
        Assert.Equal(meeting.Id, await app.WithDbAsync(db => db.MeetingSlots.Where(s => s.Id == planned.Id).Select(s => s.MeetingId).SingleAsync()));
        var line = (await sm.GetAsync("/practice-learning-days?year=2026")).Html.QuerySelector(".app-planned li")!.TextContent;
        Assert.Contains("Taken by a Practice Learning Day review", line, StringComparison.Ordinal);

        // A learning circle review is never offered a planned day, and cannot take one by posting its id.
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        Assert.True((await SubmitWithTokenAsync(sm, "/practice-learning-days/plan/2026", Day(new DateOnly(2026, 11, 17), "Resources", joint: false))).IsRedirect);
        var november = await app.WithDbAsync(db => db.MeetingSlots.SingleAsync(s => s.MeetingId == null));
        Assert.DoesNotContain("17 November 2026", (await tm.GetAsync($"/reviews/{circle}/meetings/new")).Text, StringComparison.Ordinal);
        var forged = await tm.SubmitAsync($"/reviews/{circle}/meetings/new",
            [new("Form.Kind", "LearningCircle"), new("Form.SlotId", november.Id.ToString()), new("Form.Invitees", qa)]);
        Assert.Contains("That date is no longer free", forged.ErrorSummary, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.MeetingSlots.Where(s => s.Id == november.Id).Select(s => s.MeetingId).SingleAsync()));
    }

    /// <summary>Posts a form as a browser would: the fields typed, plus the page's antiforgery and concurrency tokens.</summary>
    private static async Task<TestBrowser.Page> SubmitWithTokenAsync(TestBrowser browser, string url, List<KeyValuePair<string, string>> fields)
    {
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await browser.PostAsync(url, [.. fields, new("Form.ConcurrencyToken", Token(page))], page.AntiforgeryToken());
    }

    private static string Token(TestBrowser.Page page) =>
        page.Html.QuerySelector("input[name='Form.ConcurrencyToken']")?.GetAttribute("value") ?? "";

    private static List<KeyValuePair<string, string>> Day(DateOnly date, string area, bool joint) =>
    [
        new("date.day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("date.month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("date.year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Form.ServiceArea", area), new("Form.Joint", joint ? "yes" : "no"), new("Form.Room", "Council Chamber"),
    ];
}
