using System.Globalization;
using System.Net;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.RapidReviews;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.IntegrationTests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.InformationRequests;

/// <summary>The rapid review's clock page: the plan's dates from the recorded notification, and the national panel's response.</summary>
public sealed class RapidReviewClockTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_clock_counts_from_the_notification_and_the_national_panels_response_is_recorded(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        var reviewId = await app.WithDbAsync(db => db.Reviews.Where(r => r.MethodologyKey == "rapid-review").Select(r => r.Id).FirstAsync());
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var notified = calendar.AddWorkingDays(app.Today, -3);
        var url = $"/reviews/{reviewId}/rapid-review-clock";

        using var bm = await app.SignedInAsAsync("bm@demo.example");
        Assert.Contains("Rapid review clock", (await bm.GetAsync($"/reviews/{reviewId}")).Text, StringComparison.Ordinal);

        var saved = await bm.SaveStageAsync(reviewId, "notification", WorkflowClient.Date("notifiedOn", notified));
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        var page = await bm.GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, string.Join("\n", app.Logs.Lines.Where(l => l.Contains("xception", StringComparison.Ordinal)).Take(3)));
        Assert.Contains("Today is working day 3 of 15", page.Text, StringComparison.Ordinal);
        var summariesRow = page.Html.QuerySelector("tr[data-step='summaries']")!.TextContent;
        Assert.Contains(calendar.AddWorkingDays(notified, 5).ToString("dddd d MMMM yyyy", EnGb), summariesRow, StringComparison.Ordinal);
        Assert.Contains(calendar.AddWorkingDays(notified, 15).ToString("dddd d MMMM yyyy", EnGb), page.Html.QuerySelector("tr[data-step='ratified']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overdue", page.Html.QuerySelector("tr[data-step='requests']")!.TextContent, StringComparison.Ordinal); // day 1 passed, nothing sent

        // A response dated in the future is refused; a real one is recorded and shown.
        var tomorrow = app.Today.AddDays(1);
        var refused = await bm.PostAsync($"{url}/national-panel", Response(tomorrow), page.AntiforgeryToken());
        Assert.Contains("must be today or in the past", refused.ErrorSummary, StringComparison.Ordinal);
        var recorded = await bm.FollowAsync(await bm.PostAsync($"{url}/national-panel", Response(app.Today), page.AntiforgeryToken()));
        Assert.Contains("The panel agrees with the decision, received", recorded.Text, StringComparison.Ordinal);
        Assert.Equal(NationalPanelOutcome.AgreesWithDecision, await app.WithDbAsync(db => db.NationalPanelResponses.Select(r => r.Outcome).SingleAsync()));

        // Someone who may see the review but does not record decisions gets no form, and a POST is refused.
        using var agency = await app.SignedInAsAsync("agency@demo.example");
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == "agency@demo.example");
            db.Participants.Add(new Domain.Reviews.Participant { ReviewId = reviewId, UserId = user.Id, Name = user.DisplayName, Role = Domain.Reviews.ReviewRole.AgencyRepresentative, AgencyId = user.AgencyId });
            return await db.SaveChangesAsync();
        });
        var asAgency = await agency.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, asAgency.Status);
        Assert.Null(asAgency.Html.QuerySelector($"form[action='{url}/national-panel']"));
        var post = await agency.PostAsync($"{url}/national-panel", Response(app.Today), asAgency.AntiforgeryToken());
        Assert.True(post.IsRedirect && post.Location!.Contains("access-denied", StringComparison.Ordinal));

        // Other kinds of review have no clock.
        var desktop = await app.WithDbAsync(db => db.Reviews.Where(r => r.MethodologyKey == "desktop-review").Select(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await bm.GetAsync($"/reviews/{desktop}/rapid-review-clock")).Status);
    }

    private static List<KeyValuePair<string, string>> Response(DateOnly received) =>
    [
        new("received.day", received.Day.ToString(CultureInfo.InvariantCulture)),
        new("received.month", received.Month.ToString(CultureInfo.InvariantCulture)),
        new("received.year", received.Year.ToString(CultureInfo.InvariantCulture)),
        new("outcome", nameof(NationalPanelOutcome.AgreesWithDecision)),
        new("notes", "No national review needed."),
    ];
}
