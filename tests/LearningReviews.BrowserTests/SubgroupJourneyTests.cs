using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

/// <summary>
/// Issue 12's subgroup journey in a real browser: the demo subgroup member (Sunita Gill, who chairs the Quality
/// Performance and Action Group) finds the Desktop Review's plan awaiting her subgroup on My work, reviews it,
/// challenges its action and approves the plan; and the administrator's subgroup pages. Every page passes axe,
/// including the form shown again with its errors.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class SubgroupJourneyTests(BrowserFixture browser, LearningReviewsAppHost app) : IClassFixture<LearningReviewsAppHost>
{
    [GeneratedRegex("Desktop Review action plan")]
    private static partial Regex DesktopPlan();

    [GeneratedRegex("^Action 1: ")]
    private static partial Regex FirstAction();

    [Fact]
    public async Task The_subgroup_member_reviews_a_plan_challenges_an_action_and_approves_the_plan()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "subgroup@demo.example");
            await Expect(page.Locator("table.app-plans-awaiting")).ToContainTextAsync("Quality Performance and Action Group");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "My work with plans awaiting the subgroup");

            await page.GetByRole(AriaRole.Link, new() { NameRegex = DesktopPlan() }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Action plan");
            await Expect(page.Locator(".app-plan-standing")).ToHaveTextAsync("Awaiting the subgroup's first review");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "action plan awaiting its subgroup");

            // A challenge with nothing said about it is refused, with the choices kept.
            var action = page.GetByRole(AriaRole.Group, new() { NameRegex = FirstAction() });
            await action.GetByLabel("Challenge", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Approve the plan").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the meeting's outcome" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say what the meeting challenged about action 1");
            await Expect(action.GetByLabel("Challenge", new() { Exact = true })).ToBeCheckedAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "action plan meeting form with an error");

            await page.GetByLabel("Comment on action 1 (needed for a challenge)").FillAsync("Visit after the first unanswered letter, not the second");
            await page.GetByLabel("Comment on the plan (needed for a challenge)").FillAsync("Approved, with the home-visit trigger to be brought forward");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the meeting's outcome" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The meeting's approval of the plan is recorded, with 1 action challenged");
            await Expect(page.Locator(".app-plan-standing")).ToHaveTextAsync("Approved");
            await Expect(page.Locator(".app-plan-history")).ToContainTextAsync("Plan approved");
            await Expect(page.Locator(".app-plan-history")).ToContainTextAsync("challenged (Visit after the first unanswered letter");
            await Expect(page.Locator("table.app-plan-actions")).ToContainTextAsync("Challenged");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "action plan after the meeting");

            // Approved: it no longer awaits the subgroup on My work.
            await page.GetByRole(AriaRole.Link, new() { Name = "My work", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = DesktopPlan() })).ToHaveCountAsync(0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_administrators_subgroup_pages_pass_axe()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "admin@demo.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Subgroups", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Subgroups");
            await Expect(page.Locator("tr[data-subgroup='Quality Performance and Action Group']")).ToContainTextAsync("Sunita Gill");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "subgroup list");

            await page.GetByRole(AriaRole.Link, new() { Name = "Quality Performance and Action Group", Exact = true }).ClickAsync();
            await Expect(page.Locator("tr[data-member='subgroup@demo.example']")).ToContainTextAsync("Chair");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to the subgroup" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the person to add");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "subgroup page with an error");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(app.Url("/account/sign-in"));
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(LearningReviewsAppHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/"));
    }
}
