using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

/// <summary>The dip-sample pages and a review's dissemination and publication page (docs/compliance.md, docs/publication.md).</summary>
public sealed partial class PageAccessibilitySweepTests
{
    [Fact]
    public async Task Dip_sample_form_with_errors_and_the_compliance_view_pass_axe()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "tm@demo.example");
            await page.GotoAsync(app.Url("/dip-samples"));
            await Accessibility.AssertNoSeriousViolationsAsync(page, "own dip-sample audits");
            await page.GotoAsync(app.Url("/dip-samples/new"));
            await page.GetByLabel("Case label").FillAsync("Jane Smith");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the audit" }).ClickAsync();
            var summary = await ExpectErrorSummaryFocusedAsync(page);
            await Expect(summary).ToContainTextAsync("not the child's name");
            await Expect(page.GetByLabel("Case label")).ToHaveValueAsync("Jane Smith");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "dip-sample form with errors");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "sm@demo.example");
            await page.GotoAsync(app.Url("/dip-samples/compliance"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dip-sample compliance");
            await Expect(page.Locator(".app-below-minimum").First).ToHaveTextAsync("Below minimum");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "dip-sample compliance");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Publication_page_with_the_summary_check_passes_axe()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "bm@demo.example");
            Guid reviewId;
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LearningReviews.Infrastructure.Persistence.LearningReviewsDbContext>();
                reviewId = await db.Reviews.Where(r => r.MethodologyKey == "practitioner-learning-review").Select(r => r.Id).FirstAsync();
            }
            await page.GotoAsync(app.Url($"/reviews/{reviewId}"));
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Dissemination and publication") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dissemination and publication");
            await page.GetByLabel("Summary of the key findings for publication").FillAsync("Tom Baxter (DOB 02/05/2017) was known under CR-55120.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and check the summary" }).ClickAsync();
            await Expect(page.Locator("mark.app-finding")).ToHaveCountAsync(3);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "publication page with findings");
            await page.GetByRole(AriaRole.Button, new() { Name = "Mark the summary publishable" }).ClickAsync();
            var summary = await ExpectErrorSummaryFocusedAsync(page);
            await Expect(summary).ToContainTextAsync("cannot be marked publishable");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "publication page refusing to mark publishable");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
