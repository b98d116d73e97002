using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

/// <summary>
/// Rows added and removed in the page (wwwroot/js/rows.js): the Team Manager preparing the demo's Child B
/// learning circle types a chronology of three rows, removes the middle one, and saves, without a page load
/// until the save. The server reads the rows posted with a gap (rows 0 and 2).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RowsInThePageTests(BrowserFixture browser, LearningReviewsAppHost app) : IClassFixture<LearningReviewsAppHost>
{
    [Fact]
    public async Task Chronology_rows_are_added_and_removed_without_a_page_load_then_saved()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.GotoAsync(app.Url("/account/sign-in"));
            await page.GetByLabel("Email address").FillAsync("tm@demo.example");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(LearningReviewsAppHost.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(app.Url("/"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Child B" }).First.ClickAsync();
            await page.Locator("ul.govuk-task-list").GetByRole(AriaRole.Link, new() { Name = "Before the learning circle", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Before the learning circle");
            var stageUrl = page.Url;

            // From here until "Save and continue", nothing may load a page.
            var loads = 0;
            page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) loads++; };

            var chronology = page.GetByRole(AriaRole.Group, new() { Name = "Chronology" });
            // The page's own "Save and add more rows" gives way to adding rows in the page.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save and add more rows" })).ToBeHiddenAsync();
            await FillRowAsync(page, 1, new DateOnly(2026, 1, 12), "Referral from the school");

            var add = chronology.GetByRole(AriaRole.Button, new() { Name = "Add another row", Exact = true });
            await add.ClickAsync();
            // Focus is in the new row's first box, and the row is announced.
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Date, row 2", Exact = true }).GetByLabel("Day", new() { Exact = true })).ToBeFocusedAsync();
            await Expect(chronology.GetByRole(AriaRole.Status)).ToHaveTextAsync("Row 2 added");
            await FillRowAsync(page, 2, new DateOnly(2026, 2, 3), "A row typed by mistake");
            await add.ClickAsync();
            await FillRowAsync(page, 3, new DateOnly(2026, 3, 20), "Strategy meeting");

            await chronology.GetByRole(AriaRole.Button, new() { Name = "Remove row 2", Exact = true }).ClickAsync();
            await Expect(chronology.GetByRole(AriaRole.Status)).ToHaveTextAsync("Row 2 removed");
            // The third row is now the second, in its labels and its Remove button.
            await Expect(page.GetByLabel("Event, row 2", new() { Exact = true })).ToHaveValueAsync("Strategy meeting");
            await Expect(page.GetByLabel("Event, row 3", new() { Exact = true })).ToHaveCountAsync(0);
            await Expect(chronology.GetByRole(AriaRole.Button, new() { Name = "Remove row 2", Exact = true })).ToBeVisibleAsync();
            // Focus went to the row that took the removed one's place.
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Date, row 2", Exact = true }).GetByLabel("Day", new() { Exact = true })).ToBeFocusedAsync();
            Assert.Equal(0, loads);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "stage form with rows added and removed in the page");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers");
            Assert.Equal(1, loads);

            await page.GotoAsync(stageUrl);
            await Expect(page.GetByLabel("Event, row 1", new() { Exact = true })).ToHaveValueAsync("Referral from the school");
            await Expect(page.GetByLabel("Event, row 2", new() { Exact = true })).ToHaveValueAsync("Strategy meeting");
            await Expect(page.GetByLabel("Event, row 3", new() { Exact = true })).ToHaveValueAsync("");
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Date, row 2", Exact = true }).GetByLabel("Month", new() { Exact = true })).ToHaveValueAsync("3");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task FillRowAsync(IPage page, int row, DateOnly date, string what)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = $"Date, row {row}", Exact = true });
        await group.GetByLabel("Day", new() { Exact = true }).FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month", new() { Exact = true }).FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year", new() { Exact = true }).FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel($"Event, row {row}", new() { Exact = true }).FillAsync(what);
    }
}
