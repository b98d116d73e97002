using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

/// <summary>The themes dashboard and the theme list in a real browser, checked with axe.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ThemesAccessibilityTests(BrowserFixture browser, LearningReviewsAppHost app) : IClassFixture<LearningReviewsAppHost>
{
    [Fact]
    public async Task The_themes_dashboard_with_its_charts_passes_axe()
    {
        // The demo reviews carry themes (Features/Demo/ThemeDemos), so the charts have bars to draw. Of the reviews the
        // business manager oversees, the Thematic Review is the one tagged Neglect (Child C's circle is not theirs).
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "bm@demo.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Themes", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Themes across reviews");
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Reviews per theme" })).ToBeVisibleAsync();
            await Expect(page.Locator("#theme-counts tr[data-theme='Neglect'] [data-count='reviews']")).ToHaveTextAsync("1");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "themes dashboard");

            await page.GetByLabel("Trend of the theme").SelectOptionAsync(new SelectOptionValue { Label = "Neglect" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Reviews tagged Neglect, quarter by quarter" })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "themes dashboard following one theme");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_theme_list_and_its_forms_pass_axe()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "admin@demo.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Theme list", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Theme list");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "theme list");

            await page.GetByRole(AriaRole.Link, new() { Name = "Add a theme" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the theme" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the theme's name");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "add a theme, with an error");

            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Harm outside the home");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the theme" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Theme 'Harm outside the home' added");
            await page.GetByRole(AriaRole.Button, new() { Name = "Retire Harm outside the home" }).ClickAsync();
            await Expect(page.Locator("tr[data-theme='Harm outside the home']")).ToContainTextAsync("Retired");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "theme list after retiring a theme");
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
