using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using CsvHelper;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Publication;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.IntegrationTests.Documents;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.IntegrationTests.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.AnnualReport;

/// <summary>
/// The annual report on a known data set written straight to the database in the first quarter of 2027 (on the test
/// clock), counted on 20 April 2027 for 1 January to 31 March 2027: the page's figures are the expected ones, the
/// CSV, the workbook and the PDF (read back with pdftotext's structure output) hold the same figures, and the theme
/// figures equal the themes dashboard's for the same quarter.
/// </summary>
public sealed partial class AnnualReportTests
{
    private const string Period = "From.day=1&From.month=1&From.year=2027&To.day=31&To.month=3&To.year=2027";
    private static readonly DateTimeOffset Recorded = new(2027, 2, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] RapidOutcomes = ["Within time", "Late", "Not yet done, still within time", "Not yet done, past its deadline", "Total"];
    private static readonly string[] ReportOutcomes = ["Within time", "Late", "No deadline recorded", "Not yet done, past its deadline", "Total"];
    private static readonly string[] ThemeColumns = ["Reviews", "Learning points", "Actions"];
    private static readonly DateTimeOffset CountedOn = new(2027, 4, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Rapid reviews notified 4 January (ratified 20 January: on time), 1 February (ratified 1 March, after its
    /// 15 working days ended 22 February: late), 22 March (not decided; its days ran out in April: overdue) and
    /// 12 April (outside the period). A desktop review (Neglect; report due 1 March, made final 20 February; family
    /// involved, independent meeting offered) with a Supervision learning point, an action tagged Neglect closed with
    /// evidence on 10 March and an untagged one in progress, due 1 March. A closed thematic review (Neglect and
    /// Supervision; report due 1 February, made final 10 March; family not involved) with an untagged learning point,
    /// a cancelled action and one not started, due 1 June. A single issue review whose report was due 15 March and is
    /// not final, with no family decision yet; a withdrawn practitioner learning review; an LSCB review recording the
    /// parents' perception. Learning spread by a bulletin (5 March: Health and Police), a training event (12 March:
    /// Health) and a bulletin in December 2026 (outside the period).
    /// </summary>
    private static async Task SeedAsync(AppFactory app)
    {
        app.Clock.SetUtcNow(Recorded);
        await app.WithDbAsync(async db =>
        {
            var themes = await db.Themes.ToDictionaryAsync(t => t.Name);
            var (neglect, supervision) = (themes["Neglect"], themes["Supervision"]);
            var agencies = await db.Agencies.ToDictionaryAsync(a => a.Name);

            db.Reviews.AddRange(
                Rapid(1, ReviewStatus.Closed, "2027-01-04", "2027-01-20", closedAt: new DateTime(2027, 2, 10, 12, 0, 0, DateTimeKind.Utc)),
                Rapid(2, ReviewStatus.InProgress, "2027-02-01", "2027-03-01"),
                Rapid(3, ReviewStatus.InProgress, "2027-03-22", null),
                Rapid(4, ReviewStatus.InProgress, "2027-04-12", null));

            var desktop = Review(5, "desktop-review", ReviewStatus.InProgress, "2027-03-01");
            desktop.Themes.Add(neglect);
            desktop.OutcomesForms.Add(new OutcomesForm { Version = 1, Status = OutcomesFormStatus.Final, FinalisedAt = new DateTime(2027, 2, 20, 10, 0, 0, DateTimeKind.Utc) });
            desktop.Stages.Add(Stage("family", new JsonObject { ["decision"] = "involve", ["meetingOffered"] = "yes" }));
            desktop.LearningPoints.Add(new LearningPoint { Text = "Supervision did not test the plan", Position = 1, Themes = [supervision] });
            desktop.Actions.Add(new ReviewAction
            {
                What = "Neglect toolkit in every team", DueDate = new DateOnly(2027, 3, 1), Themes = [neglect], Status = ActionStatus.CompletedAndEmbedded,
                EvidenceOfImpact = "Audit of 20 cases found the toolkit used in 18", RecheckOn = new DateOnly(2027, 9, 1),
                CompletedAt = new DateTime(2027, 3, 10, 12, 0, 0, DateTimeKind.Utc),
            });
            desktop.Actions.Add(new ReviewAction { What = "Refresh the supervision policy", DueDate = new DateOnly(2027, 3, 1), Status = ActionStatus.InProgress });

            var thematic = Review(6, "thematic-review", ReviewStatus.Closed, "2027-02-01");
            thematic.ClosedAt = new DateTime(2027, 3, 30, 12, 0, 0, DateTimeKind.Utc);
            thematic.Themes.AddRange([neglect, supervision]);
            thematic.OutcomesForms.Add(new OutcomesForm { Version = 1, Status = OutcomesFormStatus.Final, FinalisedAt = new DateTime(2027, 3, 10, 10, 0, 0, DateTimeKind.Utc) });
            thematic.Stages.Add(Stage("family", new JsonObject { ["decision"] = "notInvolved", ["notInvolvedReason"] = "The family declined" }));
            thematic.LearningPoints.Add(new LearningPoint { Text = "Plans were not shared", Position = 1 });
            thematic.Actions.Add(new ReviewAction { What = "Shared plans pilot", Status = ActionStatus.Cancelled, CancellationReason = "Replaced by the county pilot" });
            thematic.Actions.Add(new ReviewAction { What = "Multi-agency plan template", DueDate = new DateOnly(2027, 6, 1) });

            var singleIssue = Review(7, "single-issue-review", ReviewStatus.InProgress, "2027-03-15");
            var withdrawn = Review(8, "practitioner-learning-review", ReviewStatus.Withdrawn, "2027-03-20");
            withdrawn.Stages.Add(Stage("family", new JsonObject { ["decision"] = "involve" }));
            var lscb = ExportListPagingTests.NewReview(9, "lscb-learning-review", "preparation", "practiceConcern", ReviewStatus.Proposed);
            lscb.Stages.Add(Stage("preparation", new JsonObject { ["parentsPerception"] = "They felt nobody listened." }));
            db.Reviews.AddRange(desktop, thematic, singleIssue, withdrawn, lscb);
            await db.SaveChangesAsync();

            db.DisseminationRecords.AddRange(
                Spread(desktop.Id, DisseminationWay.LearningBulletin, new DateOnly(2027, 3, 5), agencies["Health"].Id, agencies["Police"].Id),
                Spread(thematic.Id, DisseminationWay.TrainingEvent, new DateOnly(2027, 3, 12), agencies["Health"].Id),
                Spread(desktop.Id, DisseminationWay.LearningBulletin, new DateOnly(2026, 12, 1), agencies["Police"].Id));
            return await db.SaveChangesAsync();
        });
        app.Clock.SetUtcNow(CountedOn);
    }

    private static Review Rapid(int number, ReviewStatus status, string notifiedOn, string? ratifiedOn, DateTime? closedAt = null)
    {
        var review = ExportListPagingTests.NewReview(number, "rapid-review", "decision", "seriousIncident", status);
        review.ClosedAt = closedAt;
        review.Stages.Add(Stage("notification", new JsonObject { ["notifiedOn"] = notifiedOn }));
        if (ratifiedOn is not null) review.Stages.Add(Stage("decision", new JsonObject { ["decision"] = "none", ["decidedOn"] = ratifiedOn, ["ratifiedOn"] = ratifiedOn }));
        return review;
    }

    private static Review Review(int number, string methodology, ReviewStatus status, string reportDeadline)
    {
        var review = ExportListPagingTests.NewReview(number, methodology, "commissioning", "goodPractice", status);
        review.Stages.Add(Stage("commissioning", new JsonObject { ["reportDeadline"] = reportDeadline }));
        return review;
    }

    private static ReviewStageRecord Stage(string key, JsonObject answers) =>
        new() { StageKey = key, Cycle = 1, Status = StageStatus.Completed, AnswersJson = answers.ToJsonString() };

    private static DisseminationRecord Spread(Guid reviewId, DisseminationWay way, DateOnly on, params Guid[] agencies) => new()
    {
        ReviewId = reviewId, Way = way, HeldOn = on, Audience = "Practitioners",
        Agencies = agencies.Select(a => new DisseminationAgency { AgencyId = a }).ToList(),
    };

    /// <summary>Every figure the page shows: (table, row, column) to the number.</summary>
    private static Dictionary<(string Table, string Row, string Column), int> PageFigures(TestBrowser.Page page) =>
        page.Html.QuerySelectorAll("table[id]").SelectMany(table => table.QuerySelectorAll("tbody tr").SelectMany(row => row.QuerySelectorAll("td").Select(cell =>
                KeyValuePair.Create((table.Id!, row.GetAttribute("data-row")!, cell.GetAttribute("data-column")!), int.Parse(cell.TextContent.Trim().Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)))))
            .ToDictionary();

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_report_counts_the_known_data_set_and_its_downloads_and_the_dashboard_say_the_same(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        await SeedAsync(app);
        using var bm = await app.SignedInAsAsync("bm@demo.example");

        var page = await bm.GetAsync("/annual-report?" + Period);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("", page.ErrorSummary);
        Assert.Equal("1 January 2027 to 31 March 2027", page.Html.QuerySelector(".app-annual-report-period")!.TextContent.Trim());
        var figures = PageFigures(page);
        int Figure(string table, string row, string column) =>
            figures.TryGetValue((table, row, column), out var value) ? value : throw new Xunit.Sdk.XunitException($"No figure {table} / {row} / {column}");

        // Reviews started in the period, by methodology and where they stand.
        Assert.Equal(3, Figure("reviews", "Rapid Review", "In progress"));
        Assert.Equal(1, Figure("reviews", "Rapid Review", "Closed"));
        Assert.Equal(1, Figure("reviews", "Rapid Review", "Closed in the period"));
        Assert.Equal(1, Figure("reviews", "Thematic Review", "Closed"));
        Assert.Equal(1, Figure("reviews", "Practitioner Learning Review", "Withdrawn"));
        Assert.Equal(1, Figure("reviews", "LSCB Learning Review", "Proposed"));
        Assert.Equal(9, Figure("reviews", "Total", "Started in the period"));
        Assert.Equal(2, Figure("reviews", "Total", "Closed in the period"));

        // Timeliness: rapid reviews against their 15 working days, reports against their agreed deadline.
        Assert.Equal([1, 1, 0, 1, 3], RapidOutcomes
            .Select(row => Figure("rapid-reviews", row, "Rapid reviews")));
        Assert.Equal([1, 1, 0, 1, 3], ReportOutcomes
            .Select(row => Figure("reports", row, "Reports")));

        // Themes: the learning point and actions without themes count under their review's.
        Assert.Equal([2, 1, 4], ThemeColumns.Select(column => Figure("themes", "Neglect", column)));
        Assert.Equal([1, 2, 2], ThemeColumns.Select(column => Figure("themes", "Supervision", column)));

        // Actions agreed in the period, and their evidence of impact.
        Assert.Equal(1, Figure("actions", "Completed and embedded", "Actions"));
        Assert.Equal(1, Figure("actions", "Completed and embedded", "With evidence of impact recorded"));
        Assert.Equal(1, Figure("actions", "Cancelled", "Actions"));
        Assert.Equal(1, Figure("actions", "In progress", "Actions"));
        Assert.Equal(1, Figure("actions", "Not started", "Actions"));
        Assert.Equal(4, Figure("actions", "Total", "Actions"));
        Assert.Contains("4 actions were agreed in the period; 1 is completed and embedded", page.Text, StringComparison.Ordinal);
        Assert.Contains("1 is open past its due date on 20 April 2027", page.Text, StringComparison.Ordinal);

        // Dissemination in the period (not December's bulletin), and the agencies it reached.
        Assert.Equal((1, 1), (Figure("dissemination", "Learning bulletin", "Times"), Figure("dissemination", "Learning bulletin", "Reviews")));
        Assert.Equal(1, Figure("dissemination", "Single or multi-agency training event", "Times"));
        Assert.Equal((2, 1), (Figure("agencies-reached", "Health", "Times reached"), Figure("agencies-reached", "Police", "Times reached")));

        // Family involvement: the withdrawn review is left out; the LSCB review recorded the parents' perception.
        Assert.Equal(1, Figure("family", "Desktop Review", "Family involved"));
        Assert.Equal(1, Figure("family", "Desktop Review", "Independent meeting offered"));
        Assert.Equal(1, Figure("family", "Thematic Review", "Family not involved"));
        Assert.Equal(1, Figure("family", "Single Issue Review", "Not recorded yet"));
        Assert.Equal(1, Figure("family", "LSCB Learning Review", "Family involved"));
        Assert.False(figures.ContainsKey(("family", "Practitioner Learning Review", "Family involved")));
        Assert.Equal(2, Figure("family", "Total", "Family involved"));

        // The theme figures are the dashboard's for the same quarter, theme by theme.
        var dashboard = await bm.GetAsync("/themes?from=2027-Q1&to=2027-Q1");
        var dashboardRows = dashboard.Html.QuerySelectorAll("#theme-counts tbody tr").ToList();
        Assert.NotEmpty(dashboardRows);
        Assert.Equal(dashboardRows.Select(r => r.GetAttribute("data-theme")!).Order(StringComparer.Ordinal),
            figures.Keys.Where(k => k.Table == "themes").Select(k => k.Row).Distinct().Order(StringComparer.Ordinal));
        foreach (var row in dashboardRows)
        {
            var theme = row.GetAttribute("data-theme")!;
            string Dash(string selector, string count) =>
                dashboard.Html.QuerySelector($"{selector} tr[data-theme='{theme}'] [data-count='{count}']")!.TextContent.Trim();
            Assert.Equal(Dash("#theme-counts", "reviews"), Figure("themes", theme, "Reviews").ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Dash("#theme-counts", "learningPoints"), Figure("themes", theme, "Learning points").ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Dash("#theme-counts", "actions"), Figure("themes", theme, "Actions").ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Dash("#theme-actions", "open"), Figure("themes", theme, "Open actions").ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Dash("#theme-actions", "overdue"), Figure("themes", theme, "Overdue actions").ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // The CSV: one figure a line, every one of the page's.
        var csvResponse = await bm.Client.GetAsync("/annual-report/download/csv?" + Period);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("annual-report-2027-01-01-to-2027-03-31.csv", csvResponse.Content.Headers.ContentDisposition!.FileNameStar ?? csvResponse.Content.Headers.ContentDisposition.FileName);
        var csv = new Dictionary<(string, string, string), int>();
        var text = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        using (var reader = CsvReader.Create(Encoding.UTF8.GetBytes(text), new CsvReaderOptions { HasHeader = false, Separator = ',' }))
        {
            var line = 0;
            while (reader.Read())
            {
                if (line++ < 2) continue;
                var row = reader.Current;
                csv[(row.GetString(1), row.GetString(2), row.GetString(3))] = int.Parse(row.GetString(4), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        Assert.Equal(figures.OrderBy(f => f.Key.ToString(), StringComparer.Ordinal), csv.OrderBy(f => f.Key.ToString(), StringComparer.Ordinal));

        // The workbook: the same figures on its Figures sheet, and the report's tables on the first sheet.
        var xlsxResponse = await bm.Client.GetAsync("/annual-report/download/xlsx?" + Period);
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using (var workbook = new XLWorkbook(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync())))
        {
            var sheet = workbook.Worksheet("Figures");
            var xlsx = sheet.RowsUsed().Skip(1).ToDictionary(r => (r.Cell(2).GetString(), r.Cell(3).GetString(), r.Cell(4).GetString()), r => (int)r.Cell(5).GetDouble());
            Assert.Equal(figures.OrderBy(f => f.Key.ToString(), StringComparer.Ordinal), xlsx.OrderBy(f => f.Key.ToString(), StringComparer.Ordinal));
            var report = workbook.Worksheet("Annual report");
            var neglect = report.RowsUsed().First(r => r.Cell(1).GetString() == "Neglect");
            Assert.Equal([2.0, 1.0, 4.0], Enumerable.Range(2, 3).Select(c => neglect.Cell(c).GetDouble()));
            Assert.Equal(XLDataType.Number, neglect.Cell(2).DataType);
        }

        // The PDF: every table of the page, row by row, as the tagged PDF's tables read (pdfinfo -struct-text).
        var pdfResponse = await bm.Client.GetAsync("/annual-report/download/pdf?" + Period);
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        var pdf = PdfReader.Read(await pdfResponse.Content.ReadAsByteArrayAsync());
        Assert.Contains("Annual report: 1 January 2027 to 31 March 2027", pdf.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("DRAFT", pdf.Text, StringComparison.Ordinal);
        var pdfTables = Tables(pdf);
        foreach (var table in page.Html.QuerySelectorAll("table[id]"))
        {
            var expected = table.QuerySelectorAll("tr").Select(tr => tr.QuerySelectorAll("th, td").Select(c => Squeeze(c.TextContent)).ToList()).ToList();
            Assert.Contains(pdfTables, found => found.Count == expected.Count && found.Zip(expected).All(rows => rows.First.SequenceEqual(rows.Second)));
        }

        // Every view and download is in the audit log, none with a review named.
        var audited = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "AnnualReport").Select(e => new { e.Action, e.Detail, e.ReviewId }).ToListAsync());
        Assert.Equal(["CSV", "PDF", "XLSX"], audited.Where(e => e.Action == AuditActions.Exported).Select(e => e.Detail![^4..].Trim()).Order(StringComparer.Ordinal));
        Assert.Contains(audited, e => e.Action == AuditActions.Viewed && e.Detail == "Annual report, 2027-01-01-to-2027-03-31");
        Assert.All(audited, e => Assert.Null(e.ReviewId));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_period_that_is_not_whole_quarters_is_refused_with_the_error_summary_and_only_the_report_roles_may_run_it(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        using var bm = await app.SignedInAsAsync("bm@demo.example");

        // No period given: the last financial year (the test clock is in June 2026).
        var first = await bm.GetAsync("/annual-report");
        Assert.Equal("1 April 2025 to 31 March 2026", first.Html.QuerySelector(".app-annual-report-period")!.TextContent.Trim());
        Assert.Equal("1", first.InputValue("From"));
        Assert.Equal("4", first.InputValue("From-month"));

        var wrong = await bm.GetAsync("/annual-report?From.day=2&From.month=1&From.year=2027&To.day=28&To.month=2&To.year=2027");
        Assert.Contains("The period must start on the first day of a quarter", wrong.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("The period must end on the last day of a quarter", wrong.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("#From", wrong.Html.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Null(wrong.Html.QuerySelector(".app-annual-report-period"));
        Assert.Equal("2", wrong.InputValue("From"));

        var backwards = await bm.GetAsync("/annual-report?From.day=1&From.month=4&From.year=2027&To.day=31&To.month=3&To.year=2027");
        Assert.Contains("The end of the period must be after its start", backwards.ErrorSummary, StringComparison.Ordinal);
        var unreal = await bm.GetAsync("/annual-report?From.day=31&From.month=2&From.year=2027&To.day=31&To.month=3&To.year=2027");
        Assert.Contains("Enter the start of the period as a real date", unreal.ErrorSummary, StringComparison.Ordinal);
        var tooLong = await bm.GetAsync("/annual-report?From.day=1&From.month=1&From.year=2020&To.day=31&To.month=3&To.year=2027");
        Assert.Contains("The period can be at most 5 years", tooLong.ErrorSummary, StringComparison.Ordinal);

        // A download of a period that is not valid goes back to the page, which says why; nothing is exported.
        var download = await bm.Client.GetAsync("/annual-report/download/pdf?From.day=2&From.month=1&From.year=2027&To.day=31&To.month=3&To.year=2027");
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.StartsWith("/annual-report?", download.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "AnnualReport" && e.Action == AuditActions.Exported)));

        // The navigation links it for the report's roles only; a practitioner is refused the page and the downloads.
        Assert.NotNull(first.Html.QuerySelector("a[href='/annual-report']"));
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        Assert.Null((await practitioner.GetAsync("/")).Html.QuerySelector("a[href='/annual-report']"));
        var refused = await practitioner.GetAsync("/annual-report");
        Assert.True(refused.IsRedirect);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.FollowAsync(refused)).Status);
        var refusedDownload = await practitioner.Client.GetAsync("/annual-report/download/csv");
        Assert.Equal(HttpStatusCode.Redirect, refusedDownload.StatusCode);
        Assert.DoesNotContain("annual-report", new Uri(new Uri("http://localhost"), refusedDownload.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
        using var qa = await app.SignedInAsAsync("qa@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync("/annual-report")).Status);
    }

    /// <summary>The tagged PDF's tables: each a list of rows, each row its cells' text without spaces (a wrapped cell's lines join).</summary>
    private static List<List<List<string>>> Tables(PdfReader pdf)
    {
        var tables = new List<List<List<string>>>();
        int? tableDepth = null;
        foreach (var element in pdf.Elements)
        {
            if (tableDepth is { } depth && element.Depth <= depth) tableDepth = null;
            if (element.Tag == "Table")
            {
                tables.Add([]);
                tableDepth = element.Depth;
            }
            else if (tableDepth is not null && element.Tag == "TR") tables[^1].Add([]);
            else if (tableDepth is not null && element.Tag is "TH" or "TD" && tables[^1].Count > 0) tables[^1][^1].Add(Squeeze(element.Text));
        }
        return tables;
    }

    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
