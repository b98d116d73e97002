using System.Net;
using System.Text.Json.Nodes;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.InformationRequests;

/// <summary>The QA Team Manager's central log of Practice Learning Days, on the demo data.</summary>
public sealed class PracticeLearningDayPlanTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_log_lists_the_years_days_and_warns_when_fewer_than_four_are_set_or_none_is_joint(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        var (reference, answers) = await app.WithDbAsync(async db =>
        {
            var review = await db.Reviews.Where(r => r.MethodologyKey == "practice-learning-day").Select(r => new { r.Id, r.Reference }).FirstAsync();
            var json = await db.StageRecords.Where(s => s.ReviewId == review.Id && s.StageKey == "scheduled").Select(s => s.AnswersJson).FirstAsync();
            // The day's date is its booking on the review's meetings page.
            var day = await db.Meetings.Where(m => m.ReviewId == review.Id && m.Kind == LearningReviews.Domain.Meetings.MeetingKind.PracticeLearningDay).Select(m => m.Date).SingleAsync();
            return (review.Reference, (JsonNode.Parse(json)!.AsObject(), day));
        });
        var year = answers.day.Year;

        using var qa = await app.SignedInAsAsync("qa@demo.example");
        var page = await qa.GetAsync($"/practice-learning-days?year={year}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(reference, page.Text, StringComparison.Ordinal);
        Assert.Contains("Only 1 set for", page.Html.QuerySelector(".app-too-few")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(answers.Item1["jointDay"]?.GetValue<string>() != "yes", page.Html.QuerySelector(".app-none-joint") is not null);
        // Another year has none of them.
        Assert.DoesNotContain(reference, (await qa.GetAsync($"/practice-learning-days?year={year + 3}")).Text, StringComparison.Ordinal);

        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var refused = await bm.GetAsync("/practice-learning-days");
        Assert.True(refused.IsRedirect && refused.Location!.Contains("access-denied", StringComparison.Ordinal));
    }
}
