using System.Net;
using System.Text;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Files;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Files;

/// <summary>Documents uploaded to a review, downloaded and refused over HTTP, on SQLite and PostgreSQL.</summary>
public sealed class ReviewFileTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_document_uploaded_to_a_review_downloads_as_the_same_bytes_as_an_attachment_and_is_audited(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var (review, _, _) = await FileClient.ThematicAsync(app);
        var first = await bm.GetAsync($"/reviews/{review}/files");
        Assert.True(first.Status == HttpStatusCode.OK, string.Join("\n", app.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Take(3)));

        var file = FileClient.FileIdFrom(await FileClient.UploadAsync(bm, review, Pdf, "Agency chronology.pdf", browserType: "text/html"));
        var list = await bm.GetAsync($"/reviews/{review}/files");
        Assert.Contains("Agency chronology", list.Html.QuerySelector("table.app-files")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"/reviews/{review}/files", (await bm.GetAsync($"/reviews/{review}")).Text, StringComparison.Ordinal);

        var response = await bm.Client.GetAsync($"/reviews/{review}/files/{file}/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType); // from the bytes, not the browser's "text/html"
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Agency chronology.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("default-src 'none'; sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));

        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(ReviewFile) && e.EntityId == file.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.Created, audit);
        Assert.Contains(AuditActions.Exported, audit);
        var stored = await app.WithDbAsync(db => db.ReviewFiles.AsNoTracking().SingleAsync(f => f.Id == file));
        Assert.Equal(ReviewFile.InDatabase, stored.StorageName);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Too_large_files_and_markup_behind_a_pdf_name_are_refused_and_a_path_in_the_name_is_only_display_text(Provider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lr-files-" + Guid.NewGuid().ToString("N"));
        await using var app = await AppFactory.StartAsync(provider, settings: new Dictionary<string, string>
        {
            ["Files:MaxBytes"] = "2048",
            ["Files:Folder"] = folder,
        });
        try
        {
            using var bm = await app.SignedInAsAsync("bm@demo.example");
            var (review, _, _) = await FileClient.ThematicAsync(app);

            var tooLarge = await FileClient.UploadAsync(bm, review, [.. Pdf, .. new byte[2048]], "big.pdf");
            Assert.Equal(HttpStatusCode.OK, tooLarge.Status);
            Assert.Contains("The file must be smaller than 2 KB", tooLarge.ErrorSummary, StringComparison.Ordinal);

            var html = Encoding.UTF8.GetBytes("<html><body><script>fetch('/reviews')</script></body></html>");
            var disguised = await FileClient.UploadAsync(bm, review, html, "summary.pdf", browserType: "application/pdf");
            Assert.Equal(HttpStatusCode.OK, disguised.Status);
            Assert.Contains("this file's contents are none of these", disguised.ErrorSummary, StringComparison.Ordinal);
            Assert.Equal("Agency chronology", disguised.Html.GetElementById("Title")?.GetAttribute("value")); // what was typed is kept

            var noKind = await FileClient.UploadAsync(bm, review, Pdf, "ok.pdf", kind: "Poster", title: "");
            Assert.Contains("Select what kind of document this is", noKind.ErrorSummary, StringComparison.Ordinal);
            Assert.Contains("Enter a title for the document", noKind.ErrorSummary, StringComparison.Ordinal);
            var empty = await FileClient.UploadAsync(bm, review, [], "empty.pdf");
            Assert.Contains("Select a file to upload", empty.ErrorSummary, StringComparison.Ordinal);
            var strayFamily = await FileClient.UploadAsync(bm, review, Pdf, "ok.pdf", caseId: Guid.NewGuid().ToString());
            Assert.Contains("Select a family from the list", strayFamily.ErrorSummary, StringComparison.Ordinal);

            Assert.Equal(0, await app.WithDbAsync(db => db.ReviewFiles.CountAsync()));
            Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());

            var file = FileClient.FileIdFrom(await FileClient.UploadAsync(bm, review, Pdf, "../../../etc/passwd\u202E.pdf"));
            var page = await bm.GetAsync($"/reviews/{review}/files/{file}");
            Assert.Equal("passwd.pdf", page.Html.GetElementById("file-name")!.TextContent);
            var stored = await app.WithDbAsync(db => db.ReviewFiles.AsNoTracking().SingleAsync(f => f.Id == file));
            Assert.Equal("passwd.pdf", stored.DisplayName);
            Assert.Equal($"{file:N}.bin", stored.StorageName);
            Assert.Equal([Path.Combine(folder, stored.StorageName)], Directory.GetFiles(folder));
            Assert.False(await app.WithDbAsync(db => db.ReviewFileContents.AnyAsync()));

            var response = await bm.Client.GetAsync($"/reviews/{review}/files/{file}/download");
            Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("passwd.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_download_is_refused_to_someone_without_access_and_to_someone_tied_to_the_other_family_and_audited(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var (review, osprey, curlew) = await FileClient.ThematicAsync(app);
        var ospreys = FileClient.FileIdFrom(await FileClient.UploadAsync(bm, review, Pdf, "osprey.pdf", title: "Osprey agency summary", caseId: osprey.ToString()));
        var curlews = FileClient.FileIdFrom(await FileClient.UploadAsync(bm, review, Pdf, "curlew.pdf", title: "Curlew agency summary", caseId: curlew.ToString()));
        var whole = FileClient.FileIdFrom(await FileClient.UploadAsync(bm, review, Pdf, "terms.pdf", kind: "TermsOfReference", title: "Terms of reference"));

        // The head of locality has nothing to do with a thematic review: "not found", and the refusal is audited.
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await hol.Client.GetAsync($"/reviews/{review}/files/{whole}/download")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditActions.AccessDenied && e.ReviewId == review && e.Detail!.Contains("file download"))));

        // Signed out: to the sign-in page, never the bytes.
        using var nobody = new TestBrowser(app.NewBrowser());
        var signedOut = await nobody.Client.GetAsync($"/reviews/{review}/files/{whole}/download");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/account/sign-in", signedOut.Headers.Location!.ToString(), StringComparison.Ordinal);

        // The practitioner is involved with Curlew only.
        using var priya = await app.SignedInAsAsync("practitioner@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await priya.Client.GetAsync($"/reviews/{review}/files/{ospreys}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await priya.GetAsync($"/reviews/{review}/files/{ospreys}")).Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditActions.AccessDenied && e.EntityId == ospreys.ToString() && e.Detail!.Contains("another family"))));
        var list = (await priya.GetAsync($"/reviews/{review}/files")).Html.QuerySelector("table.app-files")!.TextContent;
        Assert.DoesNotContain("Osprey", list, StringComparison.Ordinal);
        Assert.Contains("Curlew agency summary", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await priya.Client.GetAsync($"/reviews/{review}/files/{curlews}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await priya.Client.GetAsync($"/reviews/{review}/files/{whole}/download")).StatusCode);

        // She may read the review's documents but not add to them.
        var refused = await FileClient.UploadAsync(priya, review, Pdf, "mine.pdf");
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Contains("denied", refused.Location!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, await app.WithDbAsync(db => db.ReviewFiles.CountAsync(f => f.ReviewId == review)));
        // Nor send one round.
        var token = (await priya.GetAsync($"/reviews/{review}/files/{whole}")).AntiforgeryToken();
        var circulated = await priya.PostAsync($"/reviews/{review}/files/{whole}/circulate", [new("People", Guid.NewGuid().ToString())], token);
        Assert.Contains("denied", circulated.Location ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.False(await app.WithDbAsync(db => db.ReviewFileCirculations.AnyAsync()));
    }
}
