using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>Deadlines and overdue items on My work.</summary>
public sealed class MyWorkDeadlineTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task My_work_shows_the_next_deadline_and_what_is_overdue(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());
        var started = await bm.SubmitAsync("/reviews/start/rapid-review",
            [new("CaseLabel", "Child S"), new("LocalityId", north.ToString()), new("ReasonDetail", "Serious incident notified")]);
        var review = Guid.Parse(started.Location!.Split('/').Last());

        // Notified 40 days ago: the 15 working days have run out.
        var notified = app.Today.AddDays(-40);
        await bm.SaveStageAsync(review, "notification", [.. WorkflowClient.Date("notifiedOn", notified), new("f.summary", "Late notification")]);

        var home = await bm.GetAsync("/");
        var row = home.Html.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Child S", StringComparison.Ordinal));
        Assert.Contains("Overdue", row.TextContent, StringComparison.Ordinal);
        var overdue = home.Html.QuerySelector("table.app-overdue")!.TextContent;
        Assert.Contains("Rapid review due (15 working days from the notification)", overdue, StringComparison.Ordinal);

        // An action past its due date is overdue too; a future one is not listed.
        await app.WithDbAsync(async db =>
        {
            db.Actions.Add(new Domain.Reviews.ReviewAction { ReviewId = review, What = "Share the chronology", OwnerName = "Beth Morgan", DueDate = notified });
            db.Actions.Add(new Domain.Reviews.ReviewAction { ReviewId = review, What = "Book the panel", OwnerName = "Beth Morgan", DueDate = notified.AddDays(400) });
            return await db.SaveChangesAsync();
        });
        overdue = (await bm.GetAsync("/")).Html.QuerySelector("table.app-overdue")!.TextContent;
        Assert.Contains("Action: Share the chronology", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Book the panel", overdue, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_deadline_still_to_come_shows_working_days_left(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());
        var started = await bm.SubmitAsync("/reviews/start/rapid-review",
            [new("CaseLabel", "Child T"), new("LocalityId", north.ToString()), new("ReasonDetail", "Serious incident notified")]);
        var review = Guid.Parse(started.Location!.Split('/').Last());
        await bm.SaveStageAsync(review, "notification", [.. WorkflowClient.Date("notifiedOn", app.Today), new("f.summary", "Notified today")]);

        var row = (await bm.GetAsync("/")).Html.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Child T", StringComparison.Ordinal));
        Assert.Matches(@"1[45] working days left", row.TextContent);
        Assert.Null((await bm.GetAsync("/")).Html.QuerySelector("table.app-overdue"));
    }
}
