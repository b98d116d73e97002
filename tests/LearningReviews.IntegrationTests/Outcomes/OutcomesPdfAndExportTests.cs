using System.Net;
using LearningReviews.IntegrationTests.Documents;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.IntegrationTests.Workflows;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Outcomes.OutcomesFormLifecycleTests;

namespace LearningReviews.IntegrationTests.Outcomes;

/// <summary>The Outcomes Form and review records as PDF, read back with pdftotext, and the business manager's export page.</summary>
public sealed class OutcomesPdfAndExportTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_outcomes_form_prints_every_section_with_a_watermark_until_it_is_final(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var today = app.Today;
        await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(today, synopsis: "Child P’s “story” – told by school €5 ŵ"));
        var reference = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.Reference).SingleAsync());

        var response = await author.Client.GetAsync($"/reviews/{review}/outcomes-form.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{reference}-learning-review-outcomes-form-v1.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var draft = PdfReader.Read(await response.Content.ReadAsByteArrayAsync());
        string[] sections =
        [
            "Details of family being considered", "How this review was undertaken", "Attendees or people who contributed to this review",
            "Any people who were unable to contribute", "Synopsis of the case", "Findings and key learning points",
            "Background and summary of agency's involvement", "Areas where we would like to do better", "Recommendations",
            "How this learning will be disseminated and implemented", "Decisions around how the family have been involved or informed of this review",
        ];
        var flat = string.Join(' ', draft.Text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        var positions = sections.Select(s => flat.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, "a section is missing from the PDF"));
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Contains("Child P’s “story” – told by school €5 ŵ", flat, StringComparison.Ordinal);
        Assert.Contains("Add 'seen alone' to the visit template", flat, StringComparison.Ordinal);
        Assert.Contains("OFFICIAL-SENSITIVE", draft.Text, StringComparison.Ordinal);
        Assert.All(draft.RawPages, page => Assert.Contains("DRAFT", Squeezed(page), StringComparison.Ordinal));
        Assert.Contains($"Page 1 of {draft.PageCountFromInfo}", draft.Text, StringComparison.Ordinal);

        // Made final, the same form prints without the watermark.
        await author.FinaliseOutcomesFormAsync(review);
        var final = PdfReader.Read(await author.Client.GetByteArrayAsync($"/reviews/{review}/outcomes-form.pdf?version=1"));
        Assert.All(final.RawPages, page => Assert.DoesNotContain("DRAFT", Squeezed(page), StringComparison.Ordinal));
        Assert.Contains("Final", final.Text, StringComparison.Ordinal);

        var exports = await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ReviewId == review && a.Action == "Exported"));
        Assert.Equal(2, exports);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_outcomes_form_and_a_review_record_are_tagged_PDFs_a_screen_reader_can_follow(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(app.Today, synopsis: "Child P was not seen alone."));
        var title = "Learning Review Outcomes Form: " + await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.Title).SingleAsync());

        var form = PdfReader.Read(await author.Client.GetByteArrayAsync($"/reviews/{review}/outcomes-form.pdf"));
        Assert.True(form.IsTagged, "pdfinfo should report the Outcomes Form as tagged");
        Assert.Equal(title, form.Info["Title"]);
        TaggedAssert.InOrder(form,
            ("H1", title),
            ("Table", ""), ("TR", ""), ("TH", "Reference"),
            ("H2", "Synopsis of the case"), ("P", "Child P was not seen alone."),
            ("H2", "Findings and key learning points"),
            ("H2", "Recommendations"),
            ("Table", ""), ("TR", ""), ("TH", "Action"), ("TH", "Person Responsible"), ("TH", "Timeframe"),
            ("TR", ""), ("TD", "Add 'seen alone' to the visit template"), ("TD", "Head of Service"),
            ("H2", "How this learning will be disseminated and implemented"), ("P", "7-minute briefing."));
        Assert.DoesNotContain("OFFICIAL-SENSITIVE", form.Structure, StringComparison.Ordinal);
        Assert.DoesNotContain("DRAFT", form.Structure, StringComparison.Ordinal);

        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var circle = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child C")).Select(r => new { r.Id, r.Title }).SingleAsync());
        var record = PdfReader.Read(await hol.Client.GetByteArrayAsync($"/reviews/{circle.Id}/record.pdf"));
        Assert.True(record.IsTagged, "pdfinfo should report the record as tagged");
        Assert.Equal($"Learning circle record: {circle.Title}", record.Info["Title"]);
        TaggedAssert.InOrder(record,
            ("H1", $"Learning circle record: {circle.Title}"),
            ("Table", ""), ("TR", ""), ("TH", "Reference"), ("TD", ""),
            ("H2", "Proposal at the Locality Management Meeting"), ("H3", ""), ("P", ""),
            ("H2", "After the learning circle"));
        Assert.DoesNotContain("OFFICIAL-SENSITIVE", record.Structure, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Each_recommendation_is_a_tracked_action_linked_to_the_finding_it_answers(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var today = app.Today;
        await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(today, synopsis: "Child P was not seen alone."));

        var form = await author.GetAsync($"/reviews/{review}/stages/outcomes");
        var point = form.Html.QuerySelector("input[name='lp[0].id']")!.GetAttribute("value")!;
        var action = form.Html.QuerySelector("input[name='act[0].id']")!.GetAttribute("value")!;
        Assert.NotNull(form.Html.QuerySelector($"select[name='act[0].finding'] option[value='{point}']"));
        var answers = OutcomesAnswers(today, synopsis: "Child P was not seen alone.")
            .Where(a => !a.Key.StartsWith("lp[", StringComparison.Ordinal) && !a.Key.StartsWith("act[", StringComparison.Ordinal))
            .Concat([new("lp[0].id", point), new("lp[0].text", "See the child alone at every visit"),
                     new("act[0].id", action), new("act[0].what", "Add 'seen alone' to the visit template"), new("act[0].owner", "Head of Service"),
                     .. WorkflowClientB.ActionDue(0, today.AddDays(60)),
                     new("act[0].impact", "Audit"), new("act[0].finding", point)]);
        var saved = await author.SaveStageAsync(review, "outcomes", answers);
        Assert.True(saved.IsRedirect, saved.ErrorSummary);

        var tracked = await app.WithDbAsync(db => db.Actions.Where(a => a.ReviewId == review).Select(a => new { a.What, a.LearningPointId }).SingleAsync());
        Assert.Equal("Add 'seen alone' to the visit template", tracked.What);
        Assert.Equal(Guid.Parse(point), tracked.LearningPointId);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_long_form_runs_to_several_pages_with_every_recommendation_and_the_table_header_on_each_page(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var today = app.Today;
        var longText = string.Join(' ', Enumerable.Range(1, 290).Select(i => $"word{i}"));
        await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(today, synopsis: longText));
        await app.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 45; i++)
            {
                db.Actions.Add(new Domain.Reviews.ReviewAction
                {
                    ReviewId = review, What = $"Recommendation number {i}: share the learning about seeing children alone with every team in the locality",
                    OwnerName = $"Owner {i}", DueDate = today.AddDays(i),
                });
            }
            return await db.SaveChangesAsync();
        });

        var pdf = PdfReader.Read(await author.Client.GetByteArrayAsync($"/reviews/{review}/outcomes-form.pdf"));
        Assert.True(pdf.PageCountFromInfo >= 3, $"expected several pages, got {pdf.PageCountFromInfo}");
        for (var page = 1; page <= pdf.PageCountFromInfo; page++)
        {
            Assert.Contains($"Page {page} of {pdf.PageCountFromInfo}", pdf.Pages[page - 1], StringComparison.Ordinal);
        }
        var flat = string.Join(' ', pdf.Text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        for (var i = 1; i <= 45; i++) Assert.Contains($"Recommendation number {i}:", flat, StringComparison.Ordinal);
        Assert.Contains("word290", flat, StringComparison.Ordinal);
        var pagesWithRows = pdf.Pages.Where(p => p.Contains("Recommendation number", StringComparison.Ordinal)).ToList();
        Assert.True(pagesWithRows.Count >= 2, "the recommendations should run over more than one page");
        Assert.All(pagesWithRows, p => Assert.Contains("Person Responsible", p, StringComparison.Ordinal));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Only_people_who_may_see_the_review_can_download_it(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var outsider = await app.SignedInAsAsync("hol@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/reviews/{review}/outcomes-form.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/reviews/{review}/record.pdf")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ReviewId == review && a.Action == "Exported")));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_learning_circle_record_prints_its_stages_learning_points_and_actions(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var review = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child C")).Select(r => r.Id).SingleAsync());
        var response = await hol.Client.GetAsync($"/reviews/{review}/record.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = PdfReader.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Learning circle record", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Proposal at the Locality Management Meeting", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("After the learning circle", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("A move to kinship care", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Not completed", pdf.Text, StringComparison.Ordinal);
        Assert.All(pdf.RawPages, page => Assert.Contains("DRAFT", Squeezed(page), StringComparison.Ordinal));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_export_page_lists_final_forms_and_filters_them(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var today = app.Today;
        await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(today, synopsis: "Child P was not seen alone."));

        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var page = await bm.GetAsync("/exports");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // Only the demo data's closed Desktop Review has a final form yet.
        var before = page.Html.QuerySelectorAll("table.app-exports tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Desktop Review", Assert.Single(before), StringComparison.Ordinal);

        await author.FinaliseOutcomesFormAsync(review);
        page = await bm.GetAsync("/exports");
        var rows = page.Html.QuerySelectorAll("table.app-exports tbody tr").Where(r => !r.TextContent.Contains("Desktop Review", StringComparison.Ordinal)).ToList();
        var row = Assert.Single(rows);
        Assert.Contains("Learning Review Outcomes Form, version 1", row.TextContent, StringComparison.Ordinal);
        var link = row.QuerySelector("a[download]")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await bm.Client.GetAsync(link)).StatusCode);

        Assert.Null((await bm.GetAsync("/exports?Methodology=thematic-review")).Html.QuerySelector("table.app-exports"));
        Assert.NotNull((await bm.GetAsync("/exports?Methodology=practitioner-learning-review")).Html.QuerySelector("table.app-exports"));
        var tomorrow = today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Null((await bm.GetAsync($"/exports?From={tomorrow}")).Html.QuerySelector("table.app-exports"));

        // Someone whose role has no business here is refused the page.
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        var refused = await practitioner.GetAsync("/exports");
        Assert.True(refused.IsRedirect && refused.Location!.Contains("access-denied", StringComparison.Ordinal));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_export_page_filters_on_dates_typed_as_day_month_year_and_on_old_links(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var today = app.Today;
        await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(today, synopsis: "Child P was not seen alone."));
        await author.FinaliseOutcomesFormAsync(review);
        using var bm = await app.SignedInAsAsync("bm@demo.example");

        // The page draws the filters as GOV.UK date inputs, not the browser's own date picker.
        var page = await bm.GetAsync("/exports");
        Assert.Null(page.Html.QuerySelector("input[type=date]"));
        Assert.NotNull(page.Html.QuerySelector("input#From[name='From.day']"));
        Assert.NotNull(page.Html.QuerySelector("input#To-year[name='To.year']"));

        // A range typed as day, month and year around the day the form was made final lists it; one after it does not.
        Assert.Single(Rows(await bm.GetAsync($"/exports?{Range(today.AddDays(-1), today.AddDays(1))}")));
        var later = await bm.GetAsync($"/exports?{Range(today.AddDays(2), today.AddDays(9))}");
        Assert.Empty(Rows(later));
        Assert.Null(later.Html.QuerySelector(".govuk-error-summary"));
        Assert.Equal(Part(today.AddDays(2).Day), later.Html.QuerySelector("input#From")!.GetAttribute("value"));
        Assert.Equal(Part(today.AddDays(9).Year), later.Html.QuerySelector("input#To-year")!.GetAttribute("value"));
        // The other filters still apply alongside the dates.
        var thematic = await bm.GetAsync($"/exports?Methodology=thematic-review&Status=all&Theme=neglect&{Range(today.AddDays(-1), today.AddDays(1))}");
        Assert.Empty(Rows(thematic));
        Assert.Equal("thematic-review", thematic.Html.QuerySelector("select#Methodology option[selected]")!.GetAttribute("value"));
        Assert.Equal("all", thematic.Html.QuerySelector("select#Status option[selected]")!.GetAttribute("value"));
        Assert.Equal("neglect", thematic.Html.QuerySelector("input#Theme")!.GetAttribute("value"));
        Assert.Equal(Part(today.AddDays(-1).Day), thematic.Html.QuerySelector("input#From")!.GetAttribute("value"));

        // Links made before the change (From=yyyy-MM-dd) still filter, and fill the boxes.
        var oldLink = await bm.GetAsync($"/exports?From={Iso(today.AddDays(2))}");
        Assert.Empty(Rows(oldLink));
        Assert.Equal(Part(today.AddDays(2).Month), oldLink.Html.QuerySelector("input#From-month")!.GetAttribute("value"));
        Assert.Single(Rows(await bm.GetAsync($"/exports?From={Iso(today.AddDays(-1))}&To={Iso(today.AddDays(1))}")));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_impossible_export_date_shows_the_error_keeps_what_was_typed_and_is_not_applied(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var today = app.Today;
        await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(today, synopsis: "Child P was not seen alone."));
        await author.FinaliseOutcomesFormAsync(review);
        using var bm = await app.SignedInAsAsync("bm@demo.example");

        // 31 February: the summary links to the From Day box, the boxes keep 31, 2 and 2026, and the
        // list is not filtered on the bad date: the final form is still listed.
        var page = await bm.GetAsync("/exports?From.day=31&From.month=2&From.year=2026");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var link = page.Html.QuerySelector(".govuk-error-summary a")!;
        Assert.Equal("#From", link.GetAttribute("href"));
        Assert.Contains("From date as a real date", link.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Html.QuerySelector("#From-error"));
        Assert.StartsWith("Error: ", page.Html.Title, StringComparison.Ordinal);
        Assert.Equal("31", page.Html.QuerySelector("input#From")!.GetAttribute("value"));
        Assert.Equal("2", page.Html.QuerySelector("input#From-month")!.GetAttribute("value"));
        Assert.Equal("2026", page.Html.QuerySelector("input#From-year")!.GetAttribute("value"));
        Assert.Single(Rows(page));

        // The same from an old-style link.
        var oldLink = await bm.GetAsync("/exports?From=2026-02-31");
        Assert.Equal("#From", oldLink.Html.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("31", oldLink.Html.QuerySelector("input#From")!.GetAttribute("value"));
        Assert.Single(Rows(oldLink));

        // To before From: the error is on To, both dates stay as typed, and neither is applied.
        var backwards = await bm.GetAsync($"/exports?{Range(today.AddDays(5), today.AddDays(-5))}");
        var toLink = backwards.Html.QuerySelector(".govuk-error-summary a")!;
        Assert.Equal("#To", toLink.GetAttribute("href"));
        Assert.Contains("same as or after the From date", toLink.TextContent, StringComparison.Ordinal);
        Assert.Equal(Part(today.AddDays(5).Day), backwards.Html.QuerySelector("input#From")!.GetAttribute("value"));
        Assert.Equal(Part(today.AddDays(-5).Day), backwards.Html.QuerySelector("input#To")!.GetAttribute("value"));
        Assert.Single(Rows(backwards));
    }

    // The rows of the test's own review: the demo data's closed Desktop Review is final too, the same day.
    private static List<string> Rows(TestBrowser.Page page) =>
        page.Html.QuerySelectorAll("table.app-exports tbody tr").Select(r => r.TextContent)
            .Where(text => !text.Contains("Desktop Review", StringComparison.Ordinal)).ToList();

    private static string Range(DateOnly from, DateOnly to) =>
        $"From.day={Part(from.Day)}&From.month={Part(from.Month)}&From.year={Part(from.Year)}" +
        $"&To.day={Part(to.Day)}&To.month={Part(to.Month)}&To.year={Part(to.Year)}";

    private static string Part(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The diagonal watermark comes out of pdftotext -raw a letter per line: compare without whitespace.</summary>
    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
