using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// Turns a <see cref="PrintedDocument"/> into PDF bytes: A4 portrait, Liberation Sans embedded,
/// "OFFICIAL-SENSITIVE" at the top and bottom of every page, "Page n of N", and a DRAFT watermark
/// until the record is final. Safe to share: it keeps no state between documents.
/// </summary>
public sealed class PdfDocumentRenderer(PdfOptions options)
{
    public const string Creator = "Learning Reviews";

    public byte[] Render(PrintedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        PdfSharpSetup.EnsureDone(options);

        var style = new DocumentStyle();
        var decorations = new PageDecorations(style, document);
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Author = document.Author;
        pdf.Info.Subject = document.Subject;
        pdf.Info.Creator = Creator;

        using (var flow = new PageFlow(pdf, decorations.DrawWatermark))
        {
            var body = new BodyLayout(flow, style);
            body.DrawTitleBlock(document);
            body.DrawBlocks(document.Blocks);
        }

        // Second pass: only now is the number of pages known.
        var pageCount = pdf.PageCount;
        for (var index = 0; index < pageCount; index++)
        {
            using var graphics = XGraphics.FromPdfPage(pdf.Pages[index], XGraphicsPdfPageOptions.Append);
            decorations.DrawMarkingAndFooter(graphics, index + 1, pageCount);
        }

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }
}
