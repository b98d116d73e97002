using System.Net;
using System.Text;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Chronology.ChronologyClient;

namespace LearningReviews.IntegrationTests.Chronology;

/// <summary>An agency representative's chronology: typed entries and imported CSV and Excel files, as agency@ (Police) on the Linnet review.</summary>
public sealed class ChronologyImportTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_agency_representative_adds_changes_and_removes_their_own_entries(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var agency = await app.SignedInAsAsync("agency@demo.example");
        var review = await LinnetAsync(app);
        var url = $"/reviews/{review}/chronology";

        var refused = await agency.SubmitAsync(url, [new("Date.day", "31"), new("Date.month", "2"), new("Date.year", "2025"), new("Date.time", "2.30"),
            new("WhatHappened", "Home visit"), new("Source", ""), new("KeyPracticeEpisode", "no")], $"{url}/entries");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Date must be a real date", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("Enter the source", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Home visit", refused.TextareaValue("WhatHappened"));
        Assert.Equal(0, await CountAsync(app, review));

        var added = await agency.SubmitAsync(url, [new("Date.day", "3"), new("Date.month", "4"), new("Date.year", "2025"), new("Date.time", "2.30pm"),
            new("WhatHappened", "Officers attended after a call from a neighbour"), new("Source", "Police log 1234"), new("KeyPracticeEpisode", "yes")], $"{url}/entries");
        var list = await agency.FollowAsync(added);
        Assert.Contains("Entry added to your agency's chronology.", list.Html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Police's chronology", list.H1, StringComparison.Ordinal);
        var entry = await app.WithDbAsync(db => db.ChronologyEntries.Include(e => e.Agency).SingleAsync(e => e.ReviewId == review));
        Assert.Equal((new DateOnly(2025, 4, 3), new TimeOnly(14, 30), "Police", true, "Andy Agbaje"),
            (entry.Date, entry.Time, entry.Agency!.Name, entry.KeyPracticeEpisode, entry.EnteredBy));

        var edit = await agency.GetAsync($"{url}/entries/{entry.Id}/edit");
        Assert.Equal("14:30", edit.InputValue("Date_time") ?? edit.Html.QuerySelector("input[name='Date.time']")?.GetAttribute("value"));
        var saved = await agency.PostAsync($"{url}/entries/{entry.Id}/edit", [new("entryToken", entry.ConcurrencyToken.ToString()), new("Date.day", "3"),
            new("Date.month", "4"), new("Date.year", "2025"), new("WhatHappened", "Officers attended the home"), new("Source", "Police log 1234"),
            new("KeyPracticeEpisode", "no")], edit.AntiforgeryToken());
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        Assert.Equal(("Officers attended the home", (TimeOnly?)null), await app.WithDbAsync(db => db.ChronologyEntries.Where(e => e.Id == entry.Id)
            .Select(e => new ValueTuple<string, TimeOnly?>(e.WhatHappened, e.Time)).SingleAsync()));

        // The business manager sees every agency's entries but enters none.
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var bmPage = await bm.GetAsync(url);
        Assert.Contains("Officers attended the home", bmPage.Text, StringComparison.Ordinal);
        Assert.Null(bmPage.Html.QuerySelector("form[action$='/chronology/entries']"));
        var bmAdd = await bm.PostAsync($"{url}/entries", [new("Date.day", "3"), new("Date.month", "4"), new("Date.year", "2025"),
            new("WhatHappened", "x"), new("Source", "y")], bmPage.AntiforgeryToken());
        AssertRefused(bmAdd);

        // Someone who takes no part in the review does not learn it exists.
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync(url)).Status);

        var removed = await agency.PostAsync($"{url}/entries/{entry.Id}/remove", [], (await agency.GetAsync(url)).AntiforgeryToken());
        Assert.True(removed.IsRedirect);
        Assert.Equal(0, await CountAsync(app, review));
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(a => a.ReviewId == review && a.EntityType == "ChronologyEntry").Select(a => a.Action).ToListAsync());
        Assert.Equal(1, audit.Count(a => a == "Created"));
        Assert.Equal(1, audit.Count(a => a == "Updated"));
        Assert.Equal(1, audit.Count(a => a == "Deleted"));
        Assert.Contains("Viewed", audit);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_clean_CSV_and_a_clean_XLSX_are_imported_whole(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var agency = await app.SignedInAsAsync("agency@demo.example");
        var review = await LinnetAsync(app);

        var csv = await ImportAsync(agency, review, "police.csv", Csv(
            "27/03/2025,10:30,\"Call from a neighbour, worried about shouting\",Police log 1,Shows concern in the community,yes",
            "2025-03-28,,Officers visited the home,Police log 2,,no"));
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.Contains("All 2 rows were imported.", csv.Html.QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);

        var xlsx = await ImportAsync(agency, review, "police.xlsx", Xlsx(
            (new DateTime(2025, 4, 1), "9am", "Strategy discussion with social care", "Police log 3", "", "yes"),
            (new DateTime(2025, 4, 2), "", "Joint visit", "Police log 4", "First joint visit", "no")));
        Assert.Contains("All 2 rows were imported.", xlsx.Html.QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);

        var entries = await app.WithDbAsync(db => db.ChronologyEntries.Where(e => e.ReviewId == review).OrderBy(e => e.Date).ToListAsync());
        Assert.Equal([new(2025, 3, 27), new(2025, 3, 28), new(2025, 4, 1), new(2025, 4, 2)], entries.Select(e => e.Date));
        Assert.Equal("Call from a neighbour, worried about shouting", entries[0].WhatHappened);
        Assert.Equal(new TimeOnly(9, 0), entries[2].Time);
        Assert.Equal([true, false, true, false], entries.Select(e => e.KeyPracticeEpisode));
        Assert.Contains("4 entries", xlsx.Html.QuerySelector("#entries caption")!.TextContent, StringComparison.Ordinal);

        var template = await agency.Client.GetAsync($"/reviews/{review}/chronology/template.csv");
        Assert.StartsWith(Heading, (await template.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_file_with_bad_rows_is_refused_whole_or_its_good_rows_imported_as_the_user_chooses(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var agency = await app.SignedInAsAsync("agency@demo.example");
        var review = await LinnetAsync(app);
        var file = Csv(
            "27/03/2025,,Call from a neighbour,Police log 1,,no",
            "31/02/2025,,Officers visited,Police log 2,,no",
            "28/03/2025,2.30,Second call,,,maybe",
            "29/03/2025,,Arrest of a visitor,Police log 3,,yes");

        var refused = await ImportAsync(agency, review, "police.csv", file, "refuse");
        var result = refused.Html.QuerySelector("#import-result")!.TextContent;
        Assert.Contains("Nothing was imported: 2 of 4 rows have problems", result, StringComparison.Ordinal);
        var problems = refused.Html.QuerySelectorAll("#import-problems tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, problems.Count);
        // Row numbers are the file's lines: the heading is line 1.
        Assert.Contains(problems, p => p.Contains('3', StringComparison.Ordinal) && p.Contains("Date must be a real date", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains('4', StringComparison.Ordinal) && p.Contains("Enter the source", StringComparison.Ordinal)
                                       && p.Contains("morning or the afternoon", StringComparison.Ordinal) && p.Contains("yes or no", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(app, review));

        var partly = await ImportAsync(agency, review, "police.csv", file, "import-good");
        Assert.Contains("2 of 4 rows were imported. 2 rows have problems and were not imported.", partly.Html.QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, partly.Html.QuerySelectorAll("#import-problems tbody tr").Length);
        Assert.Equal(["Arrest of a visitor", "Call from a neighbour"],
            await app.WithDbAsync(db => db.ChronologyEntries.Where(e => e.ReviewId == review).Select(e => e.WhatHappened).OrderBy(w => w).ToListAsync()));
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(a => a.ReviewId == review && a.EntityType == "ChronologyEntry" && a.Action != "Viewed")
            .Select(a => a.Detail).ToListAsync());
        Assert.Contains("Chronology import refused: 2 of 4 rows have problems", audit);
        Assert.Contains("Chronology import: 2 entries imported, 2 rows with problems left out", audit);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_empty_file_and_a_file_that_is_not_a_spreadsheet_are_refused_with_a_clear_error(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var agency = await app.SignedInAsAsync("agency@demo.example");
        var review = await LinnetAsync(app);

        foreach (var (name, bytes, message) in new[]
        {
            ("empty.csv", Array.Empty<byte>(), "The selected file is empty"),
            ("headings.csv", Csv(), "The selected file is empty: it has headings but no entries"),
            ("blank.csv", Encoding.UTF8.GetBytes("\r\n\r\n,,,\r\n"), "The selected file is empty"),
            ("report.csv", Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n\0\0"), "The selected file must be a CSV or an Excel spreadsheet (.xlsx)"),
            ("photo.xlsx", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "The selected file must be a CSV or an Excel spreadsheet (.xlsx)"),
            ("archive.xlsx", ZipWithoutWorkbook(), "The selected file must be a CSV or an Excel spreadsheet (.xlsx)"),
            ("other.csv", Encoding.UTF8.GetBytes("Name,Age\r\nA,3\r\n"), "it has no 'Date' or 'What happened' or 'Source' column"),
        })
        {
            var page = await ImportAsync(agency, review, name, bytes);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(message, page.ErrorSummary, StringComparison.Ordinal);
            Assert.Equal("#file", page.Html.QuerySelector(".govuk-error-summary a")?.GetAttribute("href"));
        }
        Assert.Equal(0, await CountAsync(app, review));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_ten_thousand_row_file_is_imported_and_listed_a_page_at_a_time(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var agency = await app.SignedInAsAsync("agency@demo.example");
        var review = await LinnetAsync(app);
        var start = new DateOnly(2020, 1, 1);
        var rows = Enumerable.Range(0, 10_000).Select(i =>
            $"{start.AddDays(i / 5):dd/MM/yyyy},{9 + i % 5}:00,Contact number {i} with the family,Police log {i},,{(i % 100 == 0 ? "yes" : "no")}").ToArray();

        var page = await ImportAsync(agency, review, "ten-thousand.csv", Csv(rows));
        Assert.Contains("All 10000 rows were imported.", page.Html.QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(10_000, await CountAsync(app, review));

        var last = await agency.GetAsync($"/reviews/{review}/chronology?page=200");
        Assert.Equal(50, last.Html.QuerySelectorAll("#entries tbody tr").Length);
        Assert.Contains("Page 200 of 200", last.Text, StringComparison.Ordinal);
        Assert.Contains("Contact number 9999 with the family", last.Text, StringComparison.Ordinal);
    }

    private static byte[] ZipWithoutWorkbook()
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("not a workbook");
        }
        return memory.ToArray();
    }
}
