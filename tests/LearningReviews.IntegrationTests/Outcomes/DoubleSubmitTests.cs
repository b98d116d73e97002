using System.Net;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.IntegrationTests.Workflows;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Outcomes.OutcomesFormLifecycleTests;

namespace LearningReviews.IntegrationTests.Outcomes;

/// <summary>
/// Presses that arrive together: two "Make a new version" presses give one new version and a clear
/// message, and a burst of proposals at once each get their own reference, with no error page. The
/// requests are held together after reading and before saving (<see cref="HeldRaceWindow"/>), so the
/// collision happens on every run: without the concurrency token (or the reference retry) these fail.
/// </summary>
public sealed class DoubleSubmitTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Two_new_version_presses_at_once_make_one_version_and_the_other_is_told_why(Provider provider)
    {
        var window = new HeldRaceWindow(RaceWindow.OutcomesFormStep, parties: 2);
        await using var app = await AppFactory.StartAsync(provider, HeldRaceWindow.Hold(window));
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
        var reasons = new[] { "The school's records arrived late", "The police chronology was corrected" };
        window.Arm();
        var answers = await Task.WhenAll(browsers.Select((b, i) => b.PostAsync($"{url}/new-version",
            [new("formToken", Token(pages[i])), new("reason", reasons[i])], pages[i].AntiforgeryToken())));

        Assert.Equal(2, window.HeldTogether);
        Assert.All(answers, a => Assert.True(a.IsRedirect || a.Status == HttpStatusCode.OK, $"{(int)a.Status}"));
        var winner = Assert.Single(answers, a => a.IsRedirect);
        var loser = Assert.Single(answers, a => !a.IsRedirect);
        var won = await browsers[Array.IndexOf(answers, winner)].FollowAsync(winner);
        Assert.Contains("Version 2 is a draft", won.Text, StringComparison.Ordinal);

        // The other press is told why, on the form as it is now, with the reason it typed still there.
        var lostReason = reasons[Array.IndexOf(answers, loser)];
        var wonReason = reasons[Array.IndexOf(answers, winner)];
        Assert.Contains("Someone else changed this form", loser.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("Why this version was made: " + wonReason, loser.Html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(lostReason, loser.Html.GetElementById("reason")!.TextContent, StringComparison.Ordinal);
        var versions = await app.WithDbAsync(db => db.OutcomesForms.Where(f => f.ReviewId == review).OrderBy(f => f.Version)
            .Select(f => f.VersionReason).ToListAsync());
        Assert.Equal([null, wonReason], versions);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Proposals_made_at_the_same_moment_each_get_their_own_reference(Provider provider)
    {
        var window = new HeldRaceWindow(RaceWindow.ProposalReference, parties: 6);
        await using var app = await AppFactory.StartAsync(provider, HeldRaceWindow.Hold(window));
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var east = await app.LocalityIdAsync("East Locality");
        var form = await bm.GetAsync("/reviews/start/desktop-review");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        window.Arm();
        var answers = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => bm.PostAsync("/reviews/start/desktop-review",
        [
            new("CaseLabel", $"Child Q{i}"), new("OtherCaseLabels", ""), new("LocalityId", east.ToString()), new("Reason", "serviceImprovement"),
            new("ReasonDetail", "Proposed in the same second as five others."),
        ], form.AntiforgeryToken())));

        // All six had their reference number (the same one) before any was saved.
        Assert.Equal(6, window.HeldTogether);
        Assert.All(answers, a => Assert.True(a.IsRedirect, $"{(int)a.Status} {a.ErrorSummary}"));
        var references = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.Contains("Child Q")).Select(r => r.Reference).ToListAsync());
        Assert.Equal(6, references.Count);
        Assert.Equal(6, references.Distinct().Count());
    }
}
