using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using MyWork = LearningReviews.Web.Features.Home.MyWorkPage;
using OverdueItems = LearningReviews.Web.Features.Home.OverdueItems;

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

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task What_is_overdue_or_open_for_comment_is_listed_from_reviews_beyond_the_first_page(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var today = app.Today;
        var (late, circulated, withdrawn) = await app.WithDbAsync(async db =>
        {
            // 55 newer open reviews fill the first page (open reviews first, newest reference first).
            for (var n = 1; n <= 55; n++) db.Reviews.Add(NewReview(2030, n, "lscb-learning-review", ReviewStatus.InProgress));
            var old = NewReview(2001, 1, "lscb-learning-review", ReviewStatus.InProgress);
            old.Actions.Add(new ReviewAction { What = "Chase the health visitor", OwnerName = "Beth Morgan", DueDate = today.AddDays(-5) });
            old.Actions.Add(new ReviewAction { What = "Already done", OwnerName = "Beth Morgan", DueDate = today.AddDays(-5), Status = ActionStatus.CompletedAwaitingEvidence });
            var form = NewReview(2001, 2, "desktop-review", ReviewStatus.InProgress);
            form.OutcomesForms.Add(new Domain.Outcomes.OutcomesForm
            {
                Version = 1, Status = Domain.Outcomes.OutcomesFormStatus.CirculatedForComment, CommentsCloseOn = today.AddDays(3),
            });
            // A withdrawn review's actions are not work any more.
            var stopped = NewReview(2001, 3, "lscb-learning-review", ReviewStatus.Withdrawn);
            stopped.Actions.Add(new ReviewAction { What = "Never to be done", OwnerName = "Beth Morgan", DueDate = today.AddDays(-5) });
            db.Reviews.AddRange(old, form, stopped);
            await db.SaveChangesAsync();
            return (old.Id, form.Id, stopped.Id);
        });

        var first = await bm.GetAsync("/");
        var rows = first.Html.QuerySelectorAll("table.app-my-reviews tbody tr");
        Assert.Equal(50, rows.Length);
        Assert.All(rows, r => Assert.Contains("LR-2030-", r.TextContent, StringComparison.Ordinal));
        var overdue = first.Html.QuerySelector("table.app-overdue")!;
        Assert.Contains("Action: Chase the health visitor", overdue.TextContent, StringComparison.Ordinal);
        Assert.NotNull(overdue.QuerySelector($"a[href='/reviews/{late}']"));
        Assert.DoesNotContain("Already done", overdue.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Never to be done", overdue.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.Html.QuerySelector($".app-for-comment a[href='/reviews/{circulated}/outcomes-form']"));
        Assert.Contains("not only this page", first.Text, StringComparison.Ordinal);

        // The later pages list the rest, the open ones before the withdrawn one, with the same overdue list.
        var next = first.Html.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        Assert.Equal("/?page=2", next);
        var second = await bm.GetAsync(next);
        var hrefs = second.Html.QuerySelectorAll("table.app-my-reviews tbody tr td a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/reviews/{late}", hrefs);
        Assert.Contains($"/reviews/{withdrawn}", hrefs);
        Assert.True(hrefs.IndexOf($"/reviews/{late}") < hrefs.IndexOf($"/reviews/{withdrawn}"));
        Assert.Contains("Action: Chase the health visitor", second.Html.QuerySelector("table.app-overdue")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_deadline_moves_on_my_work_when_the_date_it_counts_from_is_changed(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());
        var started = await bm.SubmitAsync("/reviews/start/rapid-review",
            [new("CaseLabel", "Child U"), new("LocalityId", north.ToString()), new("ReasonDetail", "Serious incident notified")]);
        var review = Guid.Parse(started.Location!.Split('/').Last());
        await bm.SaveStageAsync(review, "notification", [.. WorkflowClient.Date("notifiedOn", app.Today), new("f.summary", "Notified today")]);
        // My work has now worked out (and stored) the review's deadlines from today's notification.
        Assert.Null((await bm.GetAsync("/")).Html.QuerySelector("table.app-overdue"));

        // The notification date is corrected to 40 days ago: the stored deadline must not stay as it was.
        await bm.SaveStageAsync(review, "notification", [.. WorkflowClient.Date("notifiedOn", app.Today.AddDays(-40)), new("f.summary", "Notified late")]);
        var home = await bm.GetAsync("/");
        Assert.Contains("Rapid review due (15 working days from the notification)", home.Html.QuerySelector("table.app-overdue")!.TextContent, StringComparison.Ordinal);
        var row = home.Html.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Child U", StringComparison.Ordinal));
        Assert.Contains("Overdue", row.TextContent, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task My_work_lists_the_hundred_longest_overdue_items_and_counts_them_all(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var today = app.Today;
        var overdueBefore = OverdueTotal(await bm.GetAsync("/"));
        var (oldest, newest) = await app.WithDbAsync(async db =>
        {
            // 130 overdue actions on two reviews, due on 130 different days, older than anything in the demo data.
            var first = NewReview(2002, 1, "lscb-learning-review", ReviewStatus.InProgress);
            var second = NewReview(2002, 2, "lscb-learning-review", ReviewStatus.InProgress);
            for (var n = 0; n < 130; n++)
            {
                (n % 2 == 0 ? first : second).Actions.Add(new ReviewAction { What = $"Overdue task {n:000}", OwnerName = "Beth Morgan", DueDate = today.AddDays(-2000 + n) });
            }
            db.Reviews.AddRange(first, second);
            await db.SaveChangesAsync();
            return ("Overdue task 000", "Overdue task 129");
        });

        var page = await bm.GetAsync("/");
        var table = page.Html.QuerySelector("table.app-overdue")!;
        Assert.Equal(MyWork.OverdueShown, table.QuerySelectorAll("tbody tr").Length);
        Assert.Contains($"(the {MyWork.OverdueShown} longest overdue)", table.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(overdueBefore + 130, OverdueTotal(page));
        // The longest overdue are the ones listed, oldest first.
        Assert.Contains("Action: " + oldest, table.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(newest, table.TextContent, StringComparison.Ordinal);
        var dues = table.QuerySelectorAll("tbody tr td:last-child")
            .Select(c => DateOnly.ParseExact(c.TextContent.Trim(), "d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))).ToList();
        Assert.Equal(dues.Order().ToList(), dues);
        // The overdue actions are all on the action plans list, filtered to red.
        Assert.NotNull(page.Html.QuerySelector("a[href='/action-plans?Rag=Red']"));

        // Past a thousand the count stops (counting tens of thousands was most of the page's time): the warning says "more than".
        await app.WithDbAsync(async db =>
        {
            var third = NewReview(2002, 3, "lscb-learning-review", ReviewStatus.InProgress);
            for (var n = 0; n < OverdueItems.CountedUpTo; n++)
            {
                third.Actions.Add(new ReviewAction { What = $"Another overdue task {n:0000}", OwnerName = "Beth Morgan", DueDate = today.AddDays(-1) });
            }
            db.Reviews.Add(third);
            return await db.SaveChangesAsync();
        });
        var crowded = await bm.GetAsync("/");
        Assert.Equal("More than 1,000 items are overdue", crowded.Html.QuerySelector(".govuk-warning-text strong")!.TextContent.Replace("Warning", "", StringComparison.Ordinal).Trim());
        Assert.Equal(MyWork.OverdueShown, crowded.Html.QuerySelectorAll("table.app-overdue tbody tr").Length);
        Assert.Contains("Action: " + oldest, crowded.Html.QuerySelector("table.app-overdue tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The number in My work's "N items are overdue" warning, 0 without one.</summary>
    private static int OverdueTotal(TestBrowser.Page page) =>
        page.Html.QuerySelector(".govuk-warning-text strong") is { } warning
            ? int.Parse(System.Text.RegularExpressions.Regex.Match(warning.TextContent, @"([\d,]+) items? (is|are) overdue").Groups[1].Value,
                System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    private static Review NewReview(int year, int number, string methodology, ReviewStatus status) => new()
    {
        Reference = Review.FormatReference(year, number), ReferenceYear = year, ReferenceNumber = number,
        MethodologyKey = methodology, DefinitionVersion = 1, Title = $"Review {year}-{number}", Status = status,
        CurrentStageKey = methodology == "desktop-review" ? "outcomes" : "preparation",
        ReasonSelected = methodology == "desktop-review" ? "goodPractice" : "practiceConcern",
    };
}
