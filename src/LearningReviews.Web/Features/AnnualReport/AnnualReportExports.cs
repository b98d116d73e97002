using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Documents;

namespace LearningReviews.Web.Features.AnnualReport;

/// <summary>
/// The annual report as a CSV, an Excel workbook and a PDF (the shared PDF layout), each drawn from the same
/// tables as the page. The CSV has one figure per line (section, table, row, column, value), so a spreadsheet can
/// pivot it; the workbook has the tables as they read on the page, and the same figures one per line on a second sheet.
/// </summary>
public sealed class AnnualReportExports(IConfiguration configuration)
{
    public static readonly string[] FigureColumns = ["Section", "Table", "Row", "Column", "Value"];

    public const string ReportSheet = "Annual report";
    public const string FiguresSheet = "Figures";

    public static IEnumerable<(ReportSection Section, ReportTable Table, string Row, string Column, int Value)> Figures(AnnualReportResult report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return from section in report.Sections
               from table in section.Tables
               from row in table.Rows
               from column in table.Columns.Select((name, index) => (name, index))
               select (section, table, row.Label, column.name, row.Values[column.index]);
    }

    public static byte[] Csv(AnnualReportResult report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var memory = new MemoryStream();
        // A theme or agency name starting with = + - @ would run as a formula in a spreadsheet: CsvHelper puts an apostrophe before it.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(memory, options, true))
        {
            csv.WriteRecord(["Annual report", report.Period.Label, "", "Counted on", report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            csv.WriteRecord(FigureColumns);
            foreach (var figure in Figures(report))
                csv.WriteRecord([figure.Section.Title, figure.Table.Key, figure.Row, figure.Column, figure.Value.ToString(CultureInfo.InvariantCulture)]);
            csv.Flush();
        }
        return memory.ToArray();
    }

    public static byte[] Workbook(AnnualReportResult report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(ReportSheet);
        sheet.Cell(1, 1).SetValue($"Annual report, {report.Period.Label}");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).SetValue($"Counted on {AnnualReportPeriod.Written(report.AsOf)}");
        var line = 4;
        foreach (var section in report.Sections)
        {
            sheet.Cell(line, 1).SetValue(section.Title);
            sheet.Cell(line, 1).Style.Font.Bold = true;
            sheet.Cell(line, 1).Style.Font.FontSize = 14;
            line++;
            foreach (var sentence in section.Sentences) sheet.Cell(line++, 1).SetValue(sentence);
            foreach (var table in section.Tables)
            {
                line++;
                sheet.Cell(line, 1).SetValue(table.Title);
                sheet.Cell(line, 1).Style.Font.Bold = true;
                line++;
                // Names are set as text, so a theme or agency called "=..." stays text, never a formula; counts are numbers.
                sheet.Cell(line, 1).SetValue(table.RowHeading);
                for (var c = 0; c < table.Columns.Count; c++) sheet.Cell(line, c + 2).SetValue(table.Columns[c]);
                sheet.Row(line).Style.Font.Bold = true;
                line++;
                if (table.Rows.Count == 0) sheet.Cell(line++, 1).SetValue("Nothing to count in this period");
                foreach (var row in table.Rows)
                {
                    sheet.Cell(line, 1).SetValue(row.Label);
                    for (var c = 0; c < row.Values.Count; c++) sheet.Cell(line, c + 2).SetValue(row.Values[c]);
                    line++;
                }
            }
            line++;
        }
        sheet.Column(1).Width = 48;

        var figures = workbook.Worksheets.Add(FiguresSheet);
        for (var c = 0; c < FigureColumns.Length; c++) figures.Cell(1, c + 1).SetValue(FigureColumns[c]);
        figures.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var figure in Figures(report))
        {
            figures.Cell(r, 1).SetValue(figure.Section.Title);
            figures.Cell(r, 2).SetValue(figure.Table.Key);
            figures.Cell(r, 3).SetValue(figure.Row);
            figures.Cell(r, 4).SetValue(figure.Column);
            figures.Cell(r, 5).SetValue(figure.Value);
            r++;
        }
        figures.SheetView.FreezeRows(1);
        using var memory = new MemoryStream();
        workbook.SaveAs(memory);
        return memory.ToArray();
    }

    /// <summary>
    /// The report in the shared PDF layout. It is a count of what the records held on the day, not a draft of
    /// anything, so it carries no DRAFT watermark; the date it was counted on is in its title block and its status.
    /// </summary>
    public PrintedDocument Pdf(AnnualReportResult report, string author)
    {
        ArgumentNullException.ThrowIfNull(report);
        var blocks = new List<DocumentBlock>
        {
            new ParagraphBlock($"This report counts the reviews its reader may see, for {report.Period.Label}, as the records stood on {AnnualReportPeriod.Written(report.AsOf)}."),
        };
        foreach (var section in report.Sections)
        {
            blocks.Add(new HeadingBlock(section.Title));
            blocks.AddRange(section.Sentences.Select(s => new ParagraphBlock(s)));
            foreach (var table in section.Tables)
            {
                blocks.Add(new HeadingBlock(table.Title, 2));
                blocks.Add(table.Rows.Count == 0
                    ? new ParagraphBlock("Nothing to count in this period.")
                    : new TableBlock([new TableColumn(table.RowHeading, 2.4), .. table.Columns.Select(c => new TableColumn(c))],
                        table.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Values.Select(Themes.ThemesDashboard.Number)]).ToList()));
            }
        }
        return new PrintedDocument
        {
            PartnershipName = configuration["Partnership:Name"] is { Length: > 0 } name ? name : WorkflowDefinitionLoader.DefaultPartnershipName,
            Title = $"Annual report: {report.Period.Label}",
            Kind = "Annual report",
            Reference = report.Period.Key,
            Methodology = "Every methodology the reader may see",
            Version = 1,
            Status = $"Counted on {AnnualReportPeriod.Written(report.AsOf)}",
            Date = report.AsOf,
            Author = author,
            Subject = $"Annual report {report.Period.Key}",
            IsFinal = true,
            Blocks = blocks,
        };
    }
}
