using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

/// <summary>
/// Browser (journey) test of the stage forms, with a Learning Conversation
/// (src/LearningReviews.Domain/Workflows/Definitions/learning-conversation.v1.json): a Team Manager starts one,
/// completes the Request stage, then fills Preparation, whose "If their views were not gathered, why not"
/// answer has a 200-word limit. Every page the journey visits is checked with axe-core.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class LearningConversationJourneyTests(BrowserFixture browser, LearningReviewsAppHost app)
    : IClassFixture<LearningReviewsAppHost>
{
    private const string Methodology = "Learning Conversation";
    private const string ReasonLabel = "If their views were not gathered, why not";
    private const int ReasonWordLimit = 200;

    [Fact]
    public async Task TeamManager_completes_Preparation_after_fixing_an_answer_over_its_word_limit()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignInAsync(page, "tm@demo.example");

            // Start a Learning Conversation from the list of kinds of review.
            await page.GotoAsync(app.Url("/reviews/start"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Start a review");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "start a review page");
            await page.GetByRole(AriaRole.Link, new() { Name = Methodology, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(app.Url("/reviews/start/learning-conversation"));
            await Expect(page.Locator("span.govuk-caption-l")).ToHaveTextAsync(Methodology);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Propose a child's case");
            await Expect(page).ToHaveTitleAsync(new Regex($"^Start a {Methodology}"));
            await Expect(page.GetByText("Next: Request.", new() { Exact = true })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "start a Learning Conversation page");

            await page.GetByLabel("Label for the child").FillAsync("Child L");
            // The locality starts on the Team Manager's own.
            await Expect(page.GetByLabel("Locality", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("North Locality");
            await page.GetByLabel("plan is not progressing", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("What happened, and what learning do you hope for?")
                .FillAsync("The plan has not moved on since the last Child in Need meeting.");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Start {Methodology}", Exact = true }).ClickAsync();

            // The new review's page, at the Request stage.
            await Expect(page).ToHaveURLAsync(ReviewUrl());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{Methodology}: Child L");
            var reference = ReferencePattern().Match(await page.Locator("span.govuk-caption-l").InnerTextAsync()).Value;
            Assert.NotEmpty(reference);
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{reference} started. Next: Request.");
            await ExpectCurrentStageAsync(page, "Request", "Not started");
            var reviewUrl = page.Url;
            await Accessibility.AssertNoSeriousViolationsAsync(page, "review page at Request");

            // Request: the first stage has no word limit, so complete it and move on to Preparation.
            await OpenStageAsync(page, "Request", reference);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "Request stage form");
            await page.GetByLabel("The family were told: talk to you about a learning conversation").CheckAsync();
            await page.GetByLabel("TAF (Team Around the Family)", new() { Exact = true }).CheckAsync();
            await FillDateAsync(page, "Date the learning conversation was agreed", new DateOnly(2026, 10, 5));
            await page.GetByLabel("plan is not progressing", new() { Exact = true }).CheckAsync();
            await FillDateAsync(page, "Date the family were made aware and informed of the purpose", new DateOnly(2026, 10, 7));
            await page.GetByLabel("Made aware by", new() { Exact = true }).FillAsync("Priya Shah");
            await SaveAndContinueAsync(page);

            await ExpectCheckAnswersAsync(page, reference, "Request");
            await ExpectAnswerAsync(page, "The multi-agency process that agreed the learning conversation", "TAF (Team Around the Family)");
            await ExpectAnswerAsync(page, "Date the learning conversation was agreed", "5 October 2026");
            await ExpectAnswerAsync(page, "Made aware by", "Priya Shah");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "Request check your answers page");
            // The check page offers the move too.
            await CompleteStageAsync(page);
            // The Team Manager prepares the conversation too, so the move goes straight on to the Preparation form.
            await Expect(page).ToHaveURLAsync(StageUrl(reviewUrl, "preparation"));
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Request is complete. Next: Preparation.");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "Preparation form after completing Request");
            await page.GotoAsync(reviewUrl);
            await ExpectStageStatusAsync(page, "Request", "Completed");
            await ExpectCurrentStageAsync(page, "Preparation", "Not started");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "review page at Preparation");

            // Preparation.
            await OpenStageAsync(page, "Preparation", reference);
            // The facilitator is one person from the people picker: radios in a group, the review's own people first.
            var facilitator = page.GetByRole(AriaRole.Group, new() { Name = "Independent facilitator", Exact = true });
            await Expect(facilitator).ToHaveAccessibleDescriptionAsync(
                "A facilitator will lead the learning conversation who is independent from the professionals involved with the family.");
            // Required only when the views were not gathered: no "(optional)", and the hint says when it is needed.
            var reason = page.GetByLabel(ReasonLabel, new() { Exact = true });
            var wordCount = page.Locator("#f_viewsNotGatheredReason-word-count");
            // The live word count script has started: it replaced the server's "You can enter up to" text.
            await Expect(wordCount).ToHaveTextAsync($"You have {ReasonWordLimit} words remaining");
            await Expect(wordCount).ToHaveAttributeAsync("aria-live", "polite");
            await Expect(reason).ToHaveAccessibleDescriptionAsync(new Regex($"^Needed when the answer to 'Have the child’s and family’s views been gathered\\?' is '[^']+'\\. You have {ReasonWordLimit} words remaining$"));
            await Accessibility.AssertNoSeriousViolationsAsync(page, "Preparation stage form");

            // Searching narrows the list as the user types (by name, role, agency or locality), and says how many match.
            var people = facilitator.Locator("[data-person-search]");
            var everyone = await people.CountAsync();
            Assert.True(everyone > 3, $"The picker lists {everyone} people");
            await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "People in this review" })).ToBeVisibleAsync();
            var search = facilitator.GetByLabel("Search for a person", new() { Exact = true });
            await search.PressSequentiallyAsync("facilitat");
            await Expect(people.Locator("visible=true")).ToHaveCountAsync(1);
            await Expect(facilitator.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 person matches");
            // Tariq (the Team Manager, in the review as its Proposer) does not match, so his group's heading goes too.
            await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "People in this review" })).ToBeHiddenAsync();
            await facilitator.GetByLabel("Fran Ellis", new() { Exact = true }).CheckAsync();
            // Enter in the search box does not send the form; clearing the search shows everyone again, the choice kept.
            await search.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(StageUrl(reviewUrl, "preparation"));
            await search.FillAsync("");
            await Expect(people.Locator("visible=true")).ToHaveCountAsync(everyone);
            await Expect(facilitator.GetByLabel("Fran Ellis", new() { Exact = true })).ToBeCheckedAsync();
            var professionals = page.GetByRole(AriaRole.Group, new() { Name = "Professionals involved with the child and family" });
            await professionals.GetByLabel("Search for a person", new() { Exact = true }).PressSequentiallyAsync("practitioner north");
            // A person already chosen elsewhere is not affected; in this list, the one practitioner in North matches.
            await Expect(professionals.GetByRole(AriaRole.Status)).ToContainTextAsync(" match");
            await professionals.GetByLabel("Priya Shah", new() { Exact = true }).CheckAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "Preparation stage form with the people picker searched");
            // The conversation's date is not typed here: it is booked on the meetings page (below).
            await Expect(page.Locator("[data-meeting-field]")).ToContainTextAsync("Not booked yet");
            await page.GetByLabel("No, their views could not be gathered", new() { Exact = true }).CheckAsync();

            // Exactly at the limit, then typed past it: the count turns into an error as the user types.
            var atLimit = Words(ReasonWordLimit);
            await reason.FillAsync(atLimit);
            await Expect(wordCount).ToHaveTextAsync("You have 0 words remaining");
            await Expect(wordCount).ToHaveClassAsync(new Regex(@"\bgovuk-hint\b"));
            await reason.PressAsync("End");
            await reason.PressSequentiallyAsync(" and five more words here");
            var overLimit = atLimit + " and five more words here";
            await Expect(reason).ToHaveValueAsync(overLimit);
            await Expect(wordCount).ToHaveTextAsync("You have 5 words too many");
            await Expect(wordCount).ToHaveClassAsync(new Regex(@"\bgovuk-error-message\b"));
            await Expect(reason).ToHaveClassAsync(new Regex(@"\bgovuk-textarea--error\b"));
            await SaveAndContinueAsync(page);

            // The server refuses it: GOV.UK error summary, the message by the field, and nothing lost.
            var limitMessage = $"'{ReasonLabel}' must be {ReasonWordLimit} words or fewer (it has {ReasonWordLimit + 5})";
            await Expect(page).ToHaveURLAsync(StageUrl(reviewUrl, "preparation"));
            await Expect(page).ToHaveTitleAsync(new Regex("^Error: Preparation – "));
            var errorSummary = page.Locator(".govuk-error-summary");
            await Expect(errorSummary.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
            await Expect(errorSummary).ToBeFocusedAsync();
            var summaryLink = errorSummary.GetByRole(AriaRole.Link, new() { Name = limitMessage, Exact = true });
            await Expect(summaryLink).ToHaveAttributeAsync("href", "#f_viewsNotGatheredReason");
            await Expect(errorSummary.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
            await Expect(page.Locator("#f_viewsNotGatheredReason-error")).ToHaveTextAsync("Error: " + limitMessage);
            await Expect(reason).ToHaveValueAsync(overLimit);
            await Expect(reason).ToHaveAccessibleDescriptionAsync(new Regex($"Error:\\s+{Regex.Escape(limitMessage)} You have 5 words too many$"));
            await Expect(wordCount).ToHaveTextAsync("You have 5 words too many");
            await Expect(facilitator.GetByLabel("Fran Ellis", new() { Exact = true })).ToBeCheckedAsync();
            await Expect(professionals.GetByLabel("Priya Shah", new() { Exact = true })).ToBeCheckedAsync();
            await Expect(page.GetByLabel("No, their views could not be gathered", new() { Exact = true })).ToBeCheckedAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "Preparation stage form showing the word limit error");

            // The summary's link takes the user to the answer.
            await summaryLink.ClickAsync();
            await Expect(reason).ToBeFocusedAsync();

            // Fixed: the count is back under the limit.
            const string fixedReason = "The family asked for more time before sharing their views; the social worker will gather them before the conversation.";
            await reason.FillAsync(fixedReason);
            await Expect(wordCount).ToHaveTextAsync($"You have {ReasonWordLimit - 19} words remaining");
            await Expect(wordCount).ToHaveClassAsync(new Regex(@"\bgovuk-hint\b"));
            await SaveAndContinueAsync(page);

            await ExpectCheckAnswersAsync(page, reference, "Preparation");
            await ExpectAnswerAsync(page, "Independent facilitator", "Fran Ellis");
            await ExpectAnswerAsync(page, "Professionals involved with the child and family", "Priya Shah");
            await ExpectAnswerAsync(page, "Have the child’s and family’s views been gathered?", "No, their views could not be gathered");
            await ExpectAnswerAsync(page, "The child’s and family’s views", "Not answered");
            await ExpectAnswerAsync(page, ReasonLabel, fixedReason);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "Preparation check your answers page");

            // The conversation is booked from the form's link, on the meetings page with its kind chosen.
            await page.GotoAsync(reviewUrl + "/stages/preparation");
            await page.GetByRole(AriaRole.Link, new() { Name = "Book the learning conversation", Exact = true }).ClickAsync();
            await Expect(page.GetByLabel("Kind of meeting", new() { Exact = true })).ToHaveValueAsync("LearningConversation");
            await FillDateAsync(page, "Date", new DateOnly(2026, 12, 8));
            await page.GetByLabel("Start time", new() { Exact = true }).FillAsync("10:30");
            await page.GetByLabel("Room", new() { Exact = true }).FillAsync("Room 2, Pebblebrook Family Hub");
            await page.GetByLabel("People without an account (optional)", new() { Exact = true }).FillAsync("Lay Member, lay.member@example.org");
            await page.GetByRole(AriaRole.Button, new() { Name = "Book and send invitations", Exact = true }).ClickAsync();
            await page.GotoAsync(reviewUrl + "/stages/preparation/check");
            await ExpectAnswerAsync(page, "Date and time of the learning conversation", "8 December 2026 at 10:30");

            // Back on the review page, nothing is missing, so the stage can be completed.
            await page.GotoAsync(reviewUrl);
            await ExpectCurrentStageAsync(page, "Preparation", "In progress");
            await Expect(page.GetByText("Before this stage can be completed:")).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "review page with Preparation ready to complete");
            await CompleteStageAsync(page);

            await Expect(page).ToHaveURLAsync(reviewUrl);
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Preparation is complete. Next: Learning conversation.");
            await ExpectStageStatusAsync(page, "Request", "Completed");
            await ExpectStageStatusAsync(page, "Preparation", "Completed");
            await ExpectCurrentStageAsync(page, "Learning conversation", "Not started");
            await ExpectStageStatusAsync(page, "Follow-up", "Cannot start yet");
            // Only the facilitator acts at the conversation, so the Team Manager has no move to make.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Complete stage and continue" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Role in this review" })
                .GetByRole(AriaRole.Row).Filter(new() { HasText = "Fran Ellis" })).ToContainTextAsync("Facilitator");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "review page at Learning conversation");
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
        await Accessibility.AssertNoSeriousViolationsAsync(page, "sign-in page");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(LearningReviewsAppHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My work");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "My work page");
    }

    /// <summary>Follows the stage's link in the review page's task list to its form.</summary>
    private static async Task OpenStageAsync(IPage page, string stageTitle, string reference)
    {
        await TaskList(page).GetByRole(AriaRole.Link, new() { Name = stageTitle, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(stageTitle);
        await Expect(page.Locator("span.govuk-caption-l")).ToHaveTextAsync($"{reference} · {Methodology}");
        await Expect(page).ToHaveTitleAsync(new Regex($"^{Regex.Escape(stageTitle)} – {reference}"));
    }

    private static async Task ExpectCheckAnswersAsync(IPage page, string reference, string stageTitle)
    {
        await Expect(page).ToHaveURLAsync(new Regex(@"/stages/[A-Za-z]+/check$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers");
        await Expect(page.Locator("span.govuk-caption-l")).ToHaveTextAsync($"{reference} · {stageTitle}");
        await Expect(page).ToHaveTitleAsync(new Regex($"^Check your answers – {Regex.Escape(stageTitle)}"));
    }

    private static Task ExpectAnswerAsync(IPage page, string label, string shown) =>
        Expect(page.Locator(".govuk-summary-list__row")
                .Filter(new() { Has = page.Locator(".govuk-summary-list__key").GetByText(label, new() { Exact = true }) })
                .Locator(".govuk-summary-list__value"))
            .ToHaveTextAsync(shown);

    /// <summary>The current stage is named in the summary and is the task list's linked, not yet completed item.</summary>
    private static async Task ExpectCurrentStageAsync(IPage page, string stageTitle, string status)
    {
        await Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Current stage" })
            .Locator(".govuk-summary-list__value")).ToHaveTextAsync(stageTitle);
        await ExpectStageStatusAsync(page, stageTitle, status);
    }

    private static Task ExpectStageStatusAsync(IPage page, string stageTitle, string status) =>
        Expect(TaskList(page).GetByRole(AriaRole.Listitem)
                .Filter(new() { Has = page.Locator(".govuk-task-list__name-and-hint").GetByText(stageTitle, new() { Exact = true }) })
                .Locator(".govuk-task-list__status"))
            .ToHaveTextAsync(status);

    private static ILocator TaskList(IPage page) => page.Locator("ul.govuk-task-list");

    private static async Task FillDateAsync(IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
        await group.GetByLabel("Day", new() { Exact = true }).FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month", new() { Exact = true }).FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year", new() { Exact = true }).FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static Task SaveAndContinueAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Save and continue", Exact = true }).ClickAsync();

    private static Task CompleteStageAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Complete stage and continue", Exact = true }).ClickAsync();

    /// <summary>Text of exactly <paramref name="count"/> words, on several lines like a real answer.</summary>
    private static string Words(int count) =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => i % 20 == 0 ? $"word{i}.\n" : $"word{i}")).Replace("\n ", "\n", StringComparison.Ordinal);

    private static Regex StageUrl(string reviewUrl, string stageKey) =>
        new("^" + Regex.Escape(reviewUrl + "/stages/" + stageKey) + "$");

    [GeneratedRegex(@"/reviews/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex ReviewUrl();

    [GeneratedRegex(@"LR-\d{4}-\d{4}")]
    private static partial Regex ReferencePattern();
}
