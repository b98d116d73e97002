using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.IntegrationTests.Outcomes;
using LearningReviews.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.ActionPlans;

/// <summary>
/// The action plans: the list (only visible reviews' actions, filters, paging), its CSV and XLSX exports read
/// back, an action's status change refused without evidence and accepted with it (and a document), its history,
/// and actions made from stage forms without duplicates. Reviews are written straight to the database, in 2019,
/// apart from the demo data's.
/// </summary>
public sealed class ActionPlanTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>Review 1 (LSCB, the practitioner takes part) with <paramref name="count"/> actions; review 2 (desktop, nobody) with 3.</summary>
    private static async Task<(Guid Seen, Guid Unseen, List<Guid> SeenActions, List<Guid> UnseenActions)> SeedAsync(AppFactory app, int count)
    {
        var today = app.Today;
        return await app.WithDbAsync(async db =>
        {
            var practitionerId = await UserIdAsync(db, "practitioner");
            var tmId = await UserIdAsync(db, "tm");
            var seen = ExportListPagingTests.NewReview(1, "lscb-learning-review", "action", "practiceConcern", ReviewStatus.InProgress);
            seen.Participants.Add(new Participant { UserId = practitionerId, Name = "Priya Shah", Role = ReviewRole.Practitioner });
            for (var n = 1; n <= count; n++)
            {
                seen.Actions.Add(new ReviewAction
                {
                    What = n == 1 ? "=HYPERLINK(\"x\") refresh the neglect toolkit" : $"Action {n:00}",
                    OwnerName = n % 2 == 0 ? "Priya Shah" : "Tariq Malik", OwnerUserId = n % 2 == 0 ? practitionerId : tmId,
                    DueDate = today.AddDays(n - 5), Status = n % 3 == 0 ? ActionStatus.InProgress : ActionStatus.NotStarted,
                    Source = ActionSource.LscbActionPlan, SourceStageKey = "action",
                });
            }
            var unseen = ExportListPagingTests.NewReview(2, "desktop-review", "outcomes", "goodPractice", ReviewStatus.InProgress);
            for (var n = 1; n <= 3; n++)
                unseen.Actions.Add(new ReviewAction { What = $"Hidden action {n}", OwnerName = "Someone", DueDate = today.AddDays(n), Source = ActionSource.OutcomesRecommendation, SourceStageKey = "outcomes" });
            db.Reviews.AddRange(seen, unseen);
            await db.SaveChangesAsync();
            return (seen.Id, unseen.Id, seen.Actions.Select(a => a.Id).ToList(), unseen.Actions.Select(a => a.Id).ToList());
        });
    }

    private static Task<string> UserIdAsync(LearningReviewsDbContext db, string account) =>
        db.Users.Where(u => u.Email == account + "@demo.example").Select(u => u.Id).SingleAsync();

    private static List<AngleSharp.Dom.IElement> Rows(TestBrowser.Page page) => [.. page.Html.QuerySelectorAll("table.app-action-plans tbody tr")];

    private static string ReviewOf(AngleSharp.Dom.IElement row) => row.QuerySelector("td a")!.TextContent.Trim();

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_list_shows_only_visible_reviews_actions_a_page_at_a_time_with_filters_kept(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var (_, _, _, unseenActions) = await SeedAsync(app, 60);
        var seenRef = ExportListPagingTests.Reference(1);
        var unseenRef = ExportListPagingTests.Reference(2);

        // Someone outside review 2 sees none of its actions, in the list or on their own pages.
        Assert.Empty(Rows(await practitioner.GetAsync($"/action-plans?Review={unseenRef}")));
        Assert.DoesNotContain(Rows(await practitioner.GetAsync("/action-plans?Sort=review&Dir=desc")), r => ReviewOf(r) == unseenRef);
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/action-plans/{unseenActions[0]}")).Status);
        Assert.Equal(3, Rows(await bm.GetAsync($"/action-plans?Review={unseenRef}")).Count);

        var first = await practitioner.GetAsync($"/action-plans?Review={seenRef}&Sort=owner");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(50, Rows(first).Count);
        var next = first.Html.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        Assert.Contains($"Review={seenRef}", next, StringComparison.Ordinal);
        Assert.Contains("Sort=owner", next, StringComparison.Ordinal);
        var second = await practitioner.GetAsync(next);
        Assert.Equal(10, Rows(second).Count);
        var all = Rows(first).Concat(Rows(second)).Select(r => r.QuerySelectorAll("td")[1].QuerySelector("a")!.TextContent.Trim()).ToList();
        Assert.Equal(60, all.Distinct().Count());
        // Sorted on the owner by the database: each owner's actions together, Priya Shah's before Tariq Malik's.
        var owners = Rows(first).Concat(Rows(second)).Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()).ToList();
        Assert.Equal(Enumerable.Repeat("Priya Shah", 30).Concat(Enumerable.Repeat("Tariq Malik", 30)), owners);

        // Filters: the owner's own, a status, overdue (red), and due dates.
        Assert.Equal(30, await CountAsync(practitioner, $"Review={seenRef}&Mine=me"));
        Assert.Equal(30, await CountAsync(practitioner, $"Review={seenRef}&Owner=priya"));
        Assert.Equal(20, await CountAsync(practitioner, $"Review={seenRef}&Status=InProgress"));
        Assert.Equal(4, await CountAsync(practitioner, $"Review={seenRef}&Rag=Red"));
        var from = app.Today;
        var to = app.Today.AddDays(2);
        Assert.Equal(3, await CountAsync(practitioner,
            $"Review={seenRef}&DueFrom.day={from.Day}&DueFrom.month={from.Month}&DueFrom.year={from.Year}&DueTo.day={to.Day}&DueTo.month={to.Month}&DueTo.year={to.Year}"));
        Assert.Equal(0, await CountAsync(practitioner, $"Review={seenRef}&Methodology=desktop-review"));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_theme_filter_matches_an_actions_own_themes_or_else_its_reviews_as_the_dashboard_counts_them(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var (_, unseen, seenActions, unseenActions) = await SeedAsync(app, 4);
        await app.WithDbAsync(async db =>
        {
            var themes = await db.Themes.ToDictionaryAsync(t => t.Name);
            // Review 1: one action tagged Neglect itself. Review 2 is about neglect: its two untagged actions count
            // under it, its third is tagged Supervision only and so does not.
            (await db.Actions.Include(a => a.Themes).SingleAsync(a => a.Id == seenActions[0])).Themes.Add(themes["Neglect"]);
            (await db.Reviews.Include(r => r.Themes).SingleAsync(r => r.Id == unseen)).Themes.Add(themes["Neglect"]);
            (await db.Actions.Include(a => a.Themes).SingleAsync(a => a.Id == unseenActions[2])).Themes.Add(themes["Supervision"]);
            return await db.SaveChangesAsync();
        });

        var page = await bm.GetAsync("/action-plans?Theme=Neglect");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var listed = Rows(page).Select(r => r.QuerySelectorAll("td")[1].QuerySelector("a")!.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["=HYPERLINK(\"x\") refresh the neglect toolkit", "Hidden action 1", "Hidden action 2"], listed);
        Assert.Equal(["Hidden action 3"], Rows(await bm.GetAsync("/action-plans?Theme=Supervision")).Select(r => r.QuerySelectorAll("td")[1].QuerySelector("a")!.TextContent.Trim()));
        // The filter offers the managed list, with the chosen theme kept selected.
        Assert.Equal("Neglect", page.Html.QuerySelector("select[name='Theme'] option[selected]")?.TextContent.Trim());
    }

    private static async Task<int> CountAsync(TestBrowser browser, string query)
    {
        var page = await browser.GetAsync("/action-plans?" + query);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Html.QuerySelector(".govuk-pagination__next"));
        return Rows(page).Count;
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_csv_and_xlsx_exports_hold_the_filtered_list(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var (seen, _, _, _) = await SeedAsync(app, 12);
        await app.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == seen);
            review.SubgroupId = await db.Subgroups.Where(s => s.Name == "Case Review").Select(s => s.Id).SingleAsync();
            return await db.SaveChangesAsync();
        });
        var query = $"Review={ExportListPagingTests.Reference(1)}&Status=NotStarted";
        var listed = Rows(await bm.GetAsync("/action-plans?" + query)).Select(r => r.QuerySelectorAll("td")[1].QuerySelector("a")!.TextContent.Trim()).ToList();
        Assert.Equal(8, listed.Count);

        var csvResponse = await bm.Client.GetAsync("/action-plans/export?format=csv&" + query);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        var fromCsv = new List<string?[]>();
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        // The byte order mark Excel needs is not part of the first heading.
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        using (var csv = CsvReader.Create(Encoding.UTF8.GetBytes(text), new CsvReaderOptions { HasHeader = false, Separator = ',' }))
        {
            while (csv.Read())
            {
                var row = csv.Current;
                var cells = new string?[row.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = row.GetString(i);
                fromCsv.Add(cells);
            }
        }
        Assert.Equal("Review", fromCsv[0][0]);
        Assert.Equal("Subgroup", fromCsv[0][2]);
        // The review's plan belongs to Case Review (given to it below): every row says so.
        Assert.All(fromCsv.Skip(1), r => Assert.Equal("Case Review", r[2]));
        var csvActions = fromCsv.Skip(1).Select(r => r[4]).ToList();
        // A cell that would run as a formula is escaped with an apostrophe in the CSV.
        Assert.Equal(listed.Select(w => w.StartsWith('=') ? "'" + w : w), csvActions);

        var xlsxResponse = await bm.Client.GetAsync("/action-plans/export?format=xlsx&" + query);
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        var xlsxActions = Enumerable.Range(2, listed.Count).Select(r => sheet.Cell(r, 5).GetString()).ToList();
        Assert.Equal(listed, xlsxActions);
        Assert.Equal("Case Review", sheet.Cell(2, 3).GetString());
        Assert.False(sheet.Cell(2, 5).HasFormula);
        Assert.True(sheet.Cell(listed.Count + 2, 1).IsEmpty());

        var exported = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == "ActionPlans" && e.Action == "Exported"));
        Assert.Equal(2, exported);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Closing_needs_evidence_and_a_recheck_date_and_every_change_is_kept_in_the_history(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var owner = await app.SignedInAsAsync("practitioner@demo.example");
        using var outsider = await app.SignedInAsAsync("facilitator@demo.example");
        var (review, _, actions, _) = await SeedAsync(app, 2);
        var actionId = actions[1]; // owned by the practitioner
        var url = $"/action-plans/{actionId}";

        var page = await owner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var token = page.InputValue("ConcurrencyToken")!;

        // No evidence, no re-check date: refused, and the note typed is shown again.
        var refused = await PostStatusAsync(owner, url, page.AntiforgeryToken()!, token, "CompletedAndEmbedded", evidence: "", note: "Checked with the team", recheck: null, file: null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Enter the evidence of impact", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("check again", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Checked with the team", refused.TextareaValue("Note")?.Trim());
        Assert.Equal(ActionStatus.NotStarted, await StatusAsync(app, actionId));

        // Evidence but no re-check date: refused too, with the evidence kept as typed.
        var noDate = await PostStatusAsync(owner, url, page.AntiforgeryToken()!, token, "CompletedAndEmbedded", evidence: "Audit of 10 plans: all had the child's view", note: null, recheck: null, file: null);
        Assert.Equal(HttpStatusCode.BadRequest, noDate.Status);
        Assert.Equal("Audit of 10 plans: all had the child's view", noDate.TextareaValue("Evidence")?.Trim());

        // Someone who does not own, run or oversee the review may not change it.
        var refusedOutsider = await outsider.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, refusedOutsider.Status);

        var started = await PostStatusAsync(owner, url, page.AntiforgeryToken()!, token, "InProgress", evidence: null, note: "Begun", recheck: null, file: null);
        Assert.True(started.IsRedirect, started.Status + " " + started.ErrorSummary + " " + started.Text[..Math.Min(3000, started.Text.Length)]);
        page = await owner.GetAsync(url);
        var recheck = app.Today.AddMonths(6);
        var closed = await PostStatusAsync(owner, url, page.AntiforgeryToken()!, page.InputValue("ConcurrencyToken")!, "CompletedAndEmbedded",
            evidence: "Audit of 10 plans: all had the child's view", note: null, recheck: recheck, file: Pdf);
        Assert.True(closed.IsRedirect, closed.ErrorSummary);

        // A stale form (the token read before the change) is refused rather than overwriting it.
        var stale = await PostStatusAsync(owner, url, page.AntiforgeryToken()!, token, "Cancelled", evidence: null, note: null, recheck: null, file: null, reason: "Old tab");
        Assert.Equal(HttpStatusCode.BadRequest, stale.Status);

        var saved = await app.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(a => a.Id == actionId));
        Assert.Equal(ActionStatus.CompletedAndEmbedded, saved.Status);
        Assert.Equal("Audit of 10 plans: all had the child's view", saved.EvidenceOfImpact);
        Assert.Equal(recheck, saved.RecheckOn);
        var history = await app.WithDbAsync(db => db.ActionHistory.AsNoTracking().Where(h => h.ActionId == actionId).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync());
        Assert.Equal([ActionStatus.InProgress, ActionStatus.CompletedAndEmbedded], history.Select(h => h.ToStatus));
        Assert.Equal((ActionStatus?)ActionStatus.NotStarted, history[0].FromStatus);
        Assert.Equal("Begun", history[0].Note);
        var practitionerId = await app.WithDbAsync(db => UserIdAsync(db, "practitioner"));
        Assert.All(history, h => Assert.Equal(practitionerId, h.ByUserId));
        var evidence = await app.WithDbAsync(db => db.ReviewFiles.AsNoTracking().Where(f => f.ReviewActionId == actionId).ToListAsync());
        var file = Assert.Single(evidence);
        Assert.Equal(review, file.ReviewId);

        var shown = await owner.GetAsync(url);
        Assert.Contains("Audit of 10 plans", shown.Html.QuerySelector(".app-action-evidence")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, shown.Html.QuerySelectorAll("table.app-action-history tbody tr").Length);
        Assert.NotNull(shown.Html.QuerySelector($".app-action-documents a[href='/reviews/{review}/files/{file.Id}/download']"));
    }

    private static Task<ActionStatus> StatusAsync(AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Actions.AsNoTracking().Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private static async Task<TestBrowser.Page> PostStatusAsync(TestBrowser browser, string url, string antiforgery, string token, string status,
        string? evidence, string? note, DateOnly? recheck, byte[]? file, string? reason = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(antiforgery), "__RequestVerificationToken" },
            { new StringContent(token), "ConcurrencyToken" },
            { new StringContent(status), "Status" },
        };
        if (evidence is not null) form.Add(new StringContent(evidence), "Evidence");
        if (note is not null) form.Add(new StringContent(note), "Note");
        if (reason is not null) form.Add(new StringContent(reason), "CancellationReason");
        if (recheck is { } date)
        {
            form.Add(new StringContent(date.Day.ToString(CultureInfo.InvariantCulture)), "RecheckOn.day");
            form.Add(new StringContent(date.Month.ToString(CultureInfo.InvariantCulture)), "RecheckOn.month");
            form.Add(new StringContent(date.Year.ToString(CultureInfo.InvariantCulture)), "RecheckOn.year");
        }
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "Files", "audit.pdf");
        }
        return await TestBrowser.Page.ReadAsync(await browser.Client.PostAsync(url + "/status", form));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Saving_a_stage_makes_one_action_per_recommendation_finding_and_plan_row_and_saving_again_adds_none(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        var (lscb, desktop) = await app.WithDbAsync(async db =>
        {
            var l = ExportListPagingTests.NewReview(11, "lscb-learning-review", "action", "practiceConcern", ReviewStatus.InProgress);
            var d = ExportListPagingTests.NewReview(12, "desktop-review", "outcomes", "goodPractice", ReviewStatus.InProgress);
            db.Reviews.AddRange(l, d);
            await db.SaveChangesAsync();
            return (l.Id, d.Id);
        });

        // The desktop review's Outcomes Form recommendation, saved twice (the second time as the form posts it back, with its id).
        await SaveAsync(app, desktop, "outcomes", s => s.Actions.Add(new ActionInput(null, "Update the supervision policy", "Team Manager North", "2027-01-31", "Audit")));
        var recommendation = await app.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(a => a.ReviewId == desktop));
        Assert.Equal(ActionSource.OutcomesRecommendation, recommendation.Source);
        Assert.Equal("outcomes", recommendation.SourceStageKey);
        await SaveAsync(app, desktop, "outcomes", s => s.Actions.Add(new ActionInput(recommendation.Id, "Update the supervision policy", "Team Manager North", "2027-01-31", "Audit")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Actions.CountAsync(a => a.ReviewId == desktop)));
        // Its history says where it was agreed; saving it unchanged adds nothing, changing it on the form adds a row.
        var agreed = Assert.Single(await HistoryAsync(app, recommendation.Id));
        Assert.Null(agreed.FromStatus);
        Assert.StartsWith("Agreed on the ", agreed.Note, StringComparison.Ordinal);
        await SaveAsync(app, desktop, "outcomes", s => s.Actions.Add(new ActionInput(recommendation.Id, "Update the supervision policy", "Team Manager North", "2027-02-28", "Audit")));
        var changed = (await HistoryAsync(app, recommendation.Id))[1];
        Assert.Equal((ActionStatus.NotStarted, ActionStatus.NotStarted), (changed.FromStatus, changed.ToStatus));
        Assert.StartsWith("Changed on the ", changed.Note, StringComparison.Ordinal);

        // The LSCB review's action plan row and its key finding: one action each, and still one each after saving again.
        await SaveAsync(app, lscb, "action", s =>
        {
            s.LearningPoints.Add(new LearningPointInput(null, "Professional curiosity about the adults in the household"));
            s.Actions.Add(new ActionInput(null, "Multi-agency training on curiosity", "LSCB trainer", "2027-03-31", "Training evaluations"));
        });
        var (point, planRow) = await app.WithDbAsync(async db => (
            await db.LearningPoints.AsNoTracking().SingleAsync(p => p.ReviewId == lscb),
            await db.Actions.AsNoTracking().SingleAsync(a => a.ReviewId == lscb && a.SourceKey == null)));
        await SaveAsync(app, lscb, "action", s =>
        {
            s.LearningPoints.Add(new LearningPointInput(point.Id, "Professional curiosity about the adults in the household"));
            s.Actions.Add(new ActionInput(planRow.Id, "Multi-agency training on curiosity", "LSCB trainer", "2027-03-31", "Training evaluations"));
        });
        var lscbActions = await app.WithDbAsync(db => db.Actions.AsNoTracking().Where(a => a.ReviewId == lscb).ToListAsync());
        Assert.Equal(2, lscbActions.Count);
        Assert.Equal(ActionSource.LscbActionPlan, lscbActions.Single(a => a.Id == planRow.Id).Source);
        var finding = lscbActions.Single(a => a.Id != planRow.Id);
        Assert.Equal(ActionSource.LscbKeyFinding, finding.Source);
        Assert.Equal(point.Id.ToString(), finding.SourceKey);
        Assert.Equal(point.Id, finding.LearningPointId);
        Assert.Contains("LSCB key finding", Assert.Single(await HistoryAsync(app, finding.Id)).Note, StringComparison.Ordinal);
        Assert.Single(await HistoryAsync(app, planRow.Id));
    }

    private static Task<List<ActionHistory>> HistoryAsync(AppFactory app, Guid actionId) =>
        app.WithDbAsync(db => db.ActionHistory.AsNoTracking().Where(h => h.ActionId == actionId).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync());

    private static async Task SaveAsync(AppFactory app, Guid reviewId, string stageKey, Action<StageSubmission> fill)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningReviewsDbContext>();
        var catalogue = scope.ServiceProvider.GetRequiredService<WorkflowCatalogue>();
        var review = await db.Reviews.Include(r => r.Actions).Include(r => r.LearningPoints).Include(r => r.Stages).Include(r => r.Participants)
            .AsSplitQuery().SingleAsync(r => r.Id == reviewId);
        var stage = catalogue.Find(review.MethodologyKey, review.DefinitionVersion)!.FindStage(stageKey)!;
        var record = review.Stages.SingleOrDefault(s => s.StageKey == stageKey);
        if (record is null)
        {
            record = new ReviewStageRecord { ReviewId = review.Id, StageKey = stageKey, Cycle = 1 };
            review.Stages.Add(record);
            db.StageRecords.Add(record);
        }
        var submission = new StageSubmission();
        fill(submission);
        await scope.ServiceProvider.GetRequiredService<StageAnswersWriter>().SaveAsync(review, stage, record, submission);
        await db.SaveChangesAsync();
    }
}
