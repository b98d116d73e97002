using System.Net.Http.Headers;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Files;

/// <summary>Uploads as a browser does: the documents page's antiforgery token and a multipart form with the file.</summary>
internal static class FileClient
{
    public static async Task<TestBrowser.Page> UploadAsync(TestBrowser browser, Guid review, byte[] bytes, string fileName,
        string kind = "Chronology", string title = "Agency chronology", string? caseId = null, string browserType = "application/pdf")
    {
        var page = await browser.GetAsync($"/reviews/{review}/files");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken() ?? ""), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
            { new StringContent(title), "Title" },
        };
        if (caseId is not null) form.Add(new StringContent(caseId), "CaseId");
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(browserType);
        form.Add(content, "File", fileName);
        return await TestBrowser.Page.ReadAsync(await browser.Client.PostAsync($"/reviews/{review}/files", form));
    }

    /// <summary>The demo thematic review (Demo family Osprey and Demo family Curlew) and its two families.</summary>
    public static Task<(Guid Review, Guid Osprey, Guid Curlew)> ThematicAsync(AppFactory app) => app.WithDbAsync(async db =>
    {
        var review = await db.Reviews.Where(r => r.MethodologyKey == "thematic-review").Select(r => r.Id).SingleAsync();
        var cases = await db.ReviewCases.Where(rc => rc.ReviewId == review).Select(rc => new { rc.CaseId, rc.Case!.Label }).ToListAsync();
        return (review, cases.Single(c => c.Label.Contains("Osprey", StringComparison.Ordinal)).CaseId,
            cases.Single(c => c.Label.Contains("Curlew", StringComparison.Ordinal)).CaseId);
    });

    public static Guid FileIdFrom(TestBrowser.Page uploaded)
    {
        Assert.True(uploaded.IsRedirect, uploaded.ErrorSummary);
        return Guid.Parse(uploaded.Location!.Split('/').Last());
    }
}
