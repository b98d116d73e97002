using System.Text;
using ClosedXML.Excel;
using LearningReviews.Web.Features.Chronology;

namespace LearningReviews.UnitTests.Chronology;

public sealed class ChronologyFileReaderTests
{
    [Fact]
    public void A_CSV_is_read_by_its_headings_in_any_order_with_quoted_commas_and_a_byte_order_mark()
    {
        var text = "\uFEFFsource,WHAT HAPPENED,date,Key practice episode\r\n\"Log 1\",\"Visit, then a call\",27/03/2025,yes\r\n\r\n";
        var file = ChronologyFileReader.Read(Encoding.UTF8.GetBytes(text));
        Assert.Null(file.Refusal);
        var row = Assert.Single(file.Rows);
        Assert.Equal(2, row.RowNumber);
        // The template's order: Date, Time, What happened, Source, Significance, Key practice episode.
        Assert.Equal(new List<string?> { "27/03/2025", null, "Visit, then a call", "Log 1", null, "yes" }, row.Cells.ToList());
    }

    [Fact]
    public void An_XLSX_date_cell_is_read_as_a_date_and_row_numbers_are_the_sheet_rows()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Sheet1");
        sheet.Cell(1, 1).Value = "Date";
        sheet.Cell(1, 2).Value = "What happened";
        sheet.Cell(1, 3).Value = "Source";
        sheet.Cell(3, 1).Value = new DateTime(2025, 3, 27);
        sheet.Cell(3, 2).Value = "Visit";
        sheet.Cell(3, 3).Value = "Log";
        using var memory = new MemoryStream();
        workbook.SaveAs(memory);

        var file = ChronologyFileReader.Read(memory.ToArray());
        var row = Assert.Single(file.Rows);
        Assert.Equal(3, row.RowNumber);
        Assert.Equal("2025-03-27", row.Cells[0]);
    }

    [Theory]
    [InlineData(new byte[0], ChronologyFileReader.Empty)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x00 }, ChronologyFileReader.NotASpreadsheet)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 }, ChronologyFileReader.NotASpreadsheet)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, ChronologyFileReader.NotASpreadsheet)]
    public void Empty_files_and_files_that_are_not_spreadsheets_are_refused_by_their_bytes(byte[] bytes, string refusal) =>
        Assert.Equal(refusal, ChronologyFileReader.Read(bytes).Refusal);

    [Fact]
    public void A_package_that_unzips_to_more_than_the_limit_is_refused_before_it_is_opened()
    {
        // A real workbook, which would import, with a padding part that unzips to more than the limit.
        using var memory = new MemoryStream();
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.Worksheets.Add("Sheet1");
            sheet.Cell(1, 1).Value = "Date";
            sheet.Cell(1, 2).Value = "What happened";
            sheet.Cell(1, 3).Value = "Source";
            sheet.Cell(2, 1).Value = new DateTime(2025, 3, 27);
            sheet.Cell(2, 2).Value = "Visit";
            sheet.Cell(2, 3).Value = "Log";
            workbook.SaveAs(memory);
        }
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Update, true))
        {
            using var entry = zip.CreateEntry("xl/media/padding.bin", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i <= ChronologyFileReader.MaxUnzippedBytes / zeros.Length; i++) entry.Write(zeros);
        }
        Assert.True(memory.Length < ChronologyFileReader.MaxBytes);
        Assert.Equal(ChronologyFileReader.NotASpreadsheet, ChronologyFileReader.Read(memory.ToArray()).Refusal);
    }
}
