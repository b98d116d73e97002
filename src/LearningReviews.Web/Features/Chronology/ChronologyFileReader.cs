using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using LearningReviews.Domain.Chronology;

namespace LearningReviews.Web.Features.Chronology;

/// <summary>The raw text of one data row of a spreadsheet, in the template's column order, with its row number in the file.</summary>
public sealed record RawChronologyRow(int RowNumber, string?[] Cells);

/// <summary>A file read whole, or the one reason it cannot be read at all (empty, not a spreadsheet, headings missing).</summary>
public sealed record ChronologyFile(IReadOnlyList<RawChronologyRow> Rows, string? Refusal)
{
    public static ChronologyFile Refused(string why) => new([], why);
}

/// <summary>
/// Reads an agency's chronology from a CSV or Excel (.xlsx) file. What the file is comes from its bytes,
/// not its name: an .xlsx is a zip package whose first bytes are "PK\x03\x04" and which ClosedXML opens
/// as a workbook; a CSV is UTF-8 text with no NUL bytes. Anything else (a PDF, an image, a Word file, an
/// old binary .xls) is refused with one message. Columns are found by their headings (case and spaces
/// ignored), so their order does not matter; Date, What happened and Source must be there.
/// </summary>
public static class ChronologyFileReader
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most an .xlsx may hold once unzipped: a small file that unzips to gigabytes is refused before ClosedXML opens it.</summary>
    public const long MaxUnzippedBytes = 200L * 1024 * 1024;
    public const int MaxRows = 20_000;

    public const string NotASpreadsheet = "The selected file must be a CSV or an Excel spreadsheet (.xlsx)";
    public const string Empty = "The selected file is empty";

    private static readonly string[] Required = ["Date", "What happened", "Source"];

    public static ChronologyFile Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) return ChronologyFile.Refused(Empty);
        if (bytes.Length > MaxBytes) return ChronologyFile.Refused("The selected file must be smaller than 10 MB");
        List<string?[]> table;
        if (IsZip(bytes))
        {
            var workbook = ReadWorkbook(bytes);
            if (workbook is null) return ChronologyFile.Refused(NotASpreadsheet);
            table = workbook;
        }
        else
        {
            var text = ReadText(bytes);
            if (text is null) return ChronologyFile.Refused(NotASpreadsheet);
            table = ReadCsv(text);
        }

        // Blank lines (a spreadsheet's trailing rows, a CSV's last newline) are not rows anyone wrote.
        var lines = table.Select((cells, i) => (Cells: cells, Number: i + 1))
            .Where(l => l.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (lines.Count == 0) return ChronologyFile.Refused(Empty);
        var headings = lines[0].Cells.Select(Normalise).ToList();
        var positions = ChronologyRow.Headings.Select(h => headings.IndexOf(Normalise(h))).ToArray();
        var missing = ChronologyRow.Headings.Where((h, i) => positions[i] < 0 && Required.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            return ChronologyFile.Refused($"The selected file must have a heading row with the columns {string.Join(", ", ChronologyRow.Headings)} "
                                          + $"(it has no {string.Join(" or ", missing.Select(m => $"'{m}'"))} column). Download the template to see them.");
        }
        if (lines.Count == 1) return ChronologyFile.Refused(Empty + ": it has headings but no entries");
        if (lines.Count - 1 > MaxRows) return ChronologyFile.Refused($"The selected file must have {MaxRows:N0} entries or fewer");

        var rows = lines.Skip(1)
            .Select(l => new RawChronologyRow(l.Number, positions.Select(p => p >= 0 && p < l.Cells.Length ? l.Cells[p] : null).ToArray()))
            .ToList();
        return new ChronologyFile(rows, null);
    }

    private static string Normalise(string? heading) =>
        new string((heading ?? "").Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    private static bool IsZip(byte[] bytes) => bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    /// <summary>UTF-8 text (a byte order mark allowed) with no NUL or other control bytes but tab, CR and LF; otherwise null.</summary>
    private static string? ReadText(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            return text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')) ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static List<string?[]> ReadCsv(string text)
    {
        // CsvHelper recovers from a stray quote by keeping it as typed, rather than failing the whole file.
        var options = new CsvReaderOptions { HasHeader = false, Separator = ',', SkipEmptyLines = true, TrimWhitespace = true };
        using var csv = CsvReader.Create(Encoding.UTF8.GetBytes(text), options);
        var rows = new List<string?[]>();
        while (csv.Read())
        {
            var row = csv.Current;
            var cells = new string?[row.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = row.GetString(i);
            rows.Add(cells);
        }
        return rows;
    }

    /// <summary>The first worksheet's used cells as text, or null when the package is not a workbook.</summary>
    private static List<string?[]>? ReadWorkbook(byte[] bytes)
    {
        try
        {
            using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes, writable: false), System.IO.Compression.ZipArchiveMode.Read))
            {
                if (zip.Entries.Sum(e => e.Length) > MaxUnzippedBytes) return null;
            }
            using var stream = new MemoryStream(bytes, writable: false);
            using var workbook = new XLWorkbook(stream);
            var sheet = workbook.Worksheets.FirstOrDefault();
            var used = sheet?.RangeUsed();
            if (used is null) return [];
            var rows = new List<string?[]>();
            var firstColumn = used.FirstColumn().ColumnNumber();
            var lastColumn = used.LastColumn().ColumnNumber();
            // Row numbers as the spreadsheet shows them, so the report's "row 12" is the row the user sees.
            for (var r = 1; r <= used.LastRow().RowNumber(); r++)
            {
                var row = sheet!.Row(r);
                rows.Add(Enumerable.Range(firstColumn, lastColumn - firstColumn + 1).Select(c => CellText(row.Cell(c))).ToArray());
            }
            return rows;
        }
#pragma warning disable CA1031 // Any failure to open the package means it is not a workbook we can read; the user is told so.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>Dates and times typed into Excel arrive as numbers formatted as dates; they are written back as text the row reader accepts.</summary>
    private static string? CellText(IXLCell cell)
    {
        if (cell.IsEmpty()) return null;
        return cell.DataType switch
        {
            XLDataType.DateTime when cell.GetDateTime() is var when && when.TimeOfDay != TimeSpan.Zero && when.Date == new DateTime(1899, 12, 30)
                => when.ToString("HH:mm", CultureInfo.InvariantCulture),
            XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            XLDataType.TimeSpan => cell.GetTimeSpan().ToString(@"hh\:mm", CultureInfo.InvariantCulture),
            XLDataType.Boolean => cell.GetBoolean() ? "yes" : "no",
            _ => cell.GetFormattedString(),
        };
    }
}
