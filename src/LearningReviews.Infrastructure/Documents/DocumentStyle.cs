using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// The look of every printed record in one place: page geometry, fonts, colours and spacing.
/// All measures are in points (1/72 inch).
/// </summary>
internal sealed class DocumentStyle
{
    // A4 portrait with about 20 mm side margins; top and bottom leave room for the marking and footer.
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double MarginLeft = 56.7;
    public const double MarginRight = 56.7;
    public const double MarginTop = 62;
    public const double MarginBottom = 62;

    public const double ParagraphSpacing = 6;
    public const double GuidanceSpacing = 4;
    public const double BlockSpacing = 8;
    public const double CellPadding = 4;

    public const string ProtectiveMarking = "OFFICIAL-SENSITIVE";
    public const string NotCompleted = "Not completed";

    // Unicode encoding embeds the font as CID glyphs with a ToUnicode map: every character prints,
    // and copying or pdftotext gives back the same text (’ “ ” – € ŵ included).
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public XFont Body { get; } = Font(10.5);
    public XFont Guidance { get; } = Font(9.5, XFontStyleEx.Italic);
    public XFont Heading1 { get; } = Font(14, XFontStyleEx.Bold);
    public XFont Heading2 { get; } = Font(11.5, XFontStyleEx.Bold);
    public XFont Title { get; } = Font(18, XFontStyleEx.Bold);
    public XFont Subtitle { get; } = Font(12);
    public XFont Partnership { get; } = Font(11);
    public XFont Cell { get; } = Font(9.5);
    public XFont CellBold { get; } = Font(9.5, XFontStyleEx.Bold);
    public XFont Marking { get; } = Font(9, XFontStyleEx.Bold);
    public XFont Footer { get; } = Font(8.5);
    public XFont Watermark { get; } = Font(150, XFontStyleEx.Bold);

    // GOV.UK's text and secondary-text colours: both meet WCAG contrast on white.
    public XBrush Text { get; } = new XSolidBrush(XColor.FromArgb(11, 12, 12));
    public XBrush SecondaryText { get; } = new XSolidBrush(XColor.FromArgb(80, 90, 95));
    public XBrush HeaderShading { get; } = new XSolidBrush(XColor.FromArgb(232, 232, 232));
    public XBrush WatermarkBrush { get; } = new XSolidBrush(XColor.FromArgb(225, 225, 225));
    public XPen Rule { get; } = new(XColor.FromArgb(177, 180, 182), 0.6);

    public static double ContentWidth => PageWidth - MarginLeft - MarginRight;

    public static double ContentTop => MarginTop;

    public static double ContentBottom => PageHeight - MarginBottom;

    public XFont Heading(int level) => level <= 1 ? Heading1 : Heading2;

    public static double SpaceBeforeHeading(int level) => level <= 1 ? 14 : 10;

    private static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular) =>
        new(LiberationFontResolver.FamilyName, size, style, Unicode);
}
