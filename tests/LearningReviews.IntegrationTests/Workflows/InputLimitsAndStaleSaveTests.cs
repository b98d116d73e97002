using System.Net;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>
/// Over-long text gets a GOV.UK error message with the text kept and nothing saved; a save from a
/// page read before someone else's save is refused, and what the other person added stays.
/// Both on the demo's Locality Learning Circle for Child C, sent back to its circle.
/// </summary>
public sealed class InputLimitsAndStaleSaveTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Over_long_text_is_refused_with_a_message_and_kept_and_nothing_is_stored(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var review = await ChildCBackAtItsCircleAsync(app, reasonFirst: new string('r', 3000));

        var longPoint = new string('p', 5000);
        var longOwner = new string('o', 300);
        var oneHugeWord = new string('w', 100_000);
        var refused = await hol.SaveStageAsync(review, "circle",
        [
            new("f.areasOfFocus", oneHugeWord), new("f.overview", "Two moves in a year"),
            new("lp[0].id", ""), new("lp[0].text", longPoint),
            new("act[0].id", ""), new("act[0].what", "Add school moves to the assessment"), new("act[0].owner", longOwner),
        ]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Learning point 1 must be 4,000 characters or fewer", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("The person responsible for action 1 must be 200 characters or fewer", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("'Areas of focus' must be 4,500 characters or fewer", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains(refused.Html.QuerySelectorAll("textarea"), t => t.TextContent.Trim() == longPoint);
        Assert.Contains(refused.Html.QuerySelectorAll("input"), i => i.GetAttribute("value") == longOwner);
        var (longestPoint, longestOwner) = await app.WithDbAsync(async db => (
            await db.LearningPoints.Where(p => p.ReviewId == review).MaxAsync(p => (int?)p.Text.Length) ?? 0,
            await db.Actions.Where(a => a.ReviewId == review).MaxAsync(a => (int?)a.OwnerName!.Length) ?? 0));
        Assert.True(longestPoint <= 4000 && longestOwner <= 200, $"{longestPoint} {longestOwner}");
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_stale_save_is_refused_with_the_text_kept_and_the_other_persons_learning_point_stays(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var first = await app.SignedInAsAsync("hol@demo.example");
        using var second = await app.SignedInAsAsync("hol@demo.example"); // the same stage open in a second browser
        var review = await ChildCBackAtItsCircleAsync(app, reasonFirst: null);

        // Both read the form; the first saves a second learning point.
        var url = $"/reviews/{review}/stages/circle";
        var firstForm = await first.GetAsync(url);
        var secondForm = await second.GetAsync(url);
        var kept = Fields(firstForm).Where(f => !f.Key.StartsWith("lp[1]", StringComparison.Ordinal)); // the empty row for a new point
        var saved = await first.PostAsync(url, [.. kept, new("lp[1].id", ""), new("lp[1].text", "Added by the first browser")], firstForm.AntiforgeryToken());
        await first.AssertSavedAsync(saved);

        // The second saves what it read, with its own change: refused, its text shown again, nothing lost.
        var typed = "An overview typed in the second browser";
        var stale = await second.PostAsync(url, [.. Fields(secondForm).Where(f => f.Key != "f.overview"), new("f.overview", typed)],
            secondForm.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("Someone else saved this stage while you were editing it", stale.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains(stale.Html.QuerySelectorAll("textarea"), t => t.TextContent.Trim() == typed);
        var points = await app.WithDbAsync(db => db.LearningPoints.Where(p => p.ReviewId == review).Select(p => p.Text).ToListAsync());
        Assert.Contains("Added by the first browser", points);
        var answers = await app.WithDbAsync(db => db.StageRecords.Where(s => s.ReviewId == review).Select(s => s.AnswersJson).ToListAsync());
        Assert.DoesNotContain(answers, a => a.Contains(typed, StringComparison.Ordinal));

        // The learning point's addition is in the audit log, without its text.
        var audited = await app.WithDbAsync(db => db.AuditEvents
            .Where(e => e.ReviewId == review && e.EntityType == nameof(LearningPoint) && e.Action == AuditActions.Created)
            .Select(e => e.Detail).ToListAsync());
        Assert.NotEmpty(audited);
        Assert.DoesNotContain(audited, d => d!.Contains("Added by the first browser", StringComparison.Ordinal));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_withdrawal_from_a_page_read_before_someone_else_moved_the_review_is_refused_with_the_reason_kept(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var first = await app.SignedInAsAsync("tm@demo.example");
        using var second = await app.SignedInAsAsync("tm@demo.example");
        var review = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child C")).Select(r => r.Id).SingleAsync());
        var firstPage = await first.GetAsync($"/reviews/{review}");
        var secondPage = await second.GetAsync($"/reviews/{review}");
        string TokenOf(TestBrowser.Page page) =>
            page.Html.QuerySelector($"form[action='/reviews/{review}/withdraw'] input[name=reviewToken]")!.GetAttribute("value")!;

        var sent = await first.PostAsync($"/reviews/{review}/send-back",
            [new("reviewToken", TokenOf(firstPage)), new("reason", "The circle's notes are incomplete")], firstPage.AntiforgeryToken());
        Assert.True(sent.IsRedirect);

        var typed = "The family moved out of the area and the review is no longer needed.";
        var stale = await second.PostAsync($"/reviews/{review}/withdraw",
            [new("reviewToken", TokenOf(secondPage)), new("reason", typed)], secondPage.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("Someone else changed this review while you were looking at it", stale.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains(typed, stale.Html.GetElementById("withdraw-reason")!.TextContent, StringComparison.Ordinal);
        var (status, kinds) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == review).Select(r => r.Status).SingleAsync(),
            await db.Transitions.Where(t => t.ReviewId == review).Select(t => t.Kind).ToListAsync()));
        Assert.NotEqual(ReviewStatus.Withdrawn, status);
        Assert.Contains(TransitionKind.SentBack, kinds);
        Assert.DoesNotContain(TransitionKind.Withdrawn, kinds);
    }

    [Fact]
    public async Task The_error_page_answers_404_for_a_status_that_is_not_an_error()
    {
        await using var app = await AppFactory.StartAsync(Provider.Sqlite);
        using var browser = new TestBrowser(app.NewBrowser());
        foreach (var url in new[] { "/error/-1", "/error/200", "/error/99999999" })
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/error/403")).Status);
    }

    /// <summary>
    /// Sends the demo's Child C back from "after" to its circle (first trying a reason too long to
    /// keep, when given), so the Head of Locality can change its learning points and actions.
    /// </summary>
    private static async Task<Guid> ChildCBackAtItsCircleAsync(AppFactory app, string? reasonFirst)
    {
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var review = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child C")).Select(r => r.Id).SingleAsync());
        var page = await tm.GetAsync($"/reviews/{review}");
        var token = page.Html.QuerySelector($"form[action='/reviews/{review}/send-back'] input[name=reviewToken]")?.GetAttribute("value");
        Assert.True(token is not null, "The Team Manager is offered no send-back");
        if (reasonFirst is not null)
        {
            var tooLong = await tm.PostAsync($"/reviews/{review}/send-back", [new("reviewToken", token!), new("reason", reasonFirst)], page.AntiforgeryToken());
            // Shown again, not redirected: the message in the error summary and the reason still in its box.
            Assert.Equal(HttpStatusCode.OK, tooLong.Status);
            Assert.Contains("The reason must be 2,000 characters or fewer", tooLong.ErrorSummary, StringComparison.Ordinal);
            Assert.Equal("#send-back-reason", tooLong.Html.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
            Assert.Equal(reasonFirst, tooLong.TextareaValue("send-back-reason")!.Trim());
            Assert.Equal(0, await app.WithDbAsync(db => db.Transitions.CountAsync(t => t.ReviewId == review && t.Kind == TransitionKind.SentBack)));
        }
        var sent = await tm.FollowAsync(await tm.PostAsync($"/reviews/{review}/send-back",
            [new("reviewToken", token!), new("reason", "The circle's notes are incomplete")], page.AntiforgeryToken()));
        Assert.Equal("The learning circle", sent.CurrentStageTitle());
        return review;
    }

    /// <summary>What the form would post as it stands: its text inputs, text areas, and chosen options.</summary>
    private static List<KeyValuePair<string, string>> Fields(TestBrowser.Page form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Html.QuerySelectorAll("form[method=post] input[name], form[method=post] textarea[name], form[method=post] select[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (name == "__RequestVerificationToken") continue;
            var type = input.GetAttribute("type");
            if (type is "checkbox" or "radio")
            {
                if (input.HasAttribute("checked")) fields.Add(new(name, input.GetAttribute("value") ?? ""));
                continue;
            }
            var value = input.LocalName switch
            {
                "textarea" => input.TextContent.Trim(),
                "select" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? "",
                _ => input.GetAttribute("value") ?? "",
            };
            fields.Add(new(name, value));
        }
        return fields;
    }
}
