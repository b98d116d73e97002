using System.Globalization;
using Xunit.Abstractions;
using static LearningReviews.BrowserTests.Journeys.Answer;

namespace LearningReviews.BrowserTests.Journeys;

/// <summary>
/// One journey per methodology, from "Start a review" to closure, as the demo users the README names
/// for each stage, on one app host and one browser. Each journey answers the questions the demo users
/// would (questions not named here get a plain made-up answer when required), checks "Check your
/// answers" shows what was typed, reads the record PDF back at the end and writes its page-load count
/// to the test output (docs/workflows.md, "Page loads per methodology").
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MethodologyJourneyTests(BrowserFixture browser, JourneyAppHost app, ITestOutputHelper output)
    : IClassFixture<JourneyAppHost>
{
    /// <summary>The app's today, a fixed Wednesday (JourneyAppHost): the dates below fall on the same weekdays on every run.</summary>
    private DateOnly Today => app.Today;
    private static string Dmy(DateOnly date) => date.ToString("d/M/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A stage: who fills it, what they type, and who presses "Complete stage" (the same person unless named).</summary>
    private sealed record Step(string Who, string Stage, Dictionary<string, Answer>? Answers = null, string? CompletedBy = null,
        bool OutcomesFormFinalFirst = false);

    private static Dictionary<string, Answer> A(params (string Label, Answer Answer)[] answers) =>
        answers.ToDictionary(a => a.Label, a => a.Answer);

    private async Task<Journey> RunAsync(string methodology, string starter, Dictionary<string, Answer> start, Step[] steps,
        bool javaScriptEnabled = true)
    {
        var journey = new Journey(browser, app, output, methodology, javaScriptEnabled);
        try
        {
            await (await journey.AsAsync(starter)).StartReviewAsync(start);
            foreach (var step in steps)
            {
                var who = await journey.AsAsync(step.Who);
                await who.FillStageAsync(step.Stage, step.Answers);
                if (step.OutcomesFormFinalFirst)
                {
                    await (await journey.AsAsync("lead@demo.example")).MakeOutcomesFormFinalAsync();
                }
                await (await journey.AsAsync(step.CompletedBy ?? step.Who)).CompleteStageAsync();
            }
            var reader = await journey.AsAsync(starter);
            var pdf = await reader.ReadRecordPdfAsync();
            Assert.Contains(journey.Reference, pdf, StringComparison.Ordinal);
            Assert.Contains(methodology, pdf, StringComparison.Ordinal);
            // The last answers typed are in the record (pdftotext may break long lines, so a short start of each is looked for).
            foreach (var typed in journey.Typed.TakeLast(3))
            {
                var start30 = typed.Length > 30 ? typed[..30] : typed;
                Assert.Contains(start30, pdf.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
            }
            await ExpectClosedAsync(reader);
            journey.Report();
            return journey;
        }
        finally
        {
            await journey.DisposeAsync();
        }
    }

    private static async Task ExpectClosedAsync(JourneyActor reader)
    {
        await reader.OpenReviewAsync();
        await Microsoft.Playwright.Assertions.Expect(reader.Page.Locator("main")).ToContainTextAsync("Closed");
    }

    [Fact]
    public Task Locality_Learning_Circle() => RunAsync("Locality Learning Circle", "hol@demo.example",
        A(("Label for the child", Text("Child J1"))),
        [
            new("hol@demo.example", "Proposal at the Locality Management Meeting", A(("Decision", Choose("Learning circle agreed")))),
            new("tm@demo.example", "Before the learning circle", A(
                ("Practitioners working with the child", People("Priya Shah")),
                ("Is there an up-to-date summary on the child's record?", Choose("Yes")),
                ("Chronology of key events", Rows([Dmy(Today.AddDays(-60)), "Moved school"], [Dmy(Today.AddDays(-20)), "Referral from school"])),
                ("Learners", People("Fran Ellis")),
                ("Date and time of the learning circle", Booked(Today, "09:00")),
                ("Room or virtual link", Text("Room 4, North office")))),
            new("hol@demo.example", "The learning circle", A(
                ("Learning points agreed", Points("Ask the child about school moves")),
                ("Actions agreed", Actions(new JourneyAction("Add school moves to the assessment", "Tariq Malik", Today.AddDays(30), "Audit in three months"))),
                ("Attendance", Rows(["Priya Shah", "Attended"], ["Fran Ellis", "Sent apologies"])))),
            new("tm@demo.example", "After the learning circle", A(("Case note recorded by", Text("Tariq Malik")))),
        ]);

    [Fact]
    public Task Learning_Conversation() => RunAsync("Learning Conversation", "tm@demo.example",
        A(("Label for the child", Text("Child J2"))),
        [
            new("tm@demo.example", "Request", A(("Made aware by", Text("Priya Shah")))),
            new("tm@demo.example", "Preparation", A(
                ("Independent facilitator", Choose("Fran Ellis")),
                ("Professionals involved with the child and family", People("Priya Shah")),
                ("Date and time of the learning conversation", Booked(Today, "09:00")),
                ("Have the child’s and family’s views been gathered?", Choose("Yes, their views have been gathered")),
                ("The child’s and family’s views", Text("Child J2 wants fewer meetings and one worker.")))),
            new("facilitator@demo.example", "Learning conversation", A(
                ("What three learning points can we take forward?", Points("See the child on their own", "Share the plan with school", "Check the plan is followed")))),
            new("tm@demo.example", "Follow-up", A(("Changes to the plan suggested", Text("One lead worker and a monthly review.")))),
        ]);

    [Fact]
    public Task Practice_Learning_Day() => RunAsync("Practice Learning Day", "sm@demo.example",
        [],
        [
            new("sm@demo.example", "Scheduled", A(("Date of the Practice Learning Day", BookedDay(Today)))),
            new("qa@demo.example", "Planning", A(
                ("Date of the planning meeting", BookedEarlier(Today.AddDays(-40))),
                ("Key lines of enquiry (KLOE)", Rows(["Are plans written with the family?", "Plans standard 2"])),
                ("Selected cases", Rows(["Case 1", "Priya Shah", "Quinn Adams"], ["Case 2", "Priya Shah", "Sam Mitchell"])))),
            new("sm@demo.example", "Evidence gathering"),
            new("sm@demo.example", "The day", A(("Attendance", Rows(["Priya Shah", "Children's Social Care", "Attended"])))),
            new("qa@demo.example", "Learning and feedback"),
        ]);

    [Fact]
    public Task Desktop_Review() => RunAsync("Desktop Review", "bm@demo.example",
        A(("Label for the child", Text("Child J4"))),
        [
            new("subgroup@demo.example", "Commissioning by the Learning and Improvement group", A(
                ("Independent lead author", Choose("Leo Reid")),
                ("Key lines of enquiry", Rows(["How was the absence shared?"], ["Who was expected to see the child?"])))),
            new("bm@demo.example", "Information gathering"),
            new("lead@demo.example", "Family engagement"),
            new("lead@demo.example", "Staff meeting", A(
                ("Date and time of the meeting", Booked(Today, "09:00")),
                ("Staff at the meeting", Rows(["Priya Shah", "Children's Social Care", "Attended"])),
                ("Is further information required?", Choose("No")))),
            new("lead@demo.example", "Learning Review Outcomes Form"),
            new("subgroup@demo.example", "Action plan and dissemination", OutcomesFormFinalFirst: true),
            new("bm@demo.example", "Publication decision"),
        ]);

    [Fact]
    public Task Practitioner_Learning_Review() => RunAsync("Practitioner Learning Review", "bm@demo.example",
        A(("Label for the child", Text("Child J5"))),
        [
            new("subgroup@demo.example", "Commissioning by the Learning and Improvement group", A(("Independent lead author", Choose("Leo Reid")))),
            new("bm@demo.example", "Information gathering"),
            new("lead@demo.example", "Family engagement"),
            new("lead@demo.example", "Before the practitioner event", A(
                ("Staff invited to the event", People("Priya Shah")),
                ("Date and time of the practitioner event", Booked(Today, "09:00")))),
            new("lead@demo.example", "The practitioner event", A(("Attendance", Rows(["Priya Shah", "Children's Social Care", "Attended"])))),
            new("lead@demo.example", "Learning Review Outcomes Form"),
            new("lead@demo.example", "Draft circulated for comment", OutcomesFormFinalFirst: true),
            new("subgroup@demo.example", "Action plan and dissemination"),
            new("bm@demo.example", "Publication decision"),
        ]);

    [Fact]
    public Task Thematic_Review() => RunAsync("Thematic Review", "bm@demo.example",
        A(("Label for the first child or family", Text("Family J6")), ("Labels for the other children or families", Text("Family J7"))),
        [
            new("subgroup@demo.example", "Commissioning by the Learning and Improvement group", A(("Independent lead author", Choose("Leo Reid")))),
            new("lead@demo.example", "Themes, families and agencies"),
            new("bm@demo.example", "Information gathering"),
            new("lead@demo.example", "Family engagement"),
            new("lead@demo.example", "Review activities"),
            new("lead@demo.example", "Learning Review Outcomes Form"),
            new("lead@demo.example", "Draft circulated for comment", OutcomesFormFinalFirst: true),
            new("subgroup@demo.example", "Action plan and dissemination"),
            new("bm@demo.example", "Publication decision"),
        ]);

    [Fact]
    public Task Single_Issue_Review() => RunAsync("Single Issue Review", "bm@demo.example",
        A(("Label for the first child or family", Text("Family J8"))),
        [
            new("subgroup@demo.example", "Commissioning by the Learning and Improvement group", A(("Independent lead author", Choose("Leo Reid")))),
            new("bm@demo.example", "Information gathering"),
            new("lead@demo.example", "Family engagement"),
            new("lead@demo.example", "Review of the background information"),
            new("lead@demo.example", "Learning Review Outcomes Form"),
            new("lead@demo.example", "Draft circulated for comment", OutcomesFormFinalFirst: true),
            new("subgroup@demo.example", "Action plan and dissemination"),
            new("bm@demo.example", "Publication decision"),
        ]);

    [Fact]
    public Task Rapid_Review() => RunAsync("Rapid Review", "bm@demo.example",
        A(("Label for the child", Text("Child J9"))),
        [
            new("bm@demo.example", "Serious incident notification"),
            new("bm@demo.example", "Rapid review meeting", A(
                ("Date and time of the rapid review meeting", Booked(Today, "09:00")),
                ("Is there any immediate action needed to ensure children's safety?", Choose("No")))),
            new("subgroup@demo.example", "Decision on next steps", A(("Decision on next steps", Choose("No further review")))),
        ]);

    [Fact]
    public Task LSCB_Learning_Review() => RunAsync("LSCB Learning Review", "bm@demo.example",
        A(("Label for the child", Text("Child J10"))),
        [
            new("bm@demo.example", "Preparation", A(
                ("Learning review lead", Choose("Leo Reid")),
                ("Staff and managers in the learning review group", People("Priya Shah")),
                ("Chronologies of significant events", Rows(["Children's Social Care", Dmy(Today.AddDays(-10))])),
                ("Date and time of the learning event", Booked(Today, "09:00")))),
            new("lead@demo.example", "Action", A(
                ("Attendance", Rows(["Priya Shah", "Children's Social Care", "Attended"])),
                ("Are there issues specific to the case/agency which require escalation or urgent action?", Choose("No")))),
            new("subgroup@demo.example", "Review"),
            new("subgroup@demo.example", "Embed"),
        ]);

    /// <summary>The circle again with JavaScript off: every step works on the server's pages alone.</summary>
    [Fact]
    public Task Locality_Learning_Circle_with_JavaScript_off() => RunAsync("Locality Learning Circle", "hol@demo.example",
        A(("Label for the child", Text("Child J11"))),
        [
            new("hol@demo.example", "Proposal at the Locality Management Meeting", A(("Decision", Choose("Learning circle agreed")))),
            new("tm@demo.example", "Before the learning circle", A(
                ("Practitioners working with the child", People("Priya Shah")),
                ("Is there an up-to-date summary on the child's record?", Choose("Yes")),
                ("Chronology of key events", Rows([Dmy(Today.AddDays(-60)), "Moved school"], [Dmy(Today.AddDays(-20)), "Referral from school"])),
                ("Learners", People("Fran Ellis")),
                ("Date and time of the learning circle", Booked(Today, "09:00")))),
            new("hol@demo.example", "The learning circle", A(
                ("Actions agreed", Actions(new JourneyAction("Add school moves to the assessment", "Tariq Malik", Today.AddDays(30), "Audit in three months"))),
                ("Attendance", Rows(["Priya Shah", "Attended"], ["Fran Ellis", "Sent apologies"])))),
            new("tm@demo.example", "After the learning circle"),
        ], javaScriptEnabled: false);
}
