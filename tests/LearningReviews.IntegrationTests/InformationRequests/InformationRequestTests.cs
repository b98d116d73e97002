using System.Globalization;
using System.Net;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.InformationRequests;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.IntegrationTests.Email;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Features.Email;
using LearningReviews.Web.Features.InformationRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LearningReviews.IntegrationTests.InformationRequests;

/// <summary>
/// Information requests end to end against the real SMTP server, on a controlled clock: the business manager
/// sends one, the agency's representative is emailed, reads and answers it; others are refused; an
/// unanswered request is reminded before its deadline and shows as overdue on the review and My work after it.
/// </summary>
public sealed class InformationRequestTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_request_is_sent_emailed_reminded_overdue_and_answered_by_the_agency_representative_only(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        await using var app = await StartAsync(provider, smtp);
        await app.SeedDemoAsync();
        var (reviewId, reference, representativeId) = await InformationRequestFixture.WithAgencyRepresentativeAsync(app, "practitioner-learning-review");
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var today = app.Today; // Wednesday 10 June 2026
        var due = calendar.AddWorkingDays(today, 5);
        var url = $"/reviews/{reviewId}/information-requests";

        var bm = await app.SignedInAsAsync("bm@demo.example");
        var page = await bm.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Information requests", page.H1);

        // A deadline in the past is refused, with what was typed kept.
        var refused = await bm.PostAsync(url, Fields(representativeId, today.AddDays(-1)), page.AntiforgeryToken());
        Assert.Contains("has passed", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Chronology from 2024", refused.TextareaValue("scope"));
        Assert.Equal(0, await app.WithDbAsync(db => db.InformationRequests.CountAsync()));

        var sent = await bm.FollowAsync(await bm.PostAsync(url, Fields(representativeId, due), page.AntiforgeryToken()));
        Assert.Contains("has been sent", sent.Text, StringComparison.Ordinal);
        Assert.Contains("Waiting for an answer", sent.Text, StringComparison.Ordinal);
        var requestId = await app.WithDbAsync(db => db.InformationRequests.Select(r => r.Id).SingleAsync());

        // The email arrives at the real server: to the representative, naming the review by reference only, with the link.
        await DispatchAsync(app);
        var email = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("agency@demo.example", Assert.IsType<MailboxAddress>(Assert.Single(email.To)).Address);
        Assert.Equal($"Information request for {reference}", email.Subject);
        Assert.Contains($"/reviews/{reviewId}/information-requests/{requestId}", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Linnet", email.TextBody + email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Chronology from 2024", email.TextBody, StringComparison.Ordinal); // the request's text stays in the app

        // The lead author sees the request but may not answer it; the refusal is audited.
        using var lead = await app.SignedInAsAsync("lead@demo.example");
        var asLead = await lead.GetAsync($"{url}/{requestId}");
        Assert.Equal(HttpStatusCode.OK, asLead.Status);
        Assert.Null(asLead.Html.QuerySelector($"form[action='{url}/{requestId}/answer']"));
        var forged = await lead.PostAsync($"{url}/{requestId}/answer", Answer("Written by the wrong person", Guid.Empty), asLead.AntiforgeryToken());
        AssertRefused(forged);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "AccessDenied" && e.ReviewId == reviewId
            && e.Detail!.Contains("AnswerInformationRequest"))));
        // Someone who cannot see the review is told it is not there.
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await hol.GetAsync($"{url}/{requestId}")).Status);

        // No reminder before its day (2 working days before the deadline); one on the day, and only one.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RemindAsync(app));
        app.Clock.SetUtcNow(new DateTimeOffset(InformationRequestRules.ReminderOn(due, calendar).ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero));
        // The scheduled job may run on the same clock beside this call and claim the reminder first: what is
        // checked is that the request is reminded once, whoever sends it, and never again.
        await RemindAsync(app);
        Assert.NotNull(await app.WithDbAsync(db => db.InformationRequests.Where(r => r.Id == requestId).Select(r => r.ReminderSentAt).SingleAsync()));
        Assert.Equal(0, await RemindAsync(app));
        await DispatchAsync(app);
        var reminder = Assert.Single(await smtp.WaitForAsync(2), m => m.Subject?.StartsWith("Reminder:", StringComparison.Ordinal) == true);
        Assert.StartsWith($"Reminder: information request for {reference} due", reminder.Subject, StringComparison.Ordinal);
        Assert.Equal("agency@demo.example", Assert.IsType<MailboxAddress>(Assert.Single(reminder.To)).Address);

        // After the deadline: overdue on the review page and on My work.
        app.Clock.SetUtcNow(new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        bm.Dispose();
        bm = await app.SignedInAsAsync("bm@demo.example"); // a week on, the first sign-in has expired
        var reviewPage = await bm.GetAsync($"/reviews/{reviewId}");
        Assert.Contains("Overdue: Police", reviewPage.Text, StringComparison.Ordinal);
        var myWork = await bm.GetAsync("/");
        Assert.Contains("Information request from Police", myWork.Text, StringComparison.Ordinal);

        // The representative answers (late), under the three headings; then it is neither overdue nor waiting.
        using var agency = await app.SignedInAsAsync("agency@demo.example");
        var toAnswer = await agency.GetAsync($"{url}/{requestId}");
        Assert.Contains("Chronology from 2024", toAnswer.Text, StringComparison.Ordinal);
        var token = toAnswer.Html.QuerySelector("input[name='token']")!.GetAttribute("value")!;
        var empty = await agency.PostAsync($"{url}/{requestId}/answer", [new("token", token)], toAnswer.AntiforgeryToken());
        Assert.Contains("Answer under at least one heading", empty.ErrorSummary, StringComparison.Ordinal);
        var answered = await agency.FollowAsync(await agency.PostAsync($"{url}/{requestId}/answer",
            Answer("Officers shared the referral the same day.", Guid.Parse(token)), toAnswer.AntiforgeryToken()));
        Assert.Contains("Your answer has been saved", answered.Text, StringComparison.Ordinal);

        var asBm = await bm.GetAsync($"{url}/{requestId}");
        Assert.Contains("Officers shared the referral the same day.", asBm.Text, StringComparison.Ordinal);
        Assert.Contains("Answered by Andy Agbaje", asBm.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Information request from Police", (await bm.GetAsync("/")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue: Police", (await bm.GetAsync($"/reviews/{reviewId}")).Text, StringComparison.Ordinal);
        var audited = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == nameof(InformationRequest)).Select(e => e.Action).ToListAsync());
        Assert.Contains("Created", audited);
        Assert.Contains("Updated", audited);
        Assert.Contains("Viewed", audited);
        bm.Dispose();
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_rapid_review_collects_Individual_Agency_Summaries_and_a_circle_sends_no_requests(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        await using var app = await StartAsync(provider, smtp);
        await app.SeedDemoAsync();
        var (reviewId, reference, representativeId) = await InformationRequestFixture.WithAgencyRepresentativeAsync(app, "rapid-review");
        var url = $"/reviews/{reviewId}/information-requests";

        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var page = await bm.GetAsync(url);
        Assert.Equal("Individual Agency Summaries", page.H1);
        Assert.Contains("Send an Individual Agency Summary", page.Text, StringComparison.Ordinal);
        Assert.True((await bm.PostAsync(url, Fields(representativeId, app.Today.AddDays(7)), page.AntiforgeryToken())).IsRedirect);
        await DispatchAsync(app);
        var email = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal($"Individual Agency Summary for {reference}", email.Subject);
        Assert.Contains("Individual Agency Summary for rapid review", email.TextBody, StringComparison.Ordinal);

        // Only those who co-ordinate send: the agency representative may read the list but gets no form, and a POST is refused.
        using var agency = await app.SignedInAsAsync("agency@demo.example");
        var asAgency = await agency.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, asAgency.Status);
        Assert.Null(asAgency.Html.QuerySelector($"form[action='{url}']"));
        AssertRefused(await agency.PostAsync(url, Fields(representativeId, app.Today.AddDays(7)), asAgency.AntiforgeryToken()));
        Assert.Equal(1, await app.WithDbAsync(db => db.InformationRequests.CountAsync()));

        var circle = await app.WithDbAsync(db => db.Reviews.Where(r => r.MethodologyKey == "locality-learning-circle").Select(r => r.Id).FirstAsync());
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await hol.GetAsync($"/reviews/{circle}/information-requests")).Status);
    }

    /// <summary>A refusal as the browser meets it: the cookie scheme's Forbid sends it to the access-denied page.</summary>
    private static void AssertRefused(TestBrowser.Page page) =>
        Assert.True(page.IsRedirect && page.Location!.Contains("access-denied", StringComparison.Ordinal), $"{(int)page.Status} {page.Location}");

    private static async Task<AppFactory> StartAsync(Provider provider, SmtpTestServer smtp)
    {
        var settings = new Dictionary<string, string>(smtp.Settings()) { ["Email:Dispatch:IntervalSeconds"] = "3600" };
        return await AppFactory.StartAsync(provider, settings: settings);
    }

    internal static List<KeyValuePair<string, string>> Fields(Guid to, DateOnly due) =>
    [
        new("to", to.ToString()),
        new("reasons", "Child P was not seen alone for six months."),
        new("enquiry", "How were referrals shared between agencies?"),
        new("scope", "Chronology from 2024"),
        new("due.day", due.Day.ToString(Invariant)), new("due.month", due.Month.ToString(Invariant)), new("due.year", due.Year.ToString(Invariant)),
    ];

    private static List<KeyValuePair<string, string>> Answer(string good, Guid token) =>
        [new("good", good), new("different", "Earlier strategy discussion."), new("note", ""), new("token", token.ToString())];

    private static async Task DispatchAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchDueAsync();
    }

    private static async Task<int> RemindAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InformationRequestService>().SendDueRemindersAsync();
    }
}
