using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LearningReviews.IntegrationTests.Email;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.InformationRequests;

/// <summary>
/// An agency's representative sends documents with their answer: each is checked by its bytes like any upload,
/// a refused one loses nothing that was typed, and an accepted one is listed on the request and downloadable
/// by those who may see the review (and by nobody else).
/// </summary>
public sealed class InformationRequestAttachmentTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_answer_carries_checked_documents_and_a_refused_one_keeps_what_was_typed(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        var settings = new Dictionary<string, string>(smtp.Settings()) { ["Email:Dispatch:IntervalSeconds"] = "3600" };
        await using var app = await AppFactory.StartAsync(provider, settings: settings);
        await app.SeedDemoAsync();
        var (reviewId, requestId) = await InformationRequestFixture.SentToPoliceAsync(app);
        var url = $"/reviews/{reviewId}/information-requests/{requestId}";

        using var agency = await app.SignedInAsAsync("agency@demo.example");
        var page = await agency.GetAsync(url);
        Assert.NotNull(page.Html.QuerySelector("form[enctype='multipart/form-data'] input[type='file'][name='attachments'][multiple]"));
        var token = page.Html.QuerySelector("input[name='token']")!.GetAttribute("value")!;

        // A web page named like a PDF is refused by its contents; the typed answer comes back and nothing is saved.
        var refused = await AnswerAsync(agency, url, page.AntiforgeryToken()!, token, "Officers shared the referral the same day.",
            ("report.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("report.pdf: The file must be a", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Officers shared the referral the same day.", refused.TextareaValue("good"));
        Assert.Equal(0, await app.WithDbAsync(db => db.ReviewFiles.CountAsync(f => f.InformationRequestId == requestId)));
        Assert.Null(await app.WithDbAsync(db => db.InformationRequests.Where(r => r.Id == requestId).Select(r => r.GoodPractice).SingleAsync()));

        // A real PDF goes with the answer, in the same save.
        var saved = await AnswerAsync(agency, url, page.AntiforgeryToken()!, token, "Officers shared the referral the same day.",
            ("../../police summary.pdf", Pdf));
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        var shown = await agency.FollowAsync(saved);
        Assert.Contains("Your answer and 1 document have been saved", shown.Text, StringComparison.Ordinal);
        var file = await app.WithDbAsync(db => db.ReviewFiles.SingleAsync(f => f.InformationRequestId == requestId));
        Assert.DoesNotContain("/", file.DisplayName, StringComparison.Ordinal);
        Assert.Equal("application/pdf", file.ContentType);

        // The business manager sees it on the request and downloads the same bytes; it is one of the review's documents too.
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var asBm = await bm.GetAsync(url);
        var link = asBm.Html.QuerySelector($"a[href='/reviews/{reviewId}/files/{file.Id}/download']");
        Assert.NotNull(link);
        Assert.Contains(file.DisplayName, link!.TextContent, StringComparison.Ordinal);
        var download = await bm.Client.GetAsync($"/reviews/{reviewId}/files/{file.Id}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains(file.Title, (await bm.GetAsync($"/reviews/{reviewId}/files")).Text, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "Created" && e.EntityId == file.Id.ToString())));

        // Someone who may not see the review gets neither the request nor the document.
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await hol.Client.GetAsync($"/reviews/{reviewId}/files/{file.Id}/download")).StatusCode);
    }

    private static async Task<TestBrowser.Page> AnswerAsync(TestBrowser browser, string url, string antiforgery, string token, string good,
        (string Name, byte[] Bytes) document)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(antiforgery), "__RequestVerificationToken" },
            { new StringContent(token), "token" },
            { new StringContent(good), "good" },
            { new StringContent(""), "different" },
            { new StringContent(""), "note" },
        };
        var content = new ByteArrayContent(document.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "attachments", document.Name);
        return await TestBrowser.Page.ReadAsync(await browser.Client.PostAsync(url + "/answer", form));
    }
}
