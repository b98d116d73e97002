using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

/// <summary>
/// Sweeps the pages added most recently with axe-core in a real Chromium: starting a review (the list of
/// kinds, and the several-families form with its errors), a review's people, the Learning Review
/// Outcomes Form, exports, My work for a practitioner, a rapid review's page and the administrator's
/// Email page.
/// Where a page shows the GOV.UK error summary, the keyboard path is checked too: focus lands on the
/// summary, Tab reaches its first link and Enter takes the user to the field.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class PageAccessibilitySweepTests(BrowserFixture browser, LearningReviewsAppHost app)
    : IClassFixture<LearningReviewsAppHost>
{
    [Fact]
    public async Task Start_pages_and_thematic_review_form_with_errors_pass_axe()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "bm@demo.example");

            await page.GotoAsync(app.Url("/reviews/start"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Start a review");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Thematic Review", Exact = true })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "start a review page (Business Manager)");

            await page.GotoAsync(app.Url("/reviews/start/thematic-review"));
            await Expect(page.Locator("span.govuk-caption-l")).ToHaveTextAsync("Thematic Review");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Propose the families for this review");
            await Expect(page.GetByLabel("Labels for the other children or families")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "start a Thematic Review page");

            await page.GetByRole(AriaRole.Button, new() { Name = "Start Thematic Review", Exact = true }).ClickAsync();
            await Expect(page).ToHaveTitleAsync(new Regex("^Error: Start a Thematic Review"));
            var errorSummary = await ExpectErrorSummaryFocusedAsync(page);
            await Expect(errorSummary.GetByRole(AriaRole.Link, new() { Name = "Enter a label for the child, like Child A" }))
                .ToHaveAttributeAsync("href", "#CaseLabel");
            await Expect(errorSummary.GetByRole(AriaRole.Link, new() { Name = "Select why this case is being proposed" }))
                .ToHaveAttributeAsync("href", "#Reason");
            await Expect(errorSummary.GetByRole(AriaRole.Link, new() { Name = "Enter what happened and what learning you hope for" }))
                .ToHaveAttributeAsync("href", "#ReasonDetail");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "start a Thematic Review page showing validation errors");

            await Expect(errorSummary.GetByRole(AriaRole.Link).First).ToHaveTextAsync("Enter a label for the child, like Child A");
            await FollowFirstSummaryLinkByKeyboardAsync(page, errorSummary);
            await Expect(page.GetByLabel("Label for the first child or family")).ToBeFocusedAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Participants_page_and_its_add_form_with_errors_pass_axe()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "tm@demo.example");

            await page.GetByRole(AriaRole.Link).Filter(new() { HasText = "Child B" }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(ReviewUrl());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Child B");
            await page.GetByRole(AriaRole.Link, new() { Name = "Add or remove people", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/reviews/[0-9a-f-]{36}/participants$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("People involved");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add someone" })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "participants page");

            // "Someone with an account" is chosen to start with; nobody and no role are picked.
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to the review", Exact = true }).ClickAsync();
            await Expect(page).ToHaveTitleAsync(new Regex("^Error: People involved"));
            var errorSummary = await ExpectErrorSummaryFocusedAsync(page);
            await Expect(errorSummary.GetByRole(AriaRole.Link, new() { Name = "Select the person from the list" }))
                .ToHaveAttributeAsync("href", "#Form_UserId");
            await Expect(errorSummary.GetByRole(AriaRole.Link, new() { Name = "Select the person's role in this review" }))
                .ToHaveAttributeAsync("href", "#Form_Role");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "participants page showing add form errors");

            // Errors are listed in the order of the fields on the page (GOV.UK): the person comes before the role.
            await Expect(errorSummary.GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", "#Form_UserId");
            await FollowFirstSummaryLinkByKeyboardAsync(page, errorSummary);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Outcomes_form_draft_before_the_outcomes_stage_passes_axe_and_offers_no_steps()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "bm@demo.example");

            await page.GotoAsync(app.Url("/reviews/start/practitioner-learning-review"));
            await Expect(page.Locator("span.govuk-caption-l")).ToHaveTextAsync("Practitioner Learning Review");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "start a Practitioner Learning Review page");
            await page.GetByLabel("Label for the child").FillAsync("Child P");
            await page.GetByLabel("There are examples of good practice for learning across the partnership").CheckAsync();
            await page.GetByLabel("What happened, and what learning do you hope for?")
                .FillAsync("Agencies worked well together after a late referral; we want to learn what helped.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start Practitioner Learning Review", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(ReviewUrl());
            var reviewUrl = page.Url;

            // The form renders as a draft before the review reaches its outcomes stage.
            await page.GetByRole(AriaRole.Link, new() { Name = "Learning Review Outcomes Form", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(reviewUrl + "/outcomes-form");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Learning Review Outcomes Form");
            await Expect(page.Locator(".app-form-status")).ToHaveTextAsync("Draft");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "Outcomes Form draft page");

            // Before the review reaches its outcomes stage nobody may circulate, finalise or comment
            // (the authorisation rules of docs/security.md), so the draft is shown without those forms.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Circulate for comment", Exact = true })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Circulate for comment until" })).ToHaveCountAsync(0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Exports_page_passes_axe()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "bm@demo.example");

            await page.GotoAsync(app.Url("/exports"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Export forms and records");
            await Expect(page.GetByLabel("Methodology", new() { Exact = true })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "exports page");

            // The filters work from the keyboard: Enter in the theme box applies them.
            await page.GetByLabel("Theme contains").FillAsync("no theme has this text");
            await page.GetByLabel("Theme contains").PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex(@"/exports\?.*Theme=no\+theme"));
            await Expect(page.GetByLabel("Theme contains")).ToHaveValueAsync("no theme has this text");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "exports page with filters applied");

            // The From and To dates are GOV.UK date inputs; an impossible date comes back with the error
            // summary, whose link leads to the From Day box, and keeps what was typed.
            await page.Locator("#From").FillAsync("31");
            await page.Locator("#From-month").FillAsync("2");
            await page.Locator("#From-year").FillAsync("2026");
            await page.Locator("#From-year").PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex(@"/exports\?.*From\.day=31"));
            var summary = page.Locator(".govuk-error-summary");
            await Expect(summary).ToContainTextAsync("Enter the From date as a real date");
            await Expect(page.Locator("#From")).ToHaveValueAsync("31");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "exports page with a date error");
            await summary.GetByRole(AriaRole.Link).ClickAsync();
            // GOV.UK Frontend's error summary script moves focus to the box rather than following the link.
            await Expect(page.Locator("#From")).ToBeFocusedAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task My_work_as_a_practitioner_passes_axe()
    {
        var page = await browser.NewPageAsync();
        try
        {
            // SignInAsync checks My work with axe once it lands there.
            await SignInAsync(page, "practitioner@demo.example");
            await Expect(page.GetByRole(AriaRole.Link).Filter(new() { HasText = "Child A" })).ToHaveCountAsync(1);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "My work page (practitioner)");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Rapid_review_page_passes_axe()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "bm@demo.example");

            await page.GotoAsync(app.Url("/reviews/start/rapid-review"));
            await Expect(page.Locator("span.govuk-caption-l")).ToHaveTextAsync("Rapid Review");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "start a Rapid Review page");
            await page.GetByLabel("Label for the child").FillAsync("Child R");
            await page.GetByLabel("What happened, and what learning do you hope for?")
                .FillAsync("Serious incident notification received from the police.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start Rapid Review", Exact = true }).ClickAsync();

            await Expect(page).ToHaveURLAsync(ReviewUrl());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Child R");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("started. Next: Serious incident notification.");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "Rapid Review page");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Email_page_and_its_test_message_pass_axe()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "admin@demo.example");

            await page.GetByRole(AriaRole.Link, new() { Name = "Email", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Email");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "Email page");

            await page.GetByRole(AriaRole.Button, new() { Name = "Send a test message to me" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("A test message to admin@demo.example is waiting to be sent");
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Test message from Learning Reviews" })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "Email page with a waiting message");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(app.Url("/account/sign-in"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to Learning Reviews");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(LearningReviewsAppHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My work");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "My work page");
    }

    /// <summary>GOV.UK Frontend's error summary script moves focus to the summary when the page loads.</summary>
    private static async Task<ILocator> ExpectErrorSummaryFocusedAsync(IPage page)
    {
        var errorSummary = page.Locator(".govuk-error-summary");
        await Expect(errorSummary.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await Expect(errorSummary).ToBeFocusedAsync();
        return errorSummary;
    }

    /// <summary>From the focused summary, Tab reaches its first link and Enter moves focus to the field it names.</summary>
    private static async Task FollowFirstSummaryLinkByKeyboardAsync(IPage page, ILocator errorSummary)
    {
        var link = errorSummary.GetByRole(AriaRole.Link).First;
        var target = await link.GetAttributeAsync("href");
        Assert.NotNull(target);
        Assert.StartsWith("#", target, StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Tab");
        await Expect(link).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(target)).ToBeFocusedAsync();
    }

    [GeneratedRegex(@"/reviews/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex ReviewUrl();
}
