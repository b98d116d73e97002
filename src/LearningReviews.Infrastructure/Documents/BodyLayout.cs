using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// Lays out the title block and the body's blocks, top to bottom, page after page. Text flows line by
/// line across page ends; a heading moves to the next page unless the start of what follows it fits
/// under it. Each block is drawn as its element of the PDF's structure tree: the title is the H1,
/// headings are H2 and H3, guidance and answers are paragraphs, and grids are tables.
/// </summary>
internal sealed class BodyLayout(PageFlow flow, DocumentStyle style)
{
    private const double LabelShare = 0.3;

    private readonly TableLayout _tables = new(flow, style);

    public void DrawTitleBlock(PrintedDocument document)
    {
        DrawLines(PdfBlockLevelElementTag.Paragraph, Wrap(document.PartnershipName, style.Partnership), style.Partnership, style.SecondaryText, 4);
        DrawLines(PdfBlockLevelElementTag.Heading1, Wrap(document.Title, style.Title), style.Title, style.Text, 2);
        // The title names the kind of record already ("Review record: Child A"): printing the kind again under it repeats the title.
        if (!document.Title.StartsWith(document.Kind, StringComparison.Ordinal))
            DrawLines(PdfBlockLevelElementTag.Paragraph, Wrap(document.Kind, style.Subtitle), style.Subtitle, style.SecondaryText, 8);
        else
            flow.Y += 6;
        _tables.Draw(KeyValueSpec(
        [
            new KeyValueRow("Reference", document.Reference),
            new KeyValueRow("Methodology", document.Methodology),
            new KeyValueRow("Version", document.Version.ToString(CultureInfo.InvariantCulture)),
            new KeyValueRow("Status", document.Status),
            new KeyValueRow("Date", document.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)),
        ]));
        flow.Tags.Artifact(() =>
            flow.Graphics.DrawLine(style.Rule, PageFlow.Left, flow.Y, PageFlow.Left + PageFlow.Width, flow.Y));
        flow.Y += DocumentStyle.BlockSpacing;
    }

    public void DrawBlocks(IReadOnlyList<DocumentBlock> blocks)
    {
        for (var index = 0; index < blocks.Count; index++)
        {
            switch (blocks[index])
            {
                case HeadingBlock heading:
                    DrawHeading(heading, LeadHeight(blocks, index + 1));
                    break;
                case GuidanceBlock guidance:
                    DrawLines(PdfBlockLevelElementTag.Paragraph, Wrap(guidance.Text, style.Guidance), style.Guidance, style.SecondaryText, DocumentStyle.GuidanceSpacing);
                    break;
                case ParagraphBlock paragraph:
                    var (lines, brush) = ParagraphLines(paragraph);
                    DrawLines(PdfBlockLevelElementTag.Paragraph, lines, style.Body, brush, DocumentStyle.ParagraphSpacing);
                    break;
                case TableBlock table:
                    _tables.Draw(TableSpec(table));
                    break;
                case KeyValueBlock keyValues:
                    _tables.Draw(KeyValueSpec(keyValues.Rows));
                    break;
                default:
                    throw new NotSupportedException($"No layout for {blocks[index].GetType().Name}.");
            }
        }
    }

    private void DrawHeading(HeadingBlock heading, double heightOfWhatFollows)
    {
        var font = style.Heading(heading.Level);
        var lines = Wrap(heading.Text, font);
        var spaceBefore = flow.AtTopOfPage ? 0 : DocumentStyle.SpaceBeforeHeading(heading.Level);
        var needed = spaceBefore + HeadingHeight(font, lines.Count) + heightOfWhatFollows;
        if (needed > flow.Remaining && !flow.AtTopOfPage)
        {
            flow.NewPage();
            spaceBefore = 0;
        }
        flow.Y += spaceBefore;
        DrawLines(DocumentTags.Heading(heading.Level), lines, font, style.Text, DocumentStyle.GuidanceSpacing);
    }

    /// <summary>
    /// The height the block at <paramref name="index"/> needs to show a start worth keeping with the
    /// heading above it: its first two lines, or a following heading plus the start of its own text.
    /// </summary>
    private double LeadHeight(IReadOnlyList<DocumentBlock> blocks, int index)
    {
        if (index >= blocks.Count)
        {
            return 0;
        }
        switch (blocks[index])
        {
            case HeadingBlock heading:
                var font = style.Heading(heading.Level);
                return DocumentStyle.SpaceBeforeHeading(heading.Level)
                    + HeadingHeight(font, Wrap(heading.Text, font).Count)
                    + LeadHeight(blocks, index + 1);
            case GuidanceBlock guidance:
                return FirstLines(Wrap(guidance.Text, style.Guidance).Count, style.Guidance);
            case ParagraphBlock paragraph:
                return FirstLines(ParagraphLines(paragraph).Lines.Count, style.Body);
            case TableBlock table:
                return _tables.LeadHeight(TableSpec(table));
            case KeyValueBlock keyValues:
                return _tables.LeadHeight(KeyValueSpec(keyValues.Rows));
            default:
                return 0;
        }
    }

    private static double FirstLines(int lineCount, XFont font) => Math.Min(2, lineCount) * font.GetHeight();

    private static double HeadingHeight(XFont font, int lineCount) =>
        lineCount * font.GetHeight() + DocumentStyle.GuidanceSpacing;

    private (IReadOnlyList<string> Lines, XBrush Brush) ParagraphLines(ParagraphBlock paragraph) =>
        string.IsNullOrWhiteSpace(paragraph.Text)
            ? ([DocumentStyle.NotCompleted], style.SecondaryText)
            : (Wrap(paragraph.Text, style.Body), style.Text);

    /// <summary>
    /// Draws lines one by one as one element (a paragraph or heading), starting a new page whenever the
    /// next line would not fit. A paragraph that crosses a page end stays one element.
    /// </summary>
    private void DrawLines(PdfBlockLevelElementTag tag, IReadOnlyList<string> lines, XFont font, XBrush brush, double spacingAfter)
    {
        var lineHeight = font.GetHeight();
        flow.Tags.Element(tag, () =>
        {
            foreach (var line in lines)
            {
                flow.EnsureRoomFor(lineHeight);
                flow.Graphics.DrawString(line, font, brush, PageFlow.Left, flow.Y, XStringFormats.TopLeft);
                flow.Y += lineHeight;
            }
        });
        flow.Y += spacingAfter;
    }

    private IReadOnlyList<string> Wrap(string text, XFont font) =>
        TextWrapper.Wrap(flow.Graphics, text, font, PageFlow.Width);

    private static TableSpec TableSpec(TableBlock table)
    {
        if (table.Columns.Count == 0 || table.Columns.Any(column => column.RelativeWidth <= 0))
        {
            throw new ArgumentException("A table needs at least one column, and every column a positive width.", nameof(table));
        }
        var total = table.Columns.Sum(column => column.RelativeWidth);
        var widths = table.Columns.Select(column => column.RelativeWidth / total * PageFlow.Width).ToList();
        var rows = table.Rows.Select(row => (IReadOnlyList<string?>)row).ToList();
        return new TableSpec(widths, table.Columns.Select(column => column.Header).ToList(), rows, Bordered: true, LabelColumn: false);
    }

    private static TableSpec KeyValueSpec(IReadOnlyList<KeyValueRow> rows)
    {
        var widths = new[] { PageFlow.Width * LabelShare, PageFlow.Width * (1 - LabelShare) };
        var cells = rows.Select(row => (IReadOnlyList<string?>)[row.Label, row.Value]).ToList();
        return new TableSpec(widths, Headers: null, cells, Bordered: false, LabelColumn: true);
    }
}
