using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

/// <summary>The administrator's Agency leads pages, a re-check task on My work and an action's escalations (docs/action-plans.md).</summary>
public sealed partial class PageAccessibilitySweepTests
{
    [Fact]
    public async Task Agency_leads_pages_rechecks_due_and_an_actions_escalations_pass_axe()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "admin@demo.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Agency leads", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Agency leads");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "agency leads list");

            await page.Locator("table.app-agency-leads a").First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Safeguarding lead");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "an agency's lead page");
            var leadId = await WithDbAsync(db => db.Users.Where(u => u.Email == "agency@demo.example").Select(u => u.Id).SingleAsync());
            await page.GetByLabel("Lead", new() { Exact = true }).SelectOptionAsync(leadId);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the lead" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Agency leads");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("safeguarding lead");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "agency leads list with a lead named");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        // A closed action of Child B's circle owned by the Team Manager, its re-check due yesterday, once escalated.
        var actionId = await WithDbAsync(async db =>
        {
            var tm = await db.Users.Where(u => u.Email == "tm@demo.example").Select(u => new { u.Id, u.DisplayName }).SingleAsync();
            var review = await db.Reviews.Where(r => r.Title.EndsWith("Child B")).Select(r => r.Id).SingleAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var action = new ReviewAction
            {
                ReviewId = review, What = "Check the new referral form is used", OwnerName = tm.DisplayName, OwnerUserId = tm.Id,
                DueDate = today.AddDays(-60), Status = ActionStatus.CompletedAndEmbedded, EvidenceOfImpact = "Audit of ten referrals",
                RecheckOn = today.AddDays(-1), Source = ActionSource.CircleAction, SourceStageKey = "circle", SourceKey = "browser-test-recheck",
            };
            db.Actions.Add(action);
            db.ActionEscalations.Add(new ActionEscalation { ActionId = action.Id, Step = EscalationStep.Owner, DueDate = action.DueDate!.Value, SentAt = DateTime.UtcNow.AddDays(-59), SentTo = tm.DisplayName });
            await db.SaveChangesAsync();
            return action.Id;
        });
        page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "tm@demo.example"); // checks My work, with the task, with axe
            var task = page.Locator("ul.app-rechecks-due a", new() { HasText = "Check the new referral form is used" });
            await Expect(task).ToBeVisibleAsync();
            await task.ClickAsync();
            await Expect(page).ToHaveURLAsync(app.Url($"/action-plans/{actionId}"));
            await Expect(page.Locator("table.app-action-escalations tbody tr")).ToHaveCountAsync(1);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "action page with its escalations");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<T> WithDbAsync<T>(Func<LearningReviewsDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<LearningReviewsDbContext>());
    }
}
