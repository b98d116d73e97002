using System.Diagnostics.CodeAnalysis;
using PdfSharp.Pdf;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// Turns a <see cref="PrintedDocument"/> into PDF bytes: A4 portrait, Liberation Sans embedded,
/// "OFFICIAL-SENSITIVE" at the top and bottom of every page, "Page n of N", and a DRAFT watermark
/// until the record is final. The PDF is tagged (title, language, headings, paragraphs and tables in
/// reading order; page furniture as artifacts) so a screen reader can follow it. Safe to share: it
/// keeps no state between documents.
/// </summary>
public sealed class PdfDocumentRenderer
{
    public const string Creator = "Learning Reviews";

    /// <summary>The language of every printed record, for screen readers' pronunciation.</summary>
    public const string Language = "en-GB";

    [SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "Features receive the renderer by injection, so it stays an instance service.")]
    public byte[] Render(PrintedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        PdfSharpSetup.EnsureDone();

        // Each page gets its footer as soon as its content is done, because PDFsharp's tagging only
        // draws on the newest page; but "Page n of N" needs N. So a first pass lays the document out
        // only to count its pages, and the second, which is kept, breaks pages at the same places:
        // layout depends on nothing but the document and the fonts.
        int pageCount;
        using (var count = LayOut(document, pageCount: null))
        {
            pageCount = count.PageCount;
        }

        using var pdf = LayOut(document, pageCount);
        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static PdfDocument LayOut(PrintedDocument document, int? pageCount)
    {
        var style = new DocumentStyle();
        var pdf = new PdfDocument();
        try
        {
            pdf.Info.Title = document.Title;
            pdf.Info.Author = document.Author;
            pdf.Info.Subject = document.Subject;
            pdf.Info.Creator = Creator;
            var tags = DocumentTags.For(pdf, Language);
            var decorations = new PageDecorations(style, document, tags);

            using var flow = new PageFlow(pdf, tags, decorations.DrawWatermark,
                (graphics, pageNumber) => decorations.DrawMarkingAndFooter(graphics, pageNumber, pageCount));
            var body = new BodyLayout(flow, style);
            body.DrawTitleBlock(document);
            body.DrawBlocks(document.Blocks);
            flow.Finish();
            return pdf;
        }
        catch
        {
            pdf.Dispose();
            throw;
        }
    }
}
