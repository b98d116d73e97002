using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// The writing position in a growing PDF: the current page, its graphics and how far down the
/// content has reached. Blocks ask whether their next piece fits and call <see cref="NewPage"/>
/// when it does not. A page is finished (its footer drawn) when the next one starts or at
/// <see cref="Finish"/>: the tagged-PDF support in PDFsharp only lets the newest page be drawn on.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    private readonly PdfDocument _document;
    private readonly Action<XGraphics> _decorateNewPage;
    private readonly Action<XGraphics, int> _finishPage;
    private XGraphics? _graphics;

    /// <param name="document">The PDF to add pages to.</param>
    /// <param name="tags">The document's structure tree, which the content is drawn into.</param>
    /// <param name="decorateNewPage">Draws on a fresh page before its content (the watermark).</param>
    /// <param name="finishPage">Draws on a page after its content, given its number (the footer).</param>
    public PageFlow(PdfDocument document, DocumentTags tags, Action<XGraphics> decorateNewPage, Action<XGraphics, int> finishPage)
    {
        _document = document;
        Tags = tags;
        _decorateNewPage = decorateNewPage;
        _finishPage = finishPage;
        NewPage();
    }

    public DocumentTags Tags { get; }

    public XGraphics Graphics => _graphics ?? throw new ObjectDisposedException(nameof(PageFlow));

    /// <summary>How many pages have been started so far.</summary>
    public int PageNumber { get; private set; }

    /// <summary>The top of the next thing to draw.</summary>
    public double Y { get; set; }

    public double Remaining => DocumentStyle.ContentBottom - Y;

    /// <summary>True when nothing has been drawn on this page yet, so moving on would gain nothing.</summary>
    public bool AtTopOfPage => Y <= DocumentStyle.ContentTop;

    public static double Left => DocumentStyle.MarginLeft;

    public static double Width => DocumentStyle.ContentWidth;

    /// <summary>The height a page has for content, for deciding whether something could ever fit.</summary>
    public static double PageCapacity => DocumentStyle.ContentBottom - DocumentStyle.ContentTop;

    public void NewPage()
    {
        FinishPage();
        var page = _document.AddPage();
        PageNumber++;
        page.Width = XUnit.FromPoint(DocumentStyle.PageWidth);
        page.Height = XUnit.FromPoint(DocumentStyle.PageHeight);
        _graphics = XGraphics.FromPdfPage(page);
        _decorateNewPage(_graphics);
        Y = DocumentStyle.ContentTop;
    }

    /// <summary>Moves on a page unless <paramref name="height"/> fits here (or this page is still empty).</summary>
    public void EnsureRoomFor(double height)
    {
        if (height > Remaining && !AtTopOfPage)
        {
            NewPage();
        }
    }

    /// <summary>Finishes the last page. Call once, after the last content.</summary>
    public void Finish() => FinishPage();

    private void FinishPage()
    {
        if (_graphics is null)
        {
            return;
        }
        _finishPage(_graphics, PageNumber);
        Tags.EndPage();
        // A page's graphics must be released before PDFsharp can finish its content stream.
        _graphics.Dispose();
        _graphics = null;
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _graphics = null;
    }
}
