using System.Net.Http.Headers;
using System.Text;
using ClosedXML.Excel;
using LearningReviews.Domain.Chronology;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Chronology;

/// <summary>The demo review the chronology tests use, and the files and requests they send.</summary>
internal static class ChronologyClient
{
    public const string Heading = "Date,Time,What happened,Source,Significance,Key practice episode";

    /// <summary>The Practitioner Learning Review for Demo child Linnet, open, with agency@ representing Police.</summary>
    public static Task<Guid> LinnetAsync(AppFactory app) =>
        app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Demo child Linnet")).Select(r => r.Id).SingleAsync());

    public static Task<Guid> AgencyAsync(AppFactory app, string name) =>
        app.WithDbAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    public static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Heading, .. rows]) + "\r\n");

    /// <summary>An .xlsx as Excel saves one: dates as date cells, other values as text.</summary>
    public static byte[] Xlsx(params (DateTime Date, string Time, string What, string Source, string Significance, string Key)[] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Chronology");
        var headings = ChronologyRow.Headings;
        for (var c = 0; c < headings.Count; c++) sheet.Cell(1, c + 1).Value = headings[c];
        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Cell(r + 2, 1).Value = rows[r].Date;
            sheet.Cell(r + 2, 2).SetValue(rows[r].Time);
            sheet.Cell(r + 2, 3).SetValue(rows[r].What);
            sheet.Cell(r + 2, 4).SetValue(rows[r].Source);
            sheet.Cell(r + 2, 5).SetValue(rows[r].Significance);
            sheet.Cell(r + 2, 6).SetValue(rows[r].Key);
        }
        using var memory = new MemoryStream();
        workbook.SaveAs(memory);
        return memory.ToArray();
    }

    public static async Task<TestBrowser.Page> ImportAsync(TestBrowser browser, Guid review, string fileName, byte[] bytes, string whenBadRows = "refuse")
    {
        var page = await browser.GetAsync($"/reviews/{review}/chronology");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(page.AntiforgeryToken()!), "__RequestVerificationToken");
        content.Add(new StringContent(whenBadRows), "whenBadRows");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return await TestBrowser.Page.ReadAsync(await browser.Client.PostAsync($"/reviews/{review}/chronology/import", content));
    }

    /// <summary>A refusal to someone who may see the review: the access-denied page, as every refused operation gets.</summary>
    public static void AssertRefused(TestBrowser.Page page)
    {
        Assert.True(page.IsRedirect, $"Expected a refusal but got {(int)page.Status}");
        Assert.Contains("access-denied", page.Location, StringComparison.Ordinal);
    }

    public static Task<int> CountAsync(AppFactory app, Guid review) =>
        app.WithDbAsync(db => db.ChronologyEntries.CountAsync(e => e.ReviewId == review));

    /// <summary>Another agency's entries, as its own representative would have entered them.</summary>
    public static Task AddEntriesAsync(AppFactory app, Guid review, Guid agency, string enteredBy, params (DateOnly Date, string What)[] entries) =>
        app.WithDbAsync(db =>
        {
            db.ChronologyEntries.AddRange(entries.Select(e => new ChronologyEntry
            {
                ReviewId = review, AgencyId = agency, Date = e.Date, WhatHappened = e.What, Source = "Agency record", EnteredBy = enteredBy,
            }));
            return db.SaveChangesAsync();
        });
}
