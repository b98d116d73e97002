using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// Gives PDFsharp the Liberation Sans faces from this assembly's resources. On Linux PDFsharp finds
/// no system fonts by itself, and shipping the fonts inside the assembly makes every machine print
/// the same glyphs with the same line breaks. Any family asked for gets Liberation Sans, so a stray
/// font name can never make rendering fail.
/// </summary>
internal sealed class LiberationFontResolver : IFontResolver
{
    public const string FamilyName = "Liberation Sans";

    private const string ResourcePrefix = "LearningReviews.Fonts.";

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic)
    {
        // The face names are the resource file names, so GetFont can load them directly.
        var face = (bold, italic) switch
        {
            (true, true) => "LiberationSans-BoldItalic",
            (true, false) => "LiberationSans-Bold",
            (false, true) => "LiberationSans-Italic",
            _ => "LiberationSans-Regular",
        };
        return new FontResolverInfo(face);
    }

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, LoadFace);

    private static byte[] LoadFace(string faceName)
    {
        var name = ResourcePrefix + faceName + ".ttf";
        using var stream = typeof(LiberationFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource '{name}' is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
