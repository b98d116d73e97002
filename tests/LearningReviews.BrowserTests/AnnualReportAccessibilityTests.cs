using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

/// <summary>
/// The annual report page in a real browser, checked with axe: reached from the navigation, with a period that is
/// not whole quarters (its error summary and date boxes in error), then with the current quarter's report, whose
/// tables count the demo reviews; and the themes dashboard's SVG charts for the same quarter, which the report's
/// theme figures repeat.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AnnualReportAccessibilityTests(BrowserFixture browser, LearningReviewsAppHost app) : IClassFixture<LearningReviewsAppHost>
{
    [Fact]
    public async Task The_annual_report_page_and_the_themes_dashboard_charts_for_its_quarter_pass_axe()
    {
        // Two demo reviews the business manager oversees tagged, so the themes have something to count and chart.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearningReviewsDbContext>();
            var themes = await db.Themes.Where(t => t.Name == "Neglect" || t.Name == "Information sharing").ToListAsync();
            foreach (var review in await db.Reviews.Include(r => r.Themes).Where(r => r.MethodologyKey == "desktop-review" || r.MethodologyKey == "thematic-review").OrderBy(r => r.Reference).Take(2).ToListAsync())
                review.Themes.AddRange(themes.Where(t => review.Themes.All(had => had.Id != t.Id)));
            await db.SaveChangesAsync();
        }
        // The demo reviews were started today: the report of the quarter holding today counts them.
        var today = app.Services.GetRequiredService<PartnershipTime>().Today;
        var first = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        var last = first.AddMonths(3).AddDays(-1);

        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "bm@demo.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Annual report", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Annual report");

            var start = page.GetByRole(AriaRole.Group, new() { Name = "Start of the period" });
            var end = page.GetByRole(AriaRole.Group, new() { Name = "End of the period" });
            await start.GetByLabel("Day").FillAsync("2");
            await start.GetByLabel("Month").FillAsync(first.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await start.GetByLabel("Year").FillAsync(first.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await end.GetByLabel("Day").FillAsync(last.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await end.GetByLabel("Month").FillAsync(last.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await end.GetByLabel("Year").FillAsync(last.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Show the report" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The period must start on the first day of a quarter");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "annual report, with a period that is not whole quarters");

            await start.GetByLabel("Day").FillAsync("1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show the report" }).ClickAsync();
            await Expect(page.Locator(".app-annual-report-period")).ToContainTextAsync(first.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
            await Expect(page.Locator("#themes tr[data-row='Neglect'] td[data-column='Reviews']")).ToHaveTextAsync("2");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the report as a PDF" })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "annual report for the current quarter");

            // The dashboard for the same quarter: its charts draw the numbers the report's themes table holds.
            var quarter = $"{first.Year}-Q{(first.Month - 1) / 3 + 1}";
            await page.GotoAsync(app.Url($"/themes?from={quarter}&to={quarter}"));
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Reviews per theme" })).ToBeVisibleAsync();
            await Expect(page.Locator("svg#chart-reviews rect[data-category='Neglect']")).ToHaveAttributeAsync("data-value", "2");
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Open and overdue actions per theme" })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "themes dashboard for the report's quarter");
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
