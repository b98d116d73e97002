using System.Globalization;
using System.Text;

namespace LearningReviews.Domain.Files;

/// <summary>
/// Turns the name an upload arrived with into display text: the last part of any path only, without control
/// or invisible formatting characters (right-to-left overrides that disguise an extension, for one), without
/// characters that mean something to a file system or a shell, trimmed and shortened. The result is shown and
/// offered as a download name; files are never stored under it.
/// </summary>
public static class FileNameSanitiser
{
    public const int MaxLength = 120;
    public const string Fallback = "document";

    private static readonly char[] Forbidden = ['<', '>', ':', '"', '|', '?', '*', '/', '\\', ';', '%', '$', '`'];

    public static string Sanitise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return Fallback;
        // Browsers may send a whole path (old Internet Explorer did); either separator counts, whatever the server's.
        var last = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            // Tabs and line breaks become spaces (they were separators); other control and invisible characters go.
            if (char.IsWhiteSpace(c))
            {
                kept.Append(' ');
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || Array.IndexOf(Forbidden, c) >= 0)
            {
                continue;
            }
            kept.Append(c);
        }
        var cleaned = string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // Leading dots make hidden files, trailing dots and spaces vanish on Windows; ".." on its own is a path.
        cleaned = cleaned.Trim(' ', '.');
        while (cleaned.Contains("..", StringComparison.Ordinal)) cleaned = cleaned.Replace("..", ".", StringComparison.Ordinal);
        if (cleaned.Length == 0) return Fallback;
        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            if (extension.Length > 10) extension = "";
            cleaned = cleaned[..(MaxLength - extension.Length)].TrimEnd(' ', '.') + extension;
        }
        return cleaned;
    }

    /// <summary>The name a download is offered under: the display name, ending as the type found in its bytes does.</summary>
    public static string DownloadName(string displayName, AcceptedFileType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = Sanitise(displayName);
        var extension = Path.GetExtension(name);
        if (type.Extensions.Any(e => e.Equals(extension, StringComparison.OrdinalIgnoreCase))) return name;
        var stem = Path.GetFileNameWithoutExtension(name);
        return (stem.Length == 0 ? Fallback : stem) + type.Extension;
    }

    /// <summary>The accepted type sent as this content type (for a stored document).</summary>
    public static AcceptedFileType TypeOf(string contentType) =>
        FileContentSniffer.All.FirstOrDefault(t => t.ContentType == contentType) ?? FileContentSniffer.Text;
}
