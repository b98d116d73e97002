using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Calendar = Ical.Net.Calendar;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests;

/// <summary>
/// The journeys of issue 11, as the demo users, in a real Chromium with scripts on: the team manager books a
/// learning circle and invites a learner, who accepts from the link in the email (the .eml the app wrote,
/// its .ics read back with Ical.Net) without signing in; the team manager circulates a chronology, and the
/// learner's email link asks them to sign in and then gives them the file. The agency representative
/// imports a chronology with a bad row and the business manager sees the combined view in date order,
/// named and anonymised. Every kind of page met is checked with axe-core (WCAG 2.2 AA); the axe sweep of
/// the pages the journeys do not reach is in ReviewRecordsJourneyTests.Sweep.cs.
/// </summary>
/// <remarks>
/// The app's clock starts on the journeys' fixed Wednesday (<see cref="MailJourneyAppHost"/>), so the
/// dates typed fall on the same weekdays on every run. The tests of this class share one app and database;
/// each works on its own demo review, or adds to one without relying on what another test did.
/// </remarks>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ReviewRecordsJourneyTests(BrowserFixture browser, MailJourneyAppHost app)
    : IClassFixture<MailJourneyAppHost>, IAsyncLifetime
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Everyone's browser tabs in this test, closed at its end.</summary>
    private readonly List<IPage> _pages = [];

    [Fact]
    public async Task Team_manager_books_a_circle_a_learner_accepts_from_the_email_and_the_chronology_is_circulated()
    {
        var circleDay = app.Today.AddDays(7); // next Wednesday

        // The team manager runs the preparation of Child B's learning circle; Priya Shah joins it as a learner.
        var tm = await SignedInAsync("tm@demo.example");
        await tm.GetByRole(AriaRole.Link).Filter(new() { HasText = "Child B" }).First.ClickAsync();
        await Expect(tm).ToHaveURLAsync(ReviewAddress());
        var reviewUrl = tm.Url;
        await tm.GetByRole(AriaRole.Link, new() { Name = "Add or remove people", Exact = true }).ClickAsync();
        await Expect(Heading(tm)).ToHaveTextAsync("People involved");
        await tm.GetByLabel("If they have an account: who are they?").SelectOptionAsync(new SelectOptionValue { Label = "Priya Shah" });
        await tm.GetByLabel("Role in this review").SelectOptionAsync(new SelectOptionValue { Label = "Learner" });
        await tm.GetByRole(AriaRole.Button, new() { Name = "Add to the review", Exact = true }).ClickAsync();
        await Expect(tm.GetByRole(AriaRole.Row).Filter(new() { HasText = "Priya Shah" }).Filter(new() { HasText = "Learner" })).ToHaveCountAsync(1);

        // Book the circle: the learner from the people picker (its search box narrows the list), a lay
        // learner without an account by name and email.
        await tm.GetByRole(AriaRole.Link, new() { Name = "Back to the review", Exact = true }).ClickAsync();
        await tm.GetByRole(AriaRole.Link, new() { Name = "Meetings: book, change and see who is coming" }).ClickAsync();
        await Expect(Heading(tm)).ToHaveTextAsync("Meetings");
        await Accessibility.AssertNoSeriousViolationsAsync(tm, "meetings page");
        await tm.GetByRole(AriaRole.Link, new() { Name = "Book a meeting", Exact = true }).ClickAsync();
        await Expect(Heading(tm)).ToHaveTextAsync("Book a meeting");
        await tm.GetByLabel("Kind of meeting").SelectOptionAsync(new SelectOptionValue { Label = "Learning circle" });
        await FillDateAsync(tm, "Date", circleDay);
        await tm.GetByLabel("Start time").FillAsync("10am");
        await tm.GetByLabel("Room", new() { Exact = true }).FillAsync("Meeting room 2, Pebblebrook Family Hub");
        var invitees = tm.GetByRole(AriaRole.Group, new() { Name = "Who is invited (people with an account)" });
        await invitees.GetByRole(AriaRole.Searchbox, new() { Name = "Search for a person" }).FillAsync("Priya");
        await Expect(invitees.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("match"));
        await invitees.GetByLabel("Priya Shah", new() { Exact = true }).CheckAsync();
        await tm.GetByLabel("People without an account (optional)").FillAsync("Sam Jones, sam.jones@example.org");
        await Accessibility.AssertNoSeriousViolationsAsync(tm, "book a meeting page, filled in");
        await tm.GetByRole(AriaRole.Button, new() { Name = "Book and send invitations", Exact = true }).ClickAsync();
        await Expect(tm.GetByRole(AriaRole.Alert)).ToContainTextAsync("Learning circle booked. Invitations are on their way to 2 people.");
        await Expect(Heading(tm)).ToHaveTextAsync("Learning circle");
        var meetingUrl = tm.Url;
        await Expect(InviteeRow(tm, "Priya Shah")).ToContainTextAsync("No answer yet");
        await Accessibility.AssertNoSeriousViolationsAsync(tm, "meeting page");

        // The learner's invitation: the review by its reference only, a calendar request and three answer links.
        var invitation = await app.Mailbox.WaitForAsync("practitioner@demo.example", "Invitation: Learning circle, LR-");
        var ics = Mailbox.AttachmentText(invitation, "text/calendar");
        Assert.DoesNotContain("Child B", invitation.TextBody + invitation.HtmlBody + ics, StringComparison.Ordinal);
        var calendar = Calendar.Load(ics)!;
        Assert.Equal("REQUEST", calendar.Method);
        var circle = Assert.Single(calendar.Events);
        Assert.Equal(circleDay.ToDateTime(new TimeOnly(10, 0)), circle.DtStart!.Value);
        Assert.Equal("Europe/London", circle.DtStart.TzId);
        Assert.Equal("mailto:practitioner@demo.example", Assert.Single(circle.Attendees).Value!.ToString());
        var accept = Mailbox.LinkIn(invitation, "I will attend");

        // From the link, on a computer where nobody is signed in: a page that asks, and a button that answers.
        var learner = await NewTabAsync();
        await learner.GotoAsync(app.FromEmailLink(accept));
        await Expect(Heading(learner)).ToHaveTextAsync("Answer the invitation");
        await Expect(learner.GetByRole(AriaRole.Main)).ToContainTextAsync(circleDay.ToString("dddd d MMMM yyyy", British) + ", 10am to 11am");
        await Accessibility.AssertNoSeriousViolationsAsync(learner, "invitation answer page");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Confirm that you will attend", Exact = true }).ClickAsync();
        await Expect(Heading(learner)).ToHaveTextAsync("Answer recorded");
        await Expect(learner.GetByRole(AriaRole.Main)).ToContainTextAsync("We have recorded that you will attend");
        await Accessibility.AssertNoSeriousViolationsAsync(learner, "invitation answered page");

        // The team manager sees the answer on the meeting.
        await tm.ReloadAsync();
        await Expect(InviteeRow(tm, "Priya Shah")).ToContainTextAsync("Will attend");
        await Expect(InviteeRow(tm, "Sam Jones (no account)")).ToContainTextAsync("No answer yet");
        await Expect(tm.GetByRole(AriaRole.Table)).ToContainTextAsync("2 invited, 1 will attend");

        // The chronology for the circle, uploaded to the review's documents and sent to the learner.
        var chronology = ChronologyWorkbook(("12/01/2026", "Referral from school"), ("20/04/2026", "Assessment completed"));
        await tm.GotoAsync(reviewUrl);
        await tm.GetByRole(AriaRole.Link, new() { Name = "Documents (summaries, chronologies, agendas and reports)" }).ClickAsync();
        await Expect(Heading(tm)).ToHaveTextAsync("Documents");
        await Accessibility.AssertNoSeriousViolationsAsync(tm, "documents page");
        await tm.GetByLabel("What kind of document is it?").SelectOptionAsync(new SelectOptionValue { Label = "Chronology" });
        await tm.GetByLabel("Title").FillAsync("Chronology for the learning circle");
        await tm.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "circle-chronology.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = chronology,
        });
        await tm.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(tm.GetByRole(AriaRole.Alert)).ToContainTextAsync("'Chronology for the learning circle' uploaded.");
        await Expect(Heading(tm)).ToHaveTextAsync("Chronology for the learning circle");
        var fileUrl = tm.Url;
        await Accessibility.AssertNoSeriousViolationsAsync(tm, "document page");
        var sendTo = tm.GetByRole(AriaRole.Group, new() { Name = "Who should get it?" });
        await sendTo.GetByRole(AriaRole.Searchbox, new() { Name = "Search for a person" }).FillAsync("learner");
        await sendTo.GetByLabel("Priya Shah", new() { Exact = true }).CheckAsync();
        await tm.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(tm.GetByRole(AriaRole.Alert)).ToContainTextAsync("The document has been sent to 1 person.");
        await Expect(tm.Locator("table.app-circulations")).ToContainTextAsync("Priya Shah");
        await Accessibility.AssertNoSeriousViolationsAsync(tm, "document page after circulation");

        // The learner's email links to the document's page, and names neither the child nor the document.
        var shared = await app.Mailbox.WaitForAsync("practitioner@demo.example", "A document has been shared with you for review LR-");
        Assert.DoesNotContain("Child B", shared.TextBody + shared.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Chronology for the learning circle", shared.TextBody + shared.HtmlBody, StringComparison.Ordinal);
        var open = app.FromEmailLink(Mailbox.LinkIn(shared, "Open the document"));
        Assert.Equal(fileUrl, open);

        // Not signed in, the link asks for sign-in and the file itself is not given.
        var download = app.Url(new Uri(fileUrl).AbsolutePath + "/download");
        var refused = await learner.Context.APIRequest.GetAsync(download, new() { MaxRedirects = 0 });
        Assert.Equal(302, refused.Status);
        Assert.Contains("/account/sign-in", refused.Headers["location"], StringComparison.Ordinal);
        await learner.GotoAsync(open);
        await Expect(learner).ToHaveURLAsync(new Regex("/account/sign-in\\?ReturnUrl="));
        await Expect(Heading(learner)).ToHaveTextAsync("Sign in to Learning Reviews");
        await SignInHereAsync(learner, "practitioner@demo.example");

        // Signed in, the learner is back on the document and downloads the very file uploaded.
        await Expect(learner).ToHaveURLAsync(fileUrl);
        await Expect(Heading(learner)).ToHaveTextAsync("Chronology for the learning circle");
        await Expect(learner.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true })).ToHaveCountAsync(0);
        var given = await learner.Context.APIRequest.GetAsync(download);
        Assert.Equal(200, given.Status);
        Assert.StartsWith("attachment", given.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal(chronology, await given.BodyAsync());
    }

    [Fact]
    public async Task Agency_representative_imports_a_chronology_and_the_business_manager_sees_the_combined_view()
    {
        var today = app.Today;
        // Police's entries for Demo child Linnet, out of date order, and one row dated in the future.
        var csv = new StringBuilder()
            .AppendLine("Date,Time,What happened,Source,Significance,Key practice episode")
            .AppendLine(CultureInfo.InvariantCulture, $"{Dmy(today.AddDays(-21))},14:30,Andy Agbaje shared the incident log with the health visitor,Police incident log,Shared the same day,yes")
            .AppendLine(CultureInfo.InvariantCulture, $"{Dmy(today.AddDays(-146))},,Officers visited after a neighbour's call and found Demo child Linnet safe and well,Police incident log,,no")
            .AppendLine(CultureInfo.InvariantCulture, $"{Dmy(today.AddDays(-100))},09:00,Police joined the core group meeting for Demo child Linnet,Police case file,,no")
            .AppendLine(CultureInfo.InvariantCulture, $"{Dmy(today.AddDays(30))},,A follow-up visit was planned,Police case file,,no")
            .ToString();

        var agency = await SignedInAsync("agency@demo.example");
        await agency.GetByRole(AriaRole.Link).Filter(new() { HasText = "Demo child Linnet" }).First.ClickAsync();
        await Expect(agency).ToHaveURLAsync(ReviewAddress());
        var reviewUrl = agency.Url;
        await agency.GetByRole(AriaRole.Link, new() { Name = "Your agency's chronology", Exact = true }).ClickAsync();
        await Expect(Heading(agency)).ToHaveTextAsync("Police's chronology");
        await Accessibility.AssertNoSeriousViolationsAsync(agency, "agency's chronology page");

        await agency.GetByLabel("Spreadsheet file").SetInputFilesAsync(new FilePayload
        {
            Name = "police-chronology.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await agency.GetByLabel("Import the good rows and list the others").CheckAsync();
        await agency.GetByRole(AriaRole.Button, new() { Name = "Import the file", Exact = true }).ClickAsync();

        // The row report: what was imported, and the one row left out with its reason.
        // The outcome is announced: GOV.UK Frontend moves focus to the banner, an alert.
        var result = agency.GetByRole(AriaRole.Alert, new() { Name = "Import of police-chronology.csv" });
        await Expect(result).ToContainTextAsync("3 of 4 rows were imported. 1 row has problems and was not imported.");
        await Expect(result).ToBeFocusedAsync();
        var problems = agency.Locator("#import-problems tbody tr");
        await Expect(problems).ToHaveCountAsync(1);
        await Expect(problems.Locator("td").First).ToHaveTextAsync("5");
        await Expect(problems).ToContainTextAsync("Date: Date must be today or in the past");
        await Expect(agency.Locator("#entries caption")).ToHaveTextAsync("3 entries");
        await Accessibility.AssertNoSeriousViolationsAsync(agency, "chronology import report");

        // The business manager, who oversees the review, sees every agency's entries in date order.
        var bm = await SignedInAsync("bm@demo.example");
        await bm.GotoAsync(reviewUrl);
        await bm.GetByRole(AriaRole.Link, new() { Name = "Multi-agency chronology", Exact = true }).ClickAsync();
        await Expect(Heading(bm)).ToHaveTextAsync("Multi-agency chronology");
        await Accessibility.AssertNoSeriousViolationsAsync(bm, "multi-agency chronology page");
        await bm.GetByRole(AriaRole.Link, new() { Name = "See the combined chronology", Exact = true }).ClickAsync();
        await Expect(Heading(bm)).ToHaveTextAsync("Combined chronology");
        var named = await WhatHappenedAsync(bm);
        AssertInOrder(named,
            "Officers visited after a neighbour's call and found Demo child Linnet safe and well",
            "Police joined the core group meeting for Demo child Linnet",
            "Andy Agbaje shared the incident log with the health visitor");
        Assert.DoesNotContain(named, w => w.Contains("follow-up visit", StringComparison.Ordinal));
        await Expect(bm.Locator("#combined tbody tr").Filter(new() { HasText = "core group meeting" }))
            .ToContainTextAsync(today.AddDays(-100).ToString("d MMM yyyy", British) + " 09:00");
        await Accessibility.AssertNoSeriousViolationsAsync(bm, "combined chronology");

        // The anonymised view: labels for the child and the people, in the same order; no names at all.
        await bm.GetByRole(AriaRole.Link, new() { Name = "Show the anonymised view", Exact = true }).ClickAsync();
        await Expect(Heading(bm)).ToHaveTextAsync("Combined chronology (anonymised)");
        var anonymised = await WhatHappenedAsync(bm);
        AssertInOrder(anonymised,
            "Officers visited after a neighbour's call and found Child A safe and well",
            "Police joined the core group meeting for Child A",
            "Agency representative (Police) shared the incident log with the health visitor");
        var table = await bm.Locator("#combined").InnerTextAsync();
        Assert.DoesNotContain("Linnet", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Andy Agbaje", table, StringComparison.Ordinal);
        await Expect(bm.Locator("#combined tbody tr").Filter(new() { HasText = "core group meeting" }).Locator("td").Last)
            .ToHaveTextAsync("Police representative");
        await Accessibility.AssertNoSeriousViolationsAsync(bm, "anonymised combined chronology");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A tab of its own (a person's own computer), nobody signed in.</summary>
    private async Task<IPage> NewTabAsync()
    {
        var page = await browser.NewPageAsync();
        _pages.Add(page);
        return page;
    }

    /// <summary>A new tab in which the demo user has signed in and sees My work.</summary>
    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewTabAsync();
        await page.GotoAsync(app.Url("/account/sign-in"));
        await SignInHereAsync(page, email);
        await Expect(Heading(page)).ToHaveTextAsync("My work");
        return page;
    }

    private static async Task SignInHereAsync(IPage page, string email)
    {
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(LearningReviewsAppHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private static ILocator InviteeRow(IPage page, string name) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true }) });

    /// <summary>Types a date into a GOV.UK date input found by its legend.</summary>
    private static async Task FillDateAsync(IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
        await group.GetByLabel("Day", new() { Exact = true }).FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month", new() { Exact = true }).FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year", new() { Exact = true }).FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static string Dmy(DateOnly date) => date.ToString("d/M/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The combined chronology's "What happened" column, top to bottom.</summary>
    private static async Task<List<string>> WhatHappenedAsync(IPage page) =>
        [.. (await page.Locator("#combined tbody tr td:nth-child(3)").AllInnerTextsAsync()).Select(t => t.Trim())];

    /// <summary>Each of <paramref name="expected"/> is shown, and in this order (other agencies' entries may come between).</summary>
    private static void AssertInOrder(IReadOnlyList<string> shown, params string[] expected)
    {
        var positions = expected.Select(e => shown.ToList().IndexOf(e)).ToList();
        Assert.True(positions.All(p => p >= 0), "Missing from the combined chronology: " +
            string.Join(" | ", expected.Where((_, i) => positions[i] < 0)) + ". It shows: " + string.Join(" | ", shown));
        Assert.Equal(positions.Order(), positions);
    }

    /// <summary>A small chronology as an Excel workbook, as a team manager would keep one.</summary>
    private static byte[] ChronologyWorkbook(params (string Date, string WhatHappened)[] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Chronology");
        sheet.Cell(1, 1).Value = "Date";
        sheet.Cell(1, 2).Value = "What happened";
        for (var i = 0; i < rows.Length; i++)
        {
            sheet.Cell(i + 2, 1).Value = rows[i].Date;
            sheet.Cell(i + 2, 2).Value = rows[i].WhatHappened;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    [GeneratedRegex(@"/reviews/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex ReviewAddress();
}
