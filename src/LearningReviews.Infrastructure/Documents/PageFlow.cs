using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// The writing position in a growing PDF: the current page, its graphics and how far down the
/// content has reached. Blocks ask whether their next piece fits and call <see cref="NewPage"/>
/// when it does not.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    private readonly PdfDocument _document;
    private readonly Action<XGraphics> _decorateNewPage;
    private XGraphics? _graphics;

    public PageFlow(PdfDocument document, Action<XGraphics> decorateNewPage)
    {
        _document = document;
        _decorateNewPage = decorateNewPage;
        NewPage();
    }

    public XGraphics Graphics => _graphics ?? throw new ObjectDisposedException(nameof(PageFlow));

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
        // A page's graphics must be released before PDFsharp can finish its content stream.
        _graphics?.Dispose();
        var page = _document.AddPage();
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

    public void Dispose()
    {
        _graphics?.Dispose();
        _graphics = null;
    }
}
