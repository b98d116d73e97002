using System.Diagnostics;
using System.Globalization;
using System.Text;
using LearningReviews.Domain.Organisation;
using LearningReviews.IntegrationTests.Documents;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Chronology.ChronologyClient;

namespace LearningReviews.IntegrationTests.Chronology;

/// <summary>Runs only when LR_BENCHMARK=1 (tests/scripts/chronology-benchmark.sh); skipped, and so listed as skipped, otherwise.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LR_BENCHMARK") != "1") Skip = "A benchmark: run it with bash tests/scripts/chronology-benchmark.sh";
    }
}

/// <summary>
/// The measurement: 10 agencies x 1,000 entries imported over HTTP (one CSV file each) and merged
/// into the combined chronology, the combined view (named and anonymised) and its PDF rendered. Prints the
/// times to LR_BENCHMARK_OUT (or the test output). It also checks what it measured: every entry imported,
/// the planted duplicates (one shared event every tenth day, recorded by all ten agencies: 100 x 45 pairs)
/// found and no others, and a PDF of every entry.
/// </summary>
public sealed class ChronologyBenchmark
{
    private const int Agencies = 10;
    private const int PerAgency = 1_000;

    [BenchmarkFact]
    public async Task Ten_agencies_of_a_thousand_entries_are_imported_merged_viewed_and_printed()
    {
        var provider = Enum.Parse<Provider>(Environment.GetEnvironmentVariable("LR_BENCHMARK_PROVIDER") ?? nameof(Provider.Sqlite));
        await using var app = await AppFactory.StartAsync(provider);
        using var agency = await app.SignedInAsAsync("agency@demo.example");
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var review = await LinnetAsync(app);
        var agencyIds = await AgenciesAsync(app);
        var report = new StringBuilder();
        void Line(string text) => report.AppendLine(text);
        Line($"Chronology benchmark on {provider}: {Agencies} agencies x {PerAgency:N0} entries, {Environment.ProcessorCount} CPU cores");

        var importTimes = new List<double>();
        for (var k = 0; k < Agencies; k++)
        {
            // The demo has one agency representative: they represent each agency in turn.
            await app.WithDbAsync(db => db.Participants.Where(p => p.ReviewId == review && p.Role == Domain.Reviews.ReviewRole.AgencyRepresentative)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AgencyId, agencyIds[k])));
            var file = Csv(Enumerable.Range(0, PerAgency).Select(i => Row(k, i)).ToArray());
            var clock = Stopwatch.StartNew();
            var page = await ImportAsync(agency, review, $"agency-{k}.csv", file);
            importTimes.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Contains($"All {PerAgency} rows were imported.", page.Html.QuerySelector("#import-result")?.TextContent ?? page.ErrorSummary, StringComparison.Ordinal);
        }
        Assert.Equal(Agencies * PerAgency, await CountAsync(app, review));
        Line($"import, 10 files of 1,000 rows over HTTP: total {importTimes.Sum() / 1000:F1} s, per file {importTimes.Average():F0} ms (first {importTimes[0]:F0} ms, slowest {importTimes.Max():F0} ms)");

        var url = $"/reviews/{review}/chronology/combined";
        foreach (var (label, address) in new[] { ("combined view (named), merge and duplicate check, page 1", url), ("combined view (anonymised), page 1", url + "?view=anonymised") })
        {
            var times = new List<double>();
            TestBrowser.Page? page = null;
            for (var run = 0; run < 3; run++)
            {
                var clock = Stopwatch.StartNew();
                page = await bm.GetAsync(address);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            Assert.Contains("10000 entries from 10 agencies", page!.Text, StringComparison.Ordinal);
            Assert.Contains("4500 likely duplicates to check", page.Text, StringComparison.Ordinal);
            Line($"{label}: first {times[0]:F0} ms, then {times[1]:F0} ms and {times[2]:F0} ms");
        }

        foreach (var format in new[] { "pdf", "csv", "xlsx" })
        {
            var clock = Stopwatch.StartNew();
            var bytes = await bm.Client.GetByteArrayAsync($"{url}.{format}");
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var extra = "";
            if (format == "pdf")
            {
                var pdf = PdfReader.Read(bytes);
                Assert.Contains("Contact", pdf.Pages[^1], StringComparison.Ordinal);
                extra = $", {pdf.PageCountFromInfo:N0} pages";
            }
            Line($"export {format.ToUpperInvariant()} of 10,000 entries: {elapsed:F0} ms, {bytes.Length / 1024.0 / 1024:F1} MB{extra}");
        }

        var output = Environment.GetEnvironmentVariable("LR_BENCHMARK_OUT");
        if (output is not null) await File.WriteAllTextAsync(output, report.ToString());
        Console.WriteLine(report);
    }

    /// <summary>Ten agencies: the demo's five and five more.</summary>
    private static async Task<List<Guid>> AgenciesAsync(AppFactory app) => await app.WithDbAsync(async db =>
    {
        db.Agencies.AddRange(Enumerable.Range(1, Agencies - await db.Agencies.CountAsync()).Select(n => new Agency { Name = $"Benchmark agency {n}" }));
        await db.SaveChangesAsync();
        return await db.Agencies.OrderBy(a => a.Name).Select(a => a.Id).ToListAsync();
    });

    /// <summary>
    /// Entry i of agency k is on day i. Every tenth day all agencies record the same meeting (a planted duplicate);
    /// otherwise each description has words of its own, sharing only "contact" and "noted" with the others of the day.
    /// </summary>
    private static string Row(int k, int i)
    {
        var date = new DateOnly(2022, 1, 1).AddDays(i).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        if (i % 10 == 0) return $"{date},10:00,Multi-agency strategy meeting about the family held at the {Letters(i)} office,Minutes {i},,yes";
        var u = Letters(k * PerAgency + i);
        return $"{date},{9 + i % 8}:15,Contact {u}a {u}b {u}c noted,Record {k}-{i},Routine,no";
    }

    private static string Letters(int n)
    {
        var text = "";
        for (n += 26 * 26; n > 0; n /= 26) text = (char)('a' + n % 26) + text;
        return text;
    }
}
