using System.Net;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.IntegrationTests.Workflows;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Outcomes.OutcomesFormLifecycleTests;

namespace LearningReviews.IntegrationTests.Outcomes;

/// <summary>
/// Presses that arrive together: two "Make a new version" presses give one new version and a clear
/// message, and a burst of proposals at once each get their own reference, with no error page.
/// </summary>
public sealed class DoubleSubmitTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Two_new_version_presses_at_once_make_one_version_and_the_other_is_told_why(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var saved = await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(app.Today, synopsis: "Child P was not seen alone for six months."));
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        await author.FinaliseOutcomesFormAsync(review);

        // The same form open in two browsers (each with its own messages); both press at once.
        using var other = await app.SignedInAsAsync("lead@demo.example");
        var url = $"/reviews/{review}/outcomes-form";
        var pages = new[] { await author.GetAsync(url), await other.GetAsync(url) };
        var browsers = new[] { author, other };
        var answers = await Task.WhenAll(browsers.Select((b, i) => b.PostAsync($"{url}/new-version",
            [new("formToken", Token(pages[0])), new("reason", "The school's records arrived late")], pages[i].AntiforgeryToken())));

        Assert.All(answers, a => Assert.True(a.IsRedirect, $"{(int)a.Status}"));
        var shown = new[] { await author.FollowAsync(answers[0]), await other.FollowAsync(answers[1]) };
        Assert.Single(shown, s => s.Text.Contains("Version 2 is a draft", StringComparison.Ordinal));
        Assert.Single(shown, s => s.Text.Contains("Someone else changed this form", StringComparison.Ordinal));
        Assert.Equal(2, await app.WithDbAsync(db => db.OutcomesForms.CountAsync(f => f.ReviewId == review)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Proposals_made_at_the_same_moment_each_get_their_own_reference(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var east = await app.LocalityIdAsync("East Locality");
        var form = await bm.GetAsync("/reviews/start/desktop-review");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var answers = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => bm.PostAsync("/reviews/start/desktop-review",
        [
            new("CaseLabel", $"Child Q{i}"), new("OtherCaseLabels", ""), new("LocalityId", east.ToString()), new("Reason", "serviceImprovement"),
            new("ReasonDetail", "Proposed in the same second as five others."),
        ], form.AntiforgeryToken())));

        Assert.All(answers, a => Assert.True(a.IsRedirect, $"{(int)a.Status} {a.ErrorSummary}"));
        var references = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.Contains("Child Q")).Select(r => r.Reference).ToListAsync());
        Assert.Equal(6, references.Count);
        Assert.Equal(6, references.Distinct().Count());
    }
}
