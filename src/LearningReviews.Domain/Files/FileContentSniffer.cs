using System.IO.Compression;
using System.Text;

namespace LearningReviews.Domain.Files;

/// <summary>A kind of file the app accepts, as recognised from its bytes.</summary>
public sealed record AcceptedFileType(string Name, string ContentType, params string[] Extensions)
{
    public string Extension => Extensions[0];
}

/// <summary>
/// Says what a file is from its bytes, never from its name or the browser's content type (either can say
/// anything). PDF, PNG and JPEG by their signatures; Word and Excel documents as zip packages holding the
/// right part (and no macros); plain text and CSV as UTF-8 text with no control characters and nothing that
/// looks like a web page or script. Anything else is refused.
/// </summary>
public static class FileContentSniffer
{
    public static readonly AcceptedFileType Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly AcceptedFileType Docx = new("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly AcceptedFileType Xlsx = new("Excel spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly AcceptedFileType Csv = new("CSV", "text/csv", ".csv");
    public static readonly AcceptedFileType Text = new("plain text", "text/plain", ".txt");
    public static readonly AcceptedFileType Png = new("PNG image", "image/png", ".png");
    public static readonly AcceptedFileType Jpeg = new("JPEG image", "image/jpeg", ".jpg", ".jpeg");

    public static IReadOnlyList<AcceptedFileType> All { get; } = [Pdf, Docx, Xlsx, Csv, Text, Png, Jpeg];

    /// <summary>What the file's own list of accepted types says, for the upload page.</summary>
    public const string AcceptedList = "PDF, Word (.docx), Excel (.xlsx), CSV, plain text (.txt), PNG or JPEG";

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Markup a browser would act on; none belongs in a chronology or a CSV.</summary>
    private static readonly string[] MarkupMarkers = ["<script", "<html", "<!doctype", "<body", "<iframe", "<svg", "<object", "<embed", "<?xml", "javascript:"];

    /// <summary>
    /// The accepted type the bytes are, or null. The name is looked at only to tell CSV from plain text once the
    /// bytes are known to be text (the two cannot be told apart by content).
    /// </summary>
    public static AcceptedFileType? Identify(byte[] bytes, string? declaredName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) return null;
        if (bytes.AsSpan().StartsWith(PdfSignature)) return Pdf;
        if (bytes.AsSpan().StartsWith(PngSignature)) return Png;
        if (bytes.AsSpan().StartsWith(JpegSignature)) return Jpeg;
        if (bytes.AsSpan().StartsWith(ZipSignature)) return OfficePackage(bytes);
        if (!IsPlainText(bytes)) return null;
        return declaredName is not null && declaredName.TrimEnd().EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? Csv : Text;
    }

    /// <summary>A Word or Excel package: a zip whose parts say which, with no macro project inside.</summary>
    private static AcceptedFileType? OfficePackage(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml")) return null;
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return null;
            if (names.Contains("word/document.xml")) return Docx;
            if (names.Contains("xl/workbook.xml")) return Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>UTF-8 (with or without a byte-order mark), no control characters but tab, line ends and form feed, no markup.</summary>
    private static bool IsPlainText(byte[] bytes)
    {
        var body = bytes.AsSpan().StartsWith(Utf8Bom) ? bytes.AsSpan(Utf8Bom.Length) : bytes.AsSpan();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))) return false;
        var start = text.TrimStart();
        if (start.Length == 0 || start[0] == '<') return false;
        return !MarkupMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }
}
