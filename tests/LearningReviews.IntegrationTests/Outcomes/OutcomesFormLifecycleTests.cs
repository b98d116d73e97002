using System.Net;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.IntegrationTests.Workflows;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Outcomes;

/// <summary>
/// The Learning Review Outcomes Form from draft to final and a second version: circulated for comment,
/// commented on by someone involved, answered by the lead author, made final (locked), sent, changed.
/// </summary>
public sealed class OutcomesFormLifecycleTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_form_is_circulated_commented_on_answered_made_final_sent_and_versioned(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var today = app.Today;
        var url = $"/reviews/{review}/outcomes-form";

        var saved = await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(today, synopsis: "Child P was not seen alone for six months."));
        Assert.True(saved.IsRedirect, saved.ErrorSummary);

        // Draft: every section of Appendix 1 in order, with its guidance.
        var draft = await author.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, draft.Status);
        var headings = draft.Html.QuerySelectorAll("h2.govuk-heading-m").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal("Details of family being considered", headings[0]);
        Assert.Contains("Synopsis of the case", headings);
        Assert.Contains("Decisions around how the family have been involved or informed of this review", headings);
        Assert.Contains("Draft", draft.Html.QuerySelector(".app-form-status")!.TextContent, StringComparison.Ordinal);

        // A closing date that is not a real date is explained, and what was typed is kept.
        var badDate = await author.PostAsync($"{url}/circulate",
            [new("formToken", Token(draft)), new("close.day", "31"), new("close.month", "2"), new("close.year", "2027")], draft.AntiforgeryToken());
        Assert.Contains("Enter the last day for comments as a real date", badDate.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("31", badDate.InputValue("close"));

        // Circulate until a week from now.
        var close = today.AddDays(7);
        var circulated = await author.FollowAsync(await author.PostAsync($"{url}/circulate",
            [new("formToken", Token(draft)), new("close.day", close.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new("close.month", close.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("close.year", close.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            draft.AntiforgeryToken()));
        Assert.Contains("Circulated for comment", circulated.Html.QuerySelector(".app-form-status")!.TextContent, StringComparison.Ordinal);

        // Someone involved comments on the synopsis.
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        Assert.Contains("Learning Review Outcomes Form, comments close", (await practitioner.GetAsync("/")).Html.QuerySelector(".app-for-comment")!.TextContent, StringComparison.Ordinal);
        var toComment = await practitioner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, toComment.Status);
        Assert.Null(toComment.Html.QuerySelector($"form[action='{url}/finalise']"));
        var commented = await practitioner.FollowAsync(await practitioner.PostAsync($"{url}/comments",
            [new("section", "synopsis"), new("text", "Say that school saw him weekly.")], toComment.AntiforgeryToken()));
        Assert.Contains("Your comment has been added", commented.Text, StringComparison.Ordinal);

        // The lead author cannot make it final with a comment unanswered.
        var withComment = await author.GetAsync(url);
        var refused = await author.FollowAsync(await author.PostAsync($"{url}/finalise", [new("formToken", Token(withComment))], withComment.AntiforgeryToken()));
        Assert.Contains("Answer or resolve every comment first (1 still open)", refused.Text, StringComparison.Ordinal);

        var commentId = await app.WithDbAsync(db => db.OutcomesComments.Select(c => c.Id).SingleAsync());
        var answered = await author.FollowAsync(await author.PostAsync($"{url}/comments/{commentId}/answer",
            [new("formToken", Token(refused)), new("response", "Added to the synopsis."), new("resolved", "true")], refused.AntiforgeryToken()));
        Assert.Contains("Added to the synopsis.", answered.Html.QuerySelector(".app-comment")!.TextContent, StringComparison.Ordinal);

        var final = await author.FollowAsync(await author.PostAsync($"{url}/finalise", [new("formToken", Token(answered))], answered.AntiforgeryToken()));
        Assert.Contains("Final", final.Html.QuerySelector(".app-form-status")!.TextContent, StringComparison.Ordinal);

        // Final means locked: the stage form no longer takes changes.
        var locked = await author.GetAsync($"/reviews/{review}/stages/outcomes");
        Assert.NotNull(locked.Html.QuerySelector("fieldset[disabled]"));
        var change = await author.PostAsync($"/reviews/{review}/stages/outcomes",
            [new("f.synopsis", "Changed after the event"), new("recordToken", locked.Html.QuerySelector("input[name=recordToken]")!.GetAttribute("value")!)],
            locked.AntiforgeryToken());
        Assert.True(change.IsRedirect && change.Location!.Contains("access-denied", StringComparison.Ordinal));

        var sent = await author.FollowAsync(await author.PostAsync($"{url}/sent", [new("formToken", Token(final))], final.AntiforgeryToken()));
        Assert.Contains(today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), sent.Html.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);

        // A later change makes version 2, with a reason; version 1 still reads as it was.
        var noReason = await author.PostAsync($"{url}/new-version", [new("formToken", Token(sent)), new("reason", "")], sent.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains("Enter why the form needs a new version", noReason.ErrorSummary, StringComparison.Ordinal);
        var second = await author.FollowAsync(await author.PostAsync($"{url}/new-version",
            [new("formToken", Token(noReason)), new("reason", "The school's records arrived late")], noReason.AntiforgeryToken()));
        Assert.Contains("Version 2", second.Text, StringComparison.Ordinal);
        Assert.Contains("The school's records arrived late", second.Html.Body!.TextContent, StringComparison.Ordinal);
        saved = await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(today, synopsis: "Child P was seen weekly at school but not alone at home."));
        Assert.True(saved.IsRedirect, saved.ErrorSummary);

        var first = await author.GetAsync($"{url}/versions/1");
        Assert.Contains("Child P was not seen alone for six months.", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("seen weekly at school", first.Text, StringComparison.Ordinal);
        Assert.Contains("seen weekly at school", (await author.GetAsync(url)).Text, StringComparison.Ordinal);

        var versions = await app.WithDbAsync(db => db.OutcomesForms.Where(f => f.ReviewId == review).OrderBy(f => f.Version)
            .Select(f => new { f.Version, f.Status, f.SentAt }).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.Equal(OutcomesFormStatus.Final, versions[0].Status);
        Assert.NotNull(versions[0].SentAt);
        Assert.Equal(OutcomesFormStatus.Draft, versions[1].Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.ReviewId == review && a.EntityType == nameof(OutcomesForm) && a.Action == "Viewed")));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_over_long_synopsis_is_refused_and_the_typed_learning_points_and_recommendations_are_kept(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var tooLong = string.Join(' ', Enumerable.Repeat("word", 301));

        var page = await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(app.Today, synopsis: tooLong));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("'Synopsis of the case' must be 300 words or fewer (it has 301)", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(tooLong, page.TextareaValue("f_synopsis"));
        Assert.Equal("See the child alone at every visit", page.Html.QuerySelector("textarea[name='lp[0].text']")!.TextContent);
        Assert.Equal("Add 'seen alone' to the visit template", page.Html.QuerySelector("input[name='act[0].what']")!.GetAttribute("value"));
        Assert.Equal("Head of Service", page.Html.QuerySelector("input[name='act[0].owner']")!.GetAttribute("value"));
        var due = app.Today.AddDays(60);
        Assert.Equal(due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Html.QuerySelector("input[name='act[0].due.day']")!.GetAttribute("value"));
        Assert.Equal(due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Html.QuerySelector("input[name='act[0].due.year']")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Actions.CountAsync(a => a.ReviewId == review)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_recommendation_due_date_that_is_not_a_real_date_points_at_its_day_box_and_keeps_what_was_typed(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var answers = OutcomesAnswers(app.Today, synopsis: "Child P was not seen alone.")
            .Where(a => !a.Key.StartsWith("act[0].due", StringComparison.Ordinal))
            .Concat([new("act[0].due.day", "31"), new("act[0].due.month", "2"), new("act[0].due.year", "2027")]);

        var page = await author.SaveStageAsync(review, "outcomes", answers);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        const string message = "The due date of action 1 must be a real date, like 27 3 2026";
        var link = page.Html.QuerySelectorAll(".govuk-error-summary a").Single(a => a.TextContent == message);
        Assert.Equal("#act_0__due", link.GetAttribute("href"));
        var day = page.Html.GetElementById("act_0__due")!;
        Assert.Equal("act[0].due.day", day.GetAttribute("name"));
        Assert.Equal("31", day.GetAttribute("value"));
        Assert.Equal("2", page.InputValue("act_0__due-month"));
        Assert.Equal("2027", page.InputValue("act_0__due-year"));
        Assert.Equal("Error: " + message, page.Html.GetElementById("act_0__due-error")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Actions.CountAsync(a => a.ReviewId == review)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Someone_who_may_not_see_the_review_cannot_see_or_comment_on_its_form(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var outsider = await app.SignedInAsAsync("hol@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/reviews/{review}/outcomes-form")).Status);
        var home = await outsider.GetAsync("/");
        var post = await outsider.PostAsync($"/reviews/{review}/outcomes-form/comments", [new("section", "synopsis"), new("text", "x")], home.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
    }

    private static readonly string[] EarlierStages = ["information", "family", "planning", "event"];

    internal static string Token(TestBrowser.Page page) =>
        page.Html.QuerySelector("input[name=formToken]")!.GetAttribute("value")!;

    internal static IEnumerable<KeyValuePair<string, string>> OutcomesAnswers(DateOnly today, string synopsis) =>
    [
        new("f.familyDetails", "Child P, aged 7, and his mother"), new("f.howUndertaken", "Practitioner event"),
        new("f.contributors", "Social worker, health visitor, school"), new("f.unableToContribute", "GP"),
        .. WorkflowClient.Date("undertakenOn", today), new("f.synopsis", synopsis),
        new("f.findings", "Seeing the child alone matters."), new("lp[0].id", ""), new("lp[0].text", "See the child alone at every visit"),
        new("f.background", "Known to services since 2024."), new("f.strengths", "Quick school referral."),
        new("f.doBetter", "Joint visits."), new("f.familyActions", "None."), new("f.broaderLearning", "Links to the neglect theme."),
        new("act[0].id", ""), new("act[0].what", "Add 'seen alone' to the visit template"), new("act[0].owner", "Head of Service"),
        .. WorkflowClientB.ActionDue(0, today.AddDays(60)), new("act[0].impact", "Audit"),
        new("f.dissemination", "7-minute briefing."), new("f.familyDecisions", "Mother told of the review by letter."),
    ];

    /// <summary>
    /// A Practitioner Learning Review that has reached its outcomes stage, with leo as lead author and
    /// Priya involved. The stages before are marked done directly (their own walkthrough covers them).
    /// </summary>
    internal static async Task<Guid> ReviewAtTheOutcomesStageAsync(AppFactory app)
    {
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());
        var started = await bm.SubmitAsync("/reviews/start/practitioner-learning-review",
            [new("CaseLabel", "Child P"), new("LocalityId", north.ToString()), new("Reason", "serviceImprovement"), new("ReasonDetail", "Not seen alone")]);
        Assert.True(started.IsRedirect, started.ErrorSummary);
        var review = Guid.Parse(started.Location!.Split('/').Last());
        await app.WithDbAsync(async db =>
        {
            var r = await db.Reviews.Include(x => x.Stages).SingleAsync(x => x.Id == review);
            var users = await db.Users.Where(u => u.Email == "lead@demo.example" || u.Email == "practitioner@demo.example").ToListAsync();
            var leo = users.Single(u => u.Email == "lead@demo.example");
            var priya = users.Single(u => u.Email == "practitioner@demo.example");
            // Added through their sets: new rows whose keys are already set would otherwise be taken for updates.
            db.Participants.Add(new Participant { ReviewId = review, UserId = leo.Id, Name = leo.DisplayName, Role = ReviewRole.LeadAuthor });
            db.Participants.Add(new Participant { ReviewId = review, UserId = priya.Id, Name = priya.DisplayName, Role = ReviewRole.Practitioner });
            foreach (var stage in EarlierStages)
                db.StageRecords.Add(new ReviewStageRecord { ReviewId = review, StageKey = stage, Status = StageStatus.Completed });
            r.Stages.Single(s => s.StageKey == "commissioning").Status = StageStatus.Completed;
            db.StageRecords.Add(new ReviewStageRecord { ReviewId = review, StageKey = "outcomes", Status = StageStatus.InProgress });
            r.CurrentStageKey = "outcomes";
            r.Status = ReviewStatus.InProgress;
            return await db.SaveChangesAsync();
        });
        return review;
    }
}
