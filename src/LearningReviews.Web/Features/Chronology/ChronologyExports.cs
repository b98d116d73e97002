using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using LearningReviews.Domain.Chronology;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Documents;
using LearningReviews.Web.Infrastructure;

namespace LearningReviews.Web.Features.Chronology;

/// <summary>
/// The combined chronology as a CSV, an Excel workbook and a PDF (through the shared PDF engine). The CSV
/// and workbook have the template's columns plus Agency, Entered by and Also recorded by, so an export
/// can be read back by the import after removing those columns.
/// </summary>
public sealed class ChronologyExports(IConfiguration configuration, PartnershipTime time)
{
    private static readonly string[] Columns = ["Date", "Time", "Agency", "What happened", "Source", "Significance", "Key practice episode", "Entered by", "Also recorded by"];

    public static byte[] Template()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", ChronologyRow.Headings));
        text.AppendLine("27/03/2025,10:30,Home visit by the health visitor; the child was seen asleep,Health visiting record,First visit after the move,no");
        // UTF-8 with a byte order mark, so Excel opens the file with its accents intact.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Csv(IReadOnlyList<CombinedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var memory = new MemoryStream();
        // A cell starting with = + - @ would run as a formula in a spreadsheet: CsvHelper puts an apostrophe before it.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(memory, options, true))
        {
            csv.WriteRecord(Columns);
            foreach (var row in rows) csv.WriteRecord(Cells(row));
            csv.Flush();
        }
        return memory.ToArray();
    }

    public static byte[] Workbook(IReadOnlyList<CombinedRow> rows, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < Columns.Length; c++) sheet.Cell(1, c + 1).Value = Columns[c];
        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            sheet.Cell(r + 2, 1).Value = row.Date.ToDateTime(TimeOnly.MinValue);
            sheet.Cell(r + 2, 1).Style.DateFormat.Format = "dd/mm/yyyy";
            var cells = Cells(row);
            // Text cells are set as strings, so a description starting with "=" stays text, never a formula.
            for (var c = 1; c < cells.Length; c++) sheet.Cell(r + 2, c + 1).SetValue(cells[c]);
        }
        sheet.SheetView.FreezeRows(1);
        using var memory = new MemoryStream();
        workbook.SaveAs(memory);
        return memory.ToArray();
    }

    public PrintedDocument Pdf(Review review, WorkflowDefinition definition, IReadOnlyList<CombinedRow> rows, bool anonymised, string title)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new TableBlock(
            [new("When", 1.3), new("Agency", 1.2), new("What happened", 3.5), new("Source", 1.4), new("Significance", 2), new("Key", 0.6)],
            rows.Select(r => (IReadOnlyList<string>)
                [r.When, r.AlsoRecordedBy.Count > 0 ? $"{r.Agency} (also {string.Join(", ", r.AlsoRecordedBy)})" : r.Agency,
                 r.WhatHappened, r.Source, r.Significance ?? "", r.KeyPracticeEpisode ? "Yes" : "No"]).ToList());
        return new PrintedDocument
        {
            PartnershipName = configuration["Partnership:Name"] is { Length: > 0 } name ? name : WorkflowDefinitionLoader.DefaultPartnershipName,
            Title = title,
            Kind = anonymised ? "Multi-agency chronology (anonymised)" : "Multi-agency chronology",
            Reference = review.Reference,
            Methodology = definition.Name,
            Version = 1,
            Status = "Draft",
            Date = time.Today,
            Author = "Learning Reviews",
            Subject = $"Chronology {review.Reference}",
            Blocks =
            [
                new ParagraphBlock($"{rows.Count:N0} entries from {rows.Select(r => r.Agency).Distinct().Count()} agencies, in date order. "
                                   + (anonymised ? "Names of the people the review knows about are replaced by their labels." : "")),
                table,
            ],
        };
    }

    private static string[] Cells(CombinedRow row) =>
    [
        row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "", row.Agency,
        row.WhatHappened, row.Source, row.Significance ?? "", row.KeyPracticeEpisode ? "yes" : "no", row.EnteredBy, string.Join("; ", row.AlsoRecordedBy),
    ];
}
