using System.Globalization;
using System.Net;
using LearningReviews.Domain.Subgroups;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Subgroups;

/// <summary>
/// A subgroup's review of an action plan, on the demo data (the Desktop Review's plan belongs to the Quality
/// Performance and Action Group, which the demo subgroup member chairs): who may see the plan, give it to a
/// subgroup and record a meeting; a challenge refused without a comment (what was typed kept); a challenged
/// action with an approved plan saved and shown in the history; a stale page refused; the plan leaving My work's
/// "Plans awaiting your subgroup" once approved; the action plans list's subgroup filter; and the audit.
/// </summary>
public sealed class ActionPlanReviewTests
{
    private static Task<Guid> DesktopReviewAsync(AppFactory app) =>
        app.WithDbAsync(db => db.Reviews.Where(r => r.MethodologyKey == "desktop-review").Select(r => r.Id).SingleAsync());

    private static Task<Guid> SubgroupAsync(AppFactory app, string name) =>
        app.WithDbAsync(db => db.Subgroups.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    private static List<KeyValuePair<string, string>> Meeting(TestBrowser.Page page, DateOnly on, string? actionOutcome, string? actionComment, string? planOutcome, string? planComment)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("MeetingOn.day", on.Day.ToString(CultureInfo.InvariantCulture)), new("MeetingOn.month", on.Month.ToString(CultureInfo.InvariantCulture)),
            new("MeetingOn.year", on.Year.ToString(CultureInfo.InvariantCulture)),
            new("LastSeen", page.InputValue("LastSeen") ?? page.Html.QuerySelector("input[name='LastSeen']")!.GetAttribute("value") ?? ""),
            new("Items[0].ActionId", page.Html.QuerySelector("input[name='Items[0].ActionId']")!.GetAttribute("value")!),
            new("Items[0].Outcome", actionOutcome ?? ""), new("Items[0].Comment", actionComment ?? ""),
            new("Comment", planComment ?? ""),
        };
        if (planOutcome is not null) fields.Add(new("Outcome", planOutcome));
        return fields;
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_member_challenges_an_action_and_approves_the_plan_and_the_history_shows_it(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var member = await app.SignedInAsAsync("subgroup@demo.example");
        using var lead = await app.SignedInAsAsync("lead@demo.example");
        using var outsider = await app.SignedInAsAsync("facilitator@demo.example");
        var review = await DesktopReviewAsync(app);
        var url = $"/reviews/{review}/action-plan";

        // My work lists the plan awaiting the member's subgroup.
        var home = await member.GetAsync("/");
        Assert.True(home.Html.QuerySelector("table.app-plans-awaiting") is not null, string.Join("\n", app.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Take(3)));
        Assert.Contains(url, home.Html.QuerySelector("table.app-plans-awaiting")!.InnerHtml, StringComparison.Ordinal);
        Assert.Null((await lead.GetAsync("/")).Html.QuerySelector("table.app-plans-awaiting"));

        // Someone who may not see the review gets "not found"; the lead author sees the plan but is not on the subgroup.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).Status);
        var leadPage = await lead.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, leadPage.Status);
        Assert.Null(leadPage.Html.QuerySelector("form.app-plan-meeting"));
        var page = await member.GetAsync(url);
        Assert.Equal(SubgroupDemos.QualityPerformance, page.Html.QuerySelector(".app-plan-owner")!.TextContent.Trim());
        Assert.NotNull(page.Html.QuerySelector("form.app-plan-meeting"));
        var leadRefused = await lead.PostAsync(url + "/meeting", Meeting(page, app.Today, null, null, "Approved", null), leadPage.AntiforgeryToken());
        AssertRefused(leadRefused);
        // Only the business manager gives a plan to a subgroup.
        var qpag = await SubgroupAsync(app, SubgroupDemos.QualityPerformance);
        var giveRefused = await member.PostAsync(url + "/subgroup", [new("subgroupId", qpag.ToString()), new("was", qpag.ToString())], page.AntiforgeryToken());
        AssertRefused(giveRefused);

        // A challenge with no comment, and a meeting in the future: refused, with what was typed kept.
        var refused = await member.PostAsync(url + "/meeting", Meeting(page, app.Today.AddDays(1), "Challenged", "", "Approved", "Good plan overall"), page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Say what the meeting challenged about action 1", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("today or in the past", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Good plan overall", refused.TextareaValue("Comment")?.Trim());
        Assert.NotNull(refused.Html.QuerySelector("input[name='Items[0].Outcome'][value='Challenged'][checked]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.ActionPlanReviews.CountAsync(p => p.ReviewId == review)));

        var saved = await member.PostAsync(url + "/meeting",
            Meeting(page, app.Today, "Challenged", "Two letters is too many: visit after the first", "Approved", "Approved with the challenge noted"), page.AntiforgeryToken());
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        var record = await app.WithDbAsync(db => db.ActionPlanReviews.AsNoTracking().Include(p => p.Items).SingleAsync(p => p.ReviewId == review));
        Assert.Equal(PlanDecision.Approved, record.Outcome);
        Assert.Equal(qpag, record.SubgroupId);
        Assert.Equal(app.Today, record.MeetingOn);
        var item = Assert.Single(record.Items);
        Assert.Equal(PlanDecision.Challenged, item.Outcome);
        Assert.Equal("Two letters is too many: visit after the first", item.Comment);

        var shown = await member.FollowAsync(saved);
        Assert.Equal("Approved", shown.Html.QuerySelector(".app-plan-standing")!.TextContent.Trim());
        var history = shown.Html.QuerySelector(".app-plan-history")!.TextContent;
        Assert.Contains("Plan approved", history, StringComparison.Ordinal);
        Assert.Contains("challenged (Two letters is too many", history, StringComparison.Ordinal);

        // The page read before the record is stale: posting from it again is refused, not recorded twice.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await member.PostAsync(url + "/meeting", Meeting(page, app.Today, null, null, "Approved", null), page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("Someone recorded a meeting's outcome", again.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.ActionPlanReviews.CountAsync(p => p.ReviewId == review)));

        // Approved: no longer awaiting the subgroup on My work.
        Assert.Null((await member.GetAsync("/")).Html.QuerySelector($"table.app-plans-awaiting a[href='{url}']"));

        var audited = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.ReviewId == review && (e.EntityType == "ActionPlan" || e.EntityType == nameof(ActionPlanReview)))
            .Select(e => new { e.Action, e.Detail }).ToListAsync());
        Assert.Contains(audited, e => e.Action == "Viewed");
        Assert.Contains(audited, e => e.Action == "AccessDenied");
        var created = Assert.Single(audited, e => e.Action == "Created");
        Assert.DoesNotContain("Two letters", created.Detail, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_long_queue_of_plans_lists_the_first_twenty_in_reference_order_and_says_more_than_a_hundred(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var member = await app.SignedInAsAsync($"subgroup@{DemoDataSeeder.Domain}");
        var qpag = await SubgroupAsync(app, SubgroupDemos.QualityPerformance);
        // 130 plans for the demo member's subgroup, each with an action: the first ten approved by the subgroup after their
        // action was added (so they do not await it), the other 120 not yet reviewed (so they do).
        await app.WithDbAsync(async db =>
        {
            for (var n = 1; n <= 130; n++)
            {
                var review = Outcomes.ExportListPagingTests.NewReview(n, "desktop-review", "outcomes", "goodPractice", Domain.Reviews.ReviewStatus.InProgress);
                review.SubgroupId = qpag;
                review.Actions.Add(new Domain.Reviews.ReviewAction { What = $"Queued action {n}" });
                db.Reviews.Add(review);
                if (n <= 10)
                {
                    db.ActionPlanReviews.Add(new ActionPlanReview
                    {
                        ReviewId = review.Id, SubgroupId = qpag, MeetingOn = app.Today, Outcome = PlanDecision.Approved,
                        RecordedByUserId = "someone", RecordedByName = "Someone", RecordedAt = app.Clock.GetUtcNow().UtcDateTime.AddHours(1),
                    });
                }
            }
            return await db.SaveChangesAsync();
        });

        var table = (await member.GetAsync("/")).Html.QuerySelector("table.app-plans-awaiting")!;
        Assert.Contains("(the first 20 of more than 100)", table.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        // The first twenty awaiting, by reference: the approved ones, which sort first, are left out.
        var references = table.QuerySelectorAll("tbody tr a").Select(a => a.TextContent.Split(':')[0]).ToList();
        Assert.Equal(Enumerable.Range(11, 20).Select(Outcomes.ExportListPagingTests.Reference), references);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_business_manager_gives_a_plan_to_another_subgroup_and_the_list_filters_by_subgroup(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var review = await DesktopReviewAsync(app);
        var url = $"/reviews/{review}/action-plan";
        var qpag = await SubgroupAsync(app, SubgroupDemos.QualityPerformance);
        var learning = await SubgroupAsync(app, SubgroupDemos.LearningAndImprovement);

        var listed = await bm.GetAsync($"/action-plans?Subgroup={qpag}");
        Assert.Single(listed.Html.QuerySelectorAll("table.app-action-plans tbody tr"));
        Assert.Empty((await bm.GetAsync($"/action-plans?Subgroup={learning}")).Html.QuerySelectorAll("table.app-action-plans tbody tr"));

        var page = await bm.GetAsync(url);
        // No subgroup chosen: the error summary, and nothing changes.
        var none = await bm.PostAsync(url + "/subgroup", [new("subgroupId", ""), new("was", qpag.ToString())], page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
        Assert.Contains("Choose the subgroup that will own the plan", none.ErrorSummary, StringComparison.Ordinal);

        var given = await bm.PostAsync(url + "/subgroup", [new("subgroupId", learning.ToString()), new("was", qpag.ToString())], page.AntiforgeryToken());
        Assert.True(given.IsRedirect, given.ErrorSummary);
        Assert.Equal(learning, await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.SubgroupId).SingleAsync()));
        Assert.Single((await bm.GetAsync($"/action-plans?Subgroup={learning}")).Html.QuerySelectorAll("table.app-action-plans tbody tr"));

        // The same page posted again (it still says the plan was the Quality Performance and Action Group's) is refused.
        var stale = await bm.PostAsync(url + "/subgroup", [new("subgroupId", qpag.ToString()), new("was", qpag.ToString())], page.AntiforgeryToken());
        Assert.True(stale.IsRedirect);
        Assert.Contains("Someone else gave this plan to a subgroup", (await bm.FollowAsync(stale)).Text, StringComparison.Ordinal);
        Assert.Equal(learning, await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.SubgroupId).SingleAsync()));

        // Without the antiforgery token nothing changes.
        var forged = await bm.PostAsync(url + "/subgroup", [new("subgroupId", qpag.ToString()), new("was", learning.ToString())], null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(learning, await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.SubgroupId).SingleAsync()));
    }

    /// <summary>Refused: the cookie sign-in sends the browser to the access-denied page.</summary>
    private static void AssertRefused(TestBrowser.Page page)
    {
        Assert.True(page.IsRedirect, page.Status.ToString());
        Assert.Contains("/account/access-denied", page.Location, StringComparison.Ordinal);
    }
}
