using System.Globalization;
using System.Text;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>The name a downloaded PDF is saved under: {reference}-{kind-slug}-v{version}.pdf.</summary>
public static class DocumentFileName
{
    /// <summary>
    /// E.g. LR-2026-0007-learning-review-outcomes-form-v2.pdf. Only ASCII letters, digits and hyphens
    /// are kept, so the name is safe in a Content-Disposition header and on every file system.
    /// </summary>
    public static string For(string reference, string kind, int version)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(kind);
        var referencePart = Slug(reference, lowerCase: false);
        var kindPart = Slug(kind, lowerCase: true);
        var parts = new[] { referencePart, kindPart, "v" + version.ToString(CultureInfo.InvariantCulture) }
            .Where(part => part.Length > 0);
        return string.Join('-', parts) + ".pdf";
    }

    public static string For(PrintedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return For(document.Reference, document.Kind, document.Version);
    }

    // Accented letters lose their accents (ŵ becomes w) rather than vanishing; anything else that is
    // not a letter or digit becomes a single hyphen.
    private static string Slug(string text, bool lowerCase)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var character in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(character))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }
                pendingHyphen = false;
                builder.Append(lowerCase ? char.ToLowerInvariant(character) : character);
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return builder.ToString();
    }
}
