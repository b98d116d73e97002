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
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
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
    public async Task Each_recommendation_is_a_tracked_action_linked_to_the_finding_it_answers(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(today, synopsis: "Child P was not seen alone."));

        var form = await author.GetAsync($"/reviews/{review}/stages/outcomes");
        var point = form.Html.QuerySelector("input[name='lp[0].id']")!.GetAttribute("value")!;
        var action = form.Html.QuerySelector("input[name='act[0].id']")!.GetAttribute("value")!;
        Assert.NotNull(form.Html.QuerySelector($"select[name='act[0].finding'] option[value='{point}']"));
        var answers = OutcomesAnswers(today, synopsis: "Child P was not seen alone.")
            .Where(a => !a.Key.StartsWith("lp[", StringComparison.Ordinal) && !a.Key.StartsWith("act[", StringComparison.Ordinal))
            .Concat([new("lp[0].id", point), new("lp[0].text", "See the child alone at every visit"),
                     new("act[0].id", action), new("act[0].what", "Add 'seen alone' to the visit template"), new("act[0].owner", "Head of Service"),
                     new("act[0].due", today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
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
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
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
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
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

    /// <summary>The diagonal watermark comes out of pdftotext -raw a letter per line: compare without whitespace.</summary>
    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
