using System.Globalization;
using PdfSharp.Drawing;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// What every page carries besides its content: the watermark, the marking and the footer. All of it
/// is tagged as artifacts, so a screen reader reads the record once, not the furniture of every page.
/// </summary>
internal sealed class PageDecorations(DocumentStyle style, PrintedDocument document, DocumentTags tags)
{
    private const double MarkingTop = 26;
    private const double FooterTop = DocumentStyle.PageHeight - 40;

    /// <summary>
    /// A large grey diagonal "DRAFT", drawn before the page's content so the text stays on top of it
    /// and readable. A final record has none.
    /// </summary>
    public void DrawWatermark(XGraphics graphics)
    {
        if (document.IsFinal)
        {
            return;
        }
        tags.Artifact(() =>
        {
            var angle = Math.Atan2(DocumentStyle.PageHeight, DocumentStyle.PageWidth) * 180 / Math.PI;
            var state = graphics.Save();
            graphics.TranslateTransform(DocumentStyle.PageWidth / 2, DocumentStyle.PageHeight / 2);
            graphics.RotateTransform(-angle);
            graphics.DrawString("DRAFT", style.Watermark, style.WatermarkBrush, 0, 0, XStringFormats.Center);
            graphics.Restore(state);
        });
    }

    /// <summary>
    /// The protective marking at the top and bottom, and "Page n of N" in the footer. Drawn when the
    /// page's content is done. A null <paramref name="pageCount"/> (the pass that only counts pages)
    /// draws nothing: the footer never moves the content.
    /// </summary>
    public void DrawMarkingAndFooter(XGraphics graphics, int pageNumber, int? pageCount)
    {
        if (pageCount is not { } total)
        {
            return;
        }
        tags.Artifact(() => DrawFurniture(graphics, pageNumber, total));
    }

    private void DrawFurniture(XGraphics graphics, int pageNumber, int pageCount)
    {
        var left = DocumentStyle.MarginLeft;
        var width = DocumentStyle.ContentWidth;
        graphics.DrawString(DocumentStyle.ProtectiveMarking, style.Marking, style.Text,
            new XRect(left, MarkingTop, width, 12), XStringFormats.TopCenter);

        graphics.DrawLine(style.Rule, left, FooterTop - 6, left + width, FooterTop - 6);
        graphics.DrawString(document.Reference, style.Footer, style.SecondaryText,
            new XRect(left, FooterTop, width, 12), XStringFormats.TopLeft);
        graphics.DrawString(DocumentStyle.ProtectiveMarking, style.Marking, style.Text,
            new XRect(left, FooterTop, width, 12), XStringFormats.TopCenter);
        var pageText = string.Create(CultureInfo.InvariantCulture, $"Page {pageNumber} of {pageCount}");
        graphics.DrawString(pageText, style.Footer, style.SecondaryText,
            new XRect(left, FooterTop, width, 12), XStringFormats.TopRight);
    }
}
