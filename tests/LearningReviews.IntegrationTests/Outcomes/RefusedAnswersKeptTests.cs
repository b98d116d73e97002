using System.Globalization;
using System.Net;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.IntegrationTests.Workflows;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Outcomes.OutcomesFormLifecycleTests;

namespace LearningReviews.IntegrationTests.Outcomes;

/// <summary>
/// A refused answer to a comment, or a refused reason for a new version, comes back on the form's page
/// with the message in the error summary and the text still in its box: nothing typed is lost.
/// </summary>
public sealed class RefusedAnswersKeptTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_answer_from_a_page_read_before_someone_elses_answer_is_refused_kept_and_theirs_stays(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var (review, commentId) = await CommentedFormAsync(app);
        var url = $"/reviews/{review}/outcomes-form";
        using var first = await app.SignedInAsAsync("lead@demo.example");
        using var second = await app.SignedInAsAsync("lead@demo.example"); // the same form open in a second browser
        var firstPage = await first.GetAsync(url);
        var secondPage = await second.GetAsync(url);

        var answered = await first.PostAsync($"{url}/comments/{commentId}/answer",
            [new("formToken", Token(firstPage)), new("response", "Added to the synopsis.")], firstPage.AntiforgeryToken());
        Assert.True(answered.IsRedirect, answered.ErrorSummary);

        var typed = "The school's weekly contact is now in the synopsis.";
        var stale = await second.PostAsync($"{url}/comments/{commentId}/answer",
            [new("formToken", Token(secondPage)), new("response", typed), new("resolved", "true")], secondPage.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("Someone else changed this form while you were looking at it", stale.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal($"#answer-{commentId}", stale.Html.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal(typed, stale.TextareaValue($"answer-{commentId}")!.Trim());
        Assert.True(stale.Html.GetElementById($"resolved-{commentId}")!.HasAttribute("checked"), "The 'Mark as resolved' tick was lost");
        Assert.Contains("Added to the synopsis.", stale.Html.QuerySelector(".app-comment")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Added to the synopsis.", await app.WithDbAsync(db => db.OutcomesComments.Where(c => c.Id == commentId).Select(c => c.Response).SingleAsync()));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_over_long_or_empty_answer_is_refused_and_kept(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var (review, commentId) = await CommentedFormAsync(app);
        var url = $"/reviews/{review}/outcomes-form";
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var page = await author.GetAsync(url);

        var tooLong = new string('a', 4001);
        var refused = await author.PostAsync($"{url}/comments/{commentId}/answer",
            [new("formToken", Token(page)), new("response", tooLong)], page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Your answer must be 4,000 characters or fewer", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(tooLong, refused.TextareaValue($"answer-{commentId}")!.Trim());

        var empty = await author.PostAsync($"{url}/comments/{commentId}/answer",
            [new("formToken", Token(refused)), new("response", "  ")], refused.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Enter an answer to the comment, or mark it resolved", empty.ErrorSummary, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.OutcomesComments.Where(c => c.Id == commentId).Select(c => c.Response).SingleAsync()));

        // The page shown again carries the form's current token: the corrected answer saves.
        var saved = await author.PostAsync($"{url}/comments/{commentId}/answer",
            [new("formToken", Token(empty)), new("response", "Added to the synopsis.")], empty.AntiforgeryToken());
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_over_long_reason_for_a_new_version_is_refused_and_kept(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        Assert.True((await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(app.Today, synopsis: "Child P was not seen alone."))).IsRedirect);
        await author.FinaliseOutcomesFormAsync(review);
        var url = $"/reviews/{review}/outcomes-form";
        var page = await author.GetAsync(url);

        var tooLong = new string('r', 2001);
        var refused = await author.PostAsync($"{url}/new-version", [new("formToken", Token(page)), new("reason", tooLong)], page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("The reason must be 2,000 characters or fewer", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(tooLong, refused.TextareaValue("reason")!.Trim());
        Assert.Equal(1, await app.WithDbAsync(db => db.OutcomesForms.CountAsync(f => f.ReviewId == review)));
    }

    /// <summary>A review whose Outcomes Form is out for comment, with one comment from Priya on the synopsis.</summary>
    private static async Task<(Guid Review, Guid Comment)> CommentedFormAsync(AppFactory app)
    {
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        Assert.True((await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(app.Today, synopsis: "Child P was not seen alone."))).IsRedirect);
        var url = $"/reviews/{review}/outcomes-form";
        var draft = await author.GetAsync(url);
        var close = app.Today.AddDays(7);
        var circulated = await author.PostAsync($"{url}/circulate",
            [new("formToken", Token(draft)), new("close.day", close.Day.ToString(CultureInfo.InvariantCulture)),
             new("close.month", close.Month.ToString(CultureInfo.InvariantCulture)), new("close.year", close.Year.ToString(CultureInfo.InvariantCulture))],
            draft.AntiforgeryToken());
        Assert.True(circulated.IsRedirect, circulated.ErrorSummary);
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        var toComment = await practitioner.GetAsync(url);
        var commented = await practitioner.PostAsync($"{url}/comments",
            [new("section", "synopsis"), new("text", "Say that school saw him weekly.")], toComment.AntiforgeryToken());
        Assert.True(commented.IsRedirect, commented.ErrorSummary);
        return (review, await app.WithDbAsync(db => db.OutcomesComments.Select(c => c.Id).SingleAsync()));
    }
}
