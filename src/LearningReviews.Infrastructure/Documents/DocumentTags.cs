using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// The structure tree of a tagged PDF, built with PDFsharp's <see cref="StructureBuilder"/> while the
/// content is drawn. A screen reader follows this tree, not the page: headings, paragraphs and table
/// cells are elements in reading order, and what repeats on every page (marking, footer, watermark,
/// rules, a repeated table header) is an artifact it skips.
/// </summary>
internal sealed class DocumentTags
{
    private readonly StructureBuilder _builder;

    private DocumentTags(StructureBuilder builder) => _builder = builder;

    /// <summary>
    /// Makes <paramref name="document"/> a tagged PDF in <paramref name="language"/>. PDFsharp also marks
    /// it as tagged and asks viewers to show the title rather than the file name. From here on every
    /// drawing call must happen inside an element or an artifact: PDFsharp throws otherwise.
    /// </summary>
    public static DocumentTags For(PdfDocument document, string language)
    {
        var manager = UAManager.ForDocument(document);
        manager.SetDocumentLanguage(language);
        return new DocumentTags(manager.StructureBuilder);
    }

    /// <summary>Draws a heading, paragraph, table, row or cell as one element of the tree.</summary>
    public void Element(PdfBlockLevelElementTag tag, Action draw)
    {
        _builder.BeginElement(tag);
        draw();
        _builder.End();
    }

    /// <summary>Draws page furniture or decoration that a screen reader should not read out.</summary>
    public void Artifact(Action draw)
    {
        _builder.BeginArtifact();
        draw();
        _builder.End();
    }

    /// <summary>
    /// Closes the content still open on the current page. Needed before its graphics are released: an
    /// element that goes on to the next page (a long paragraph) continues there as new content.
    /// </summary>
    public void EndPage() => _builder.EndMarkedContentsWithId();

    /// <summary>H2 for a section, H3 for a part of one: the document's title is the only H1.</summary>
    public static PdfBlockLevelElementTag Heading(int level) =>
        level <= 1 ? PdfBlockLevelElementTag.Heading2 : PdfBlockLevelElementTag.Heading3;
}
