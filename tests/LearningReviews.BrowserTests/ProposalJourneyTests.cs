using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

/// <summary>
/// Browser (journey) tests: a real Chromium drives the real app over HTTP, and every page the journey
/// visits is checked with axe-core.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ProposalJourneyTests(BrowserFixture browser, LearningReviewsAppHost app)
    : IClassFixture<LearningReviewsAppHost>
{
    /// <summary>Where the screenshot of the review page goes (outside the repository).</summary>
    private static readonly string ScreenshotPath =
        Environment.GetEnvironmentVariable("LR_BROWSER_SCREENSHOT") is { Length: > 0 } custom ? custom : "/tmp/browser-review.png";

    [Fact]
    public async Task HeadOfLocality_proposes_a_case_and_sees_it_on_My_work()
    {
        var page = await browser.NewPageAsync();
        try
        {
            // Signed out, My work sends the user to sign in.
            await page.GotoAsync(app.Url("/"));
            await Expect(page).ToHaveURLAsync(SignInUrl());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to Learning Reviews");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "sign-in page");

            await page.GetByLabel("Email address").FillAsync("hol@demo.example");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(LearningReviewsAppHost.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

            // Back on My work, signed in as the Head of Locality.
            await Expect(page).ToHaveURLAsync(app.Url("/"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My work");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "My work page");

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" })
                .GetByRole(AriaRole.Link, new() { Name = "Propose a review", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(app.Url("/reviews/propose"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Propose a child's case");
            await Expect(page.Locator("span.govuk-caption-l")).ToHaveTextAsync("Locality Learning Circle");
            await Expect(page).ToHaveTitleAsync(new Regex("^Start a Locality Learning Circle"));
            await Expect(page.GetByText($"Next: {FirstStageTitle}.", new() { Exact = true })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "propose page");

            // Submitting the empty form shows the GOV.UK error summary and "Error:" in the title. The
            // locality select starts on the proposer's own locality, so clear it to make it empty too.
            var locality = page.GetByLabel("Locality", new() { Exact = true });
            await Expect(locality.Locator("option:checked")).ToHaveTextAsync("North Locality");
            await locality.SelectOptionAsync("");
            await SubmitProposalAsync(page);
            var errorSummary = page.Locator(".govuk-error-summary");
            await Expect(errorSummary.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
            await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
            await Expect(errorSummary.GetByRole(AriaRole.Link, new() { Name = "Enter a label for the child, like Child A" }))
                .ToHaveAttributeAsync("href", "#CaseLabel");
            await Expect(errorSummary.GetByRole(AriaRole.Link, new() { Name = "Select the child's locality" }))
                .ToHaveAttributeAsync("href", "#LocalityId");
            await Expect(errorSummary.GetByRole(AriaRole.Link, new() { Name = "Select why this case is being proposed" }))
                .ToHaveAttributeAsync("href", "#Reason");
            await Expect(errorSummary.GetByRole(AriaRole.Link, new() { Name = "Enter what happened and what learning you hope for" }))
                .ToHaveAttributeAsync("href", "#ReasonDetail");
            // Each field repeats its message next to it.
            await Expect(page.Locator("#CaseLabel-error")).ToContainTextAsync("Enter a label for the child, like Child A");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "propose page showing validation errors");

            // A complete proposal.
            await page.GetByLabel("Label for the child").FillAsync("Child Q");
            await page.GetByLabel("Locality", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "North Locality" });
            await page.GetByLabel("Escalation of risk to the child and family members").CheckAsync();
            await page.GetByLabel("What happened, and what learning do you hope for?")
                .FillAsync("Two missed health appointments and a new referral from school in the same month.");
            await SubmitProposalAsync(page);

            // The new review's page.
            await Expect(page).ToHaveURLAsync(ReviewUrl());
            var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
            await Expect(heading).ToContainTextAsync("Child Q");
            var caption = page.Locator("span.govuk-caption-l");
            await Expect(caption).ToHaveTextAsync(ReferencePattern());
            var reference = ReferencePattern().Match(await caption.InnerTextAsync()).Value;
            await Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Reference" })
                .Locator(".govuk-summary-list__value")).ToHaveTextAsync(reference);
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{reference} started. Next: {FirstStageTitle}.");
            var reviewUrl = page.Url;
            await Accessibility.AssertNoSeriousViolationsAsync(page, "review page");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });

            // My work lists it, with a link to the review.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" })
                .GetByRole(AriaRole.Link, new() { Name = "My work", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(app.Url("/"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My work");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = reference, Exact = true }) });
            await Expect(row).ToHaveCountAsync(1);
            var link = row.GetByRole(AriaRole.Link);
            await Expect(link).ToContainTextAsync("Child Q");
            await Expect(link).ToHaveAttributeAsync("href", new Uri(reviewUrl).AbsolutePath);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "My work page after proposing");

            await link.ClickAsync();
            await Expect(page).ToHaveURLAsync(reviewUrl);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Child Q");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "review page opened from My work");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Skip_link_is_the_first_tab_stop()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.GotoAsync(app.Url("/account/sign-in"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to Learning Reviews");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "sign-in page");

            await page.Keyboard.PressAsync("Tab");
            var focused = page.Locator(":focus");
            await Expect(focused).ToHaveTextAsync("Skip to main content");
            await Expect(focused).ToHaveAttributeAsync("href", "#main-content");

            // Following it moves focus into the main content (GOV.UK's skip link script focuses <main>).
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("main#main-content")).ToBeFocusedAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static Task SubmitProposalAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Start Locality Learning Circle", Exact = true }).ClickAsync();

    /// <summary>The first stage of the Locality Learning Circle (locality-learning-circle.v1.json).</summary>
    private const string FirstStageTitle = "Proposal at the Locality Management Meeting";

    [GeneratedRegex(@"/account/sign-in\?ReturnUrl=%2F$", RegexOptions.IgnoreCase)]
    private static partial Regex SignInUrl();

    [GeneratedRegex(@"/reviews/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex ReviewUrl();

    [GeneratedRegex(@"LR-\d{4}-\d{4}")]
    private static partial Regex ReferencePattern();
}
