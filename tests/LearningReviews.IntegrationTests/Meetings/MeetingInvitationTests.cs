using System.Net;
using Ical.Net;
using LearningReviews.Domain.Meetings;
using LearningReviews.IntegrationTests.Email;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Features.Email;
using LearningReviews.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LearningReviews.IntegrationTests.Meetings;

/// <summary>
/// Booking a review's meetings and the email they cause, against the real SMTP test server: the iCalendar
/// invitation read back with Ical.Net, answers from the email links, reminders on a controlled clock.
/// </summary>
public sealed class MeetingInvitationTests
{
    private static readonly Dictionary<string, string> NoScheduledRuns = new() { ["Email:Dispatch:IntervalSeconds"] = "3600" };

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Invitations_arrive_as_a_REQUEST_then_a_higher_SEQUENCE_after_a_change_then_a_CANCEL(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        await using var app = await StartAsync(provider, smtp);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var (review, facilitator) = await ChildBAsync(app);

        var booked = await tm.SubmitAsync($"/reviews/{review}/meetings/new", Booking("LearningCircle", new DateOnly(2026, 6, 16), "10am", facilitator));
        Assert.True(booked.IsRedirect, booked.ErrorSummary);
        var page = await tm.FollowAsync(booked);
        Assert.Contains("Learning circle booked. Invitations are on their way to 2 people.", page.Text, StringComparison.Ordinal);

        await DispatchAsync(app);
        var first = await smtp.WaitForAsync(2);
        var toLay = first.Single(m => To(m) == "lay.member@example.org");
        Assert.StartsWith("Invitation: Learning circle, LR-", toLay.Subject, StringComparison.Ordinal);
        // Email leaves the partnership: the review's reference, never the child.
        Assert.DoesNotContain("Child B", toLay.TextBody + toLay.HtmlBody + Ics(toLay).Text, StringComparison.Ordinal);
        var request = Ics(toLay);
        Assert.Equal("text/calendar", request.ContentType.MimeType);
        Assert.Equal("REQUEST", request.ContentType.Parameters["method"]);
        var calendar = Calendar.Load(request.Text)!;
        Assert.Equal("REQUEST", calendar.Method);
        var invitation = Assert.Single(calendar.Events);
        Assert.Equal(0, invitation.Sequence);
        Assert.Equal("Europe/London", invitation.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 6, 16, 10, 0, 0), invitation.DtStart.Value);
        Assert.Equal(new DateTime(2026, 6, 16, 11, 0, 0), invitation.DtEnd!.Value); // a circle lasts an hour unless said otherwise
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/London");
        Assert.Equal("mailto:lay.member@example.org", Assert.Single(invitation.Attendees).Value!.ToString());
        var uid = invitation.Uid;
        Assert.Equal(uid, Calendar.Load(Ics(first.Single(m => To(m) == "facilitator@demo.example")).Text)!.Events.Single().Uid);

        var meeting = await app.WithDbAsync(db => db.Meetings.SingleAsync(m => m.ReviewId == review));
        var changeUrl = $"/reviews/{review}/meetings/{meeting.Id}/change";
        var form = await tm.GetAsync(changeUrl);
        var changed = await tm.PostAsync(changeUrl,
            [.. Booking("LearningCircle", new DateOnly(2026, 6, 16), "11:30", facilitator), new("Form.ConcurrencyToken", form.InputValue("Form_ConcurrencyToken") ?? meeting.ConcurrencyToken.ToString())],
            form.AntiforgeryToken());
        Assert.True(changed.IsRedirect, changed.ErrorSummary);
        await DispatchAsync(app);
        var second = (await smtp.WaitForAsync(4)).Where(m => !first.Any(f => f.MessageId == m.MessageId)).ToList();
        var update = Calendar.Load(Ics(second.Single(m => To(m) == "lay.member@example.org")).Text)!;
        Assert.Equal("REQUEST", update.Method);
        Assert.Equal(uid, update.Events.Single().Uid);
        Assert.Equal(1, update.Events.Single().Sequence);
        Assert.Equal(new DateTime(2026, 6, 16, 11, 30, 0), update.Events.Single().DtStart!.Value);

        var shown = await tm.GetAsync($"/reviews/{review}/meetings/{meeting.Id}");
        var cancelled = await tm.PostAsync($"/reviews/{review}/meetings/{meeting.Id}/cancel",
            [new("concurrencyToken", shown.Html.QuerySelector("input[name=concurrencyToken]")!.GetAttribute("value")!)], shown.AntiforgeryToken());
        Assert.True(cancelled.IsRedirect);
        await DispatchAsync(app);
        var third = (await smtp.WaitForAsync(6)).Where(m => (m.Subject ?? "").StartsWith("Cancelled:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, third.Count);
        var cancel = Ics(third.Single(m => To(m) == "lay.member@example.org"));
        Assert.Equal("CANCEL", cancel.ContentType.Parameters["method"]);
        var cancelCalendar = Calendar.Load(cancel.Text)!;
        Assert.Equal("CANCEL", cancelCalendar.Method);
        Assert.Equal(uid, cancelCalendar.Events.Single().Uid);
        Assert.Equal(2, cancelCalendar.Events.Single().Sequence);
        Assert.Equal("CANCELLED", cancelCalendar.Events.Single().Status);

        var audited = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.ReviewId == review && e.EntityType == nameof(Meeting))
            .Select(e => e.Action).ToListAsync());
        Assert.Contains("Created", audited);
        Assert.Equal(2, audited.Count(a => a == "Updated"));
        Assert.Contains("Viewed", audited);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_answer_link_records_the_answer_once_and_a_forged_or_reused_token_is_refused(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        await using var app = await StartAsync(provider, smtp);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var (review, facilitator) = await ChildBAsync(app);
        Assert.True((await tm.SubmitAsync($"/reviews/{review}/meetings/new", Booking("LearningCircle", new DateOnly(2026, 6, 16), "10am", facilitator))).IsRedirect);
        await DispatchAsync(app);
        var toLay = (await smtp.WaitForAsync(2)).Single(m => To(m) == "lay.member@example.org");
        var accept = LinkAfter(toLay.TextBody ?? "", "I will attend");
        var decline = LinkAfter(toLay.TextBody ?? "", "I cannot attend");

        using var lay = new TestBrowser(app.NewBrowser()); // not signed in
        var token = Query(accept, "t");
        var forged = await lay.GetAsync(accept.Replace(token, token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA"), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Contains("not a valid answer link", forged.Text, StringComparison.Ordinal);
        var made = await lay.GetAsync("/meetings/answer?t=" + Uri.EscapeDataString(Convert.ToBase64String(Guid.NewGuid().ToByteArray())) + "&a=accept");
        Assert.Equal(HttpStatusCode.BadRequest, made.Status);

        var confirm = await lay.GetAsync(accept);
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Equal(MeetingResponse.NoAnswer, await ResponseAsync(app, "lay.member@example.org")); // opening the link records nothing
        var answered = await lay.PostAsync("/meetings/answer", [new("t", token), new("a", "accept")], confirm.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Contains("We have recorded that you will attend", answered.Text, StringComparison.Ordinal);
        Assert.Equal(MeetingResponse.Accepted, await ResponseAsync(app, "lay.member@example.org"));

        // The same token again, by the same link or another of the three, changes nothing.
        var reused = await lay.PostAsync("/meetings/answer", [new("t", token), new("a", "decline")], confirm.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.Gone, reused.Status);
        Assert.Contains("already been used", reused.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await lay.GetAsync(decline)).Status);
        Assert.Equal(MeetingResponse.Accepted, await ResponseAsync(app, "lay.member@example.org"));

        // The answer shows on the meeting page; the register is someone else's job than a practitioner's.
        var meeting = await app.WithDbAsync(db => db.Meetings.SingleAsync(m => m.ReviewId == review));
        var page = await tm.GetAsync($"/reviews/{review}/meetings/{meeting.Id}");
        var row = page.Html.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Lay Member", StringComparison.Ordinal));
        Assert.Contains("Will attend", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 will attend", page.Text, StringComparison.Ordinal);
        // Someone who may not see the review sees none of its meetings and books none.
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/reviews/{review}/meetings")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/reviews/{review}/meetings/{meeting.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/reviews/{review}/meetings/new")).Status);

        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action.StartsWith("MeetingAnswer")).Select(e => e.Action).ToListAsync());
        Assert.Equal(1, audit.Count(a => a == MeetingAnswerController.AnsweredAction));
        Assert.True(audit.Count(a => a == MeetingAnswerController.RefusedAction) >= 4);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_double_booked_room_is_warned_about_and_the_reminder_goes_on_the_working_day_before(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        await using var app = await StartAsync(provider, smtp);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var (review, facilitator) = await ChildBAsync(app);
        var monday = new DateOnly(2026, 6, 15); // the clock starts on Wednesday 10 June
        Assert.True((await tm.SubmitAsync($"/reviews/{review}/meetings/new", Booking("LearningCircle", monday, "10am", facilitator))).IsRedirect);

        // The same room at 10:30 overlaps: the page warns and books nothing until told to.
        var clash = await tm.SubmitAsync($"/reviews/{review}/meetings/new", Booking("PlanningMeeting", monday, "10:30am", facilitator));
        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains("Room 4, Civic Centre is already booked at an overlapping time", clash.ErrorSummary, StringComparison.Ordinal);
        // (Counted in this review: the demo data books meetings of its own.)
        Assert.Equal(1, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.ReviewId == review)));
        // At 11:00, as the circle ends, it does not.
        Assert.True((await tm.SubmitAsync($"/reviews/{review}/meetings/new", Booking("PlanningMeeting", monday, "11am", facilitator))).IsRedirect);
        var anyway = await tm.SubmitAsync($"/reviews/{review}/meetings/new", [.. Booking("StaffMeeting", monday, "10:30am", facilitator), new("Form.BookAnyway", "true")]);
        Assert.True(anyway.IsRedirect, anyway.ErrorSummary);
        Assert.Equal(3, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.ReviewId == review)));

        // The scheduled job may run at any of these moments too (it reads the same clock); either way each
        // meeting is reminded once, on the right day.
        await RemindAsync(app); // Wednesday
        app.Clock.Advance(TimeSpan.FromDays(1));
        await RemindAsync(app); // Thursday
        Assert.Equal(0, await RemindersQueuedAsync(app));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await RemindAsync(app); // Friday, the working day before Monday
        Assert.Equal(6, await RemindersQueuedAsync(app)); // two invitees of each of three meetings
        Assert.Equal(0, await RemindAsync(app)); // once
        Assert.Equal(6, await RemindersQueuedAsync(app));
        Assert.Equal(0, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.ReviewId == review && m.ReminderSentAt == null)));
        await DispatchAsync(app);
        var reminders = (await smtp.WaitForAsync(12)).Where(m => (m.Subject ?? "").StartsWith("Reminder:", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, reminders.Count);
        Assert.Contains(reminders, m => To(m) == "lay.member@example.org" && (m.TextBody ?? "").Contains("Monday 15 June 2026, 10am to 11am", StringComparison.Ordinal));
    }

    private static List<KeyValuePair<string, string>> Booking(string kind, DateOnly date, string start, string facilitator) =>
    [
        new("Form.Kind", kind), new("date.day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("date.month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("date.year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Form.Start", start), new("Form.Room", "Room 4, Civic Centre"), new("Form.Invitees", facilitator),
        new("Form.Others", "Lay Member, lay.member@example.org"),
    ];

    private static async Task<AppFactory> StartAsync(Provider provider, SmtpTestServer smtp)
    {
        var settings = smtp.Settings().Concat(NoScheduledRuns).ToDictionary(p => p.Key, p => p.Value);
        return await AppFactory.StartAsync(provider, settings: settings);
    }

    private static Task<(Guid Review, string Facilitator)> ChildBAsync(AppFactory app) => app.WithDbAsync(async db => (
        await db.Reviews.Where(r => r.Title.EndsWith("Child B")).Select(r => r.Id).SingleAsync(),
        await db.Users.Where(u => u.Email == "facilitator@demo.example").Select(u => u.Id).SingleAsync()));

    private static async Task DispatchAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchDueAsync();
    }

    private static async Task<int> RemindAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MeetingReminders>().SendDueAsync();
    }

    private static Task<int> RemindersQueuedAsync(AppFactory app) =>
        app.WithDbAsync(db => db.EmailOutbox.CountAsync(m => m.Kind == MeetingInvitations.ReminderKind));

    private static Task<MeetingResponse> ResponseAsync(AppFactory app, string email) =>
        app.WithDbAsync(db => db.MeetingInvitees.Where(i => i.Email == email).Select(i => i.Response).SingleAsync());

    private static string To(MimeMessage message) => ((MailboxAddress)message.To.Single()).Address;

    private static (string Text, ContentType ContentType) Ics(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>(), p => p.FileName?.EndsWith(".ics", StringComparison.Ordinal) == true);
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return (System.Text.Encoding.UTF8.GetString(stream.ToArray()), part.ContentType);
    }

    /// <summary>The path and query of the link written under a label in the plain-text body.</summary>
    private static string LinkAfter(string body, string label)
    {
        var lines = body.Split('\n');
        var index = Array.FindIndex(lines, l => l.Trim() == label + ":");
        Assert.True(index >= 0, $"No '{label}' link in: {body}");
        return new Uri(lines[index + 1].Trim()).PathAndQuery;
    }

    private static string Query(string pathAndQuery, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + pathAndQuery).Query)[name].ToString();
}
