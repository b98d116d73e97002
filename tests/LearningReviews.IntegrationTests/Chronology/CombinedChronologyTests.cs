using System.Net;
using System.Text;
using ClosedXML.Excel;
using LearningReviews.IntegrationTests.Documents;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Chronology.ChronologyClient;

namespace LearningReviews.IntegrationTests.Chronology;

/// <summary>The business manager's combined chronology of the Linnet review: order, likely duplicates, anonymising and exports.</summary>
public sealed class CombinedChronologyTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_combined_view_is_in_date_order_across_agencies_and_flags_likely_duplicates_to_merge_or_keep(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var agency = await app.SignedInAsAsync("agency@demo.example");
        var review = await LinnetAsync(app);
        await ImportAsync(agency, review, "police.csv", Csv(
            "02/04/2025,14:00,Strategy discussion held with social care about the baby,Police log 2,,yes",
            "01/04/2025,,Call from a neighbour about shouting,Police log 1,,no",
            "05/04/2025,,Joint home visit with the health visitor,Police log 3,,no"));
        await AddEntriesAsync(app, review, await AgencyAsync(app, "Health"), "Hana Health",
            (new DateOnly(2025, 4, 2), "Strategy discussion held with social care about the baby, health attended"),
            (new DateOnly(2025, 3, 30), "Midwife visit at home"),
            (new DateOnly(2025, 4, 5), "Weighed the baby at clinic"));

        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var url = $"/reviews/{review}/chronology/combined";
        var page = await bm.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Html.QuerySelectorAll("#combined tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["30 Mar 2025", "1 Apr 2025", "2 Apr 2025", "2 Apr 2025 14:00", "5 Apr 2025", "5 Apr 2025"], rows.Select(r => r[0]));
        Assert.Equal(["Health", "Police", "Health", "Police", "Health", "Police"], rows.Select(r => r[1]));
        Assert.Contains("1 likely duplicate to check", page.Text, StringComparison.Ordinal);
        Assert.Single(page.Html.QuerySelectorAll("tr.app-likely-duplicate form[action$='/duplicates/merge']"));
        Assert.Single(page.Html.QuerySelectorAll("tbody .govuk-tag"));

        // Keeping both takes the flag away.
        var keepForm = page.Html.QuerySelector("form[action$='/duplicates/keep']")!;
        var kept = await bm.PostAsync($"/reviews/{review}/chronology/duplicates/keep", Hidden(keepForm), page.AntiforgeryToken());
        var afterKeep = await bm.FollowAsync(kept);
        Assert.Contains("No likely duplicates.", afterKeep.Text, StringComparison.Ordinal);
        Assert.Equal(6, afterKeep.Html.QuerySelectorAll("#combined tbody tr").Length);

        // A third agency's copy of the same event is flagged against both kept entries; merging it shows one entry recorded by both.
        await AddEntriesAsync(app, review, await AgencyAsync(app, "Education"), "Eve Teacher",
            (new DateOnly(2025, 4, 2), "Strategy discussion held with social care about the baby"));
        var again = await bm.GetAsync(url);
        Assert.Contains("2 likely duplicates to check", again.Text, StringComparison.Ordinal);
        var mergeForm = again.Html.QuerySelector("form[action$='/duplicates/merge']")!;
        var merged = await bm.FollowAsync(await bm.PostAsync($"/reviews/{review}/chronology/duplicates/merge", Hidden(mergeForm), again.AntiforgeryToken()));
        Assert.Equal(6, merged.Html.QuerySelectorAll("#combined tbody tr").Length);
        Assert.Contains("also recorded by", merged.Html.QuerySelector("#combined tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No likely duplicates.", merged.Text, StringComparison.Ordinal);

        // The agency representative sees their own agency's entries, not the combined view.
        ChronologyClient.AssertRefused(await agency.GetAsync(url));
        var own = await agency.GetAsync($"/reviews/{review}/chronology");
        Assert.DoesNotContain("Midwife visit at home", own.Text, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_anonymised_view_and_its_exports_contain_none_of_the_names_and_every_export_opens(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var agency = await app.SignedInAsAsync("agency@demo.example");
        var review = await LinnetAsync(app);
        await ImportAsync(agency, review, "police.csv", Csv(
            "01/04/2025,,Andy Agbaje spoke to Demo child Linnet's parent; Leo Reid told,Police log 1,Agbaje was worried,yes",
            "02/04/2025,,\"Beth Morgan asked Priya? No: Beth and Andy met Leo\",Police log 2,,no"));
        string[] names = ["Andy", "Agbaje", "Leo Reid", "Leo", "Reid", "Beth", "Morgan", "Linnet"];

        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var named = await bm.GetAsync($"/reviews/{review}/chronology/combined");
        Assert.Contains("Andy Agbaje spoke to Demo child Linnet", named.Text, StringComparison.Ordinal);

        var anonymised = await bm.GetAsync($"/reviews/{review}/chronology/combined?view=anonymised");
        var table = anonymised.Html.QuerySelector("#combined")!.TextContent;
        Assert.Contains("Agency representative (Police) spoke to Child A's parent; Lead author (Children's Social Care) told", table, StringComparison.Ordinal);
        Assert.Contains("Proposer asked Priya? No: Proposer and Agency representative (Police) met Lead author (Children's Social Care)", table, StringComparison.Ordinal);
        AssertNoNames(table, names);

        var csv = Encoding.UTF8.GetString(await bm.Client.GetByteArrayAsync($"/reviews/{review}/chronology/combined.csv?view=anonymised"));
        Assert.StartsWith("Date,Time,Agency,What happened", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        AssertNoNames(csv, names);

        using var workbook = new XLWorkbook(new MemoryStream(await bm.Client.GetByteArrayAsync($"/reviews/{review}/chronology/combined.xlsx?view=anonymised")));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("What happened", sheet.Cell(1, 4).GetString());
        Assert.Equal(new DateTime(2025, 4, 1), sheet.Cell(2, 1).GetDateTime());
        AssertNoNames(string.Join("\n", sheet.CellsUsed().Select(c => c.GetString())), names);

        var pdf = PdfReader.Read(await bm.Client.GetByteArrayAsync($"/reviews/{review}/chronology/combined.pdf?view=anonymised"));
        Assert.True(pdf.IsTagged);
        var text = string.Join(" ", pdf.Text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Multi-agency chronology (anonymised)", text, StringComparison.Ordinal);
        Assert.Contains("Child A", text, StringComparison.Ordinal);
        AssertNoNames(text, names);

        var namedPdf = PdfReader.Read(await bm.Client.GetByteArrayAsync($"/reviews/{review}/chronology/combined.pdf"));
        Assert.Contains("Agbaje", namedPdf.Text, StringComparison.Ordinal);
        var exports = await app.WithDbAsync(db => db.AuditEvents.Where(a => a.ReviewId == review && a.Action == "Exported").Select(a => a.Detail).ToListAsync());
        Assert.Contains("Combined chronology (anonymised) as PDF, 2 entries", exports);
        Assert.Contains("Combined chronology (anonymised) as CSV, 2 entries", exports);
        Assert.Contains("Combined chronology (anonymised) as XLSX, 2 entries", exports);
        Assert.Contains("Combined chronology (named) as PDF, 2 entries", exports);
    }

    private static void AssertNoNames(string text, string[] names)
    {
        foreach (var name in names) Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
    }

    private static List<KeyValuePair<string, string>> Hidden(AngleSharp.Dom.IElement form) =>
        form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
}
