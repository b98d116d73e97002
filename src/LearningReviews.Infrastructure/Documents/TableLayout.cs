using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// How a grid is drawn: bordered with a shaded header row (tables), or plain with bold labels
/// (label and value lists). Widths are in points and add up to the text width.
/// </summary>
internal sealed record TableSpec(
    IReadOnlyList<double> Widths,
    IReadOnlyList<string>? Headers,
    IReadOnlyList<IReadOnlyList<string?>> Rows,
    bool Bordered,
    bool LabelColumn);

/// <summary>
/// Draws a <see cref="TableSpec"/> into a <see cref="PageFlow"/>. A row that does not fit at the bottom
/// of a page moves to the next; a row taller than a whole page is split between lines; and every
/// page the table continues on starts with its header row again, so columns keep their names.
/// Tagged as a Table of TR rows with TH (header and label) and TD cells; borders, shading and the
/// repeated header are artifacts, so a screen reader meets each header once. A row split over pages
/// becomes one TR per page: PDFsharp cannot add to an element once its next sibling has begun.
/// </summary>
internal sealed class TableLayout(PageFlow flow, DocumentStyle style)
{
    private const double LabelGap = 10;
    private const double PlainPaddingY = 2;

    private double LineHeight => style.Cell.GetHeight();

    public void Draw(TableSpec spec)
    {
        var header = spec.Headers is null ? null : LayOut(spec, spec.Headers, isHeader: true);
        var rows = spec.Rows.Select(row => LayOut(spec, row, isHeader: false)).ToList();

        // The header row never stands alone at the foot of a page: it needs the start of a row under it.
        flow.EnsureRoomFor(LeadHeight(spec, header, rows));
        flow.Tags.Element(PdfBlockLevelElementTag.Table, () =>
        {
            if (header is not null)
            {
                DrawFragment(spec, header, 0, header.LineCount, repeated: false);
            }
            foreach (var row in rows)
            {
                DrawRow(spec, header, row);
            }
        });
        flow.Y += DocumentStyle.BlockSpacing;
    }

    /// <summary>The header row plus the first two lines of the first row: what must share a page.</summary>
    public double LeadHeight(TableSpec spec)
    {
        var header = spec.Headers is null ? null : LayOut(spec, spec.Headers, isHeader: true);
        var first = spec.Rows.Take(1).Select(row => LayOut(spec, row, isHeader: false)).ToList();
        return LeadHeight(spec, header, first);
    }

    private double LeadHeight(TableSpec spec, LaidOutRow? header, List<LaidOutRow> rows)
    {
        var height = header is null ? 0 : Height(spec, header.LineCount);
        if (rows.Count > 0)
        {
            height += Height(spec, Math.Min(2, rows[0].LineCount));
        }
        return height;
    }

    private void DrawRow(TableSpec spec, LaidOutRow? header, LaidOutRow row)
    {
        var headerHeight = header is null ? 0 : Height(spec, header.LineCount);
        var wholeRowFitsOnAPage = Height(spec, row.LineCount) <= PageFlow.PageCapacity - headerHeight;
        var linesDone = 0;
        var freshPage = false;
        while (linesDone < row.LineCount)
        {
            var linesLeft = row.LineCount - linesDone;
            var linesThatFit = (int)Math.Floor((flow.Remaining - 2 * PaddingY(spec) + 0.01) / LineHeight);
            if (linesLeft <= linesThatFit)
            {
                DrawFragment(spec, row, linesDone, linesLeft, repeated: false);
                return;
            }
            // Keep a row whole when a fresh page can hold it; split only rows taller than a page.
            var moveWholeRow = linesDone == 0 && wholeRowFitsOnAPage;
            if (!freshPage && (moveWholeRow || linesThatFit < 1))
            {
                ContinueOnNewPage(spec, header);
                freshPage = true;
                continue;
            }
            var lines = Math.Max(1, linesThatFit);
            DrawFragment(spec, row, linesDone, lines, repeated: false);
            linesDone += lines;
            ContinueOnNewPage(spec, header);
            freshPage = true;
        }
    }

    private void ContinueOnNewPage(TableSpec spec, LaidOutRow? header)
    {
        flow.NewPage();
        if (header is not null)
        {
            DrawFragment(spec, header, 0, header.LineCount, repeated: true);
        }
    }

    /// <summary>
    /// Draws lines [first, first + count) of every cell of a row as one band of the table: a TR, or an
    /// artifact when it is the header <paramref name="repeated"/> on a continuation page.
    /// </summary>
    private void DrawFragment(TableSpec spec, LaidOutRow row, int first, int count, bool repeated)
    {
        if (repeated)
        {
            flow.Tags.Artifact(() => DrawCells(spec, row, first, count, tagCells: false));
        }
        else
        {
            flow.Tags.Element(PdfBlockLevelElementTag.TableRow, () => DrawCells(spec, row, first, count, tagCells: true));
        }
        flow.Y += Height(spec, count);
    }

    private void DrawCells(TableSpec spec, LaidOutRow row, int first, int count, bool tagCells)
    {
        var graphics = flow.Graphics;
        var height = Height(spec, count);
        var x = PageFlow.Left;
        for (var column = 0; column < row.Cells.Count; column++)
        {
            var cell = row.Cells[column];
            var box = new XRect(x, flow.Y, spec.Widths[column], height);
            if (tagCells)
            {
                flow.Tags.Artifact(() => DrawCellBox(spec, row, graphics, box));
                flow.Tags.Element(CellTag(spec, row, column), () => DrawCellLines(spec, cell, graphics, box, first, count));
            }
            else
            {
                DrawCellBox(spec, row, graphics, box);
                DrawCellLines(spec, cell, graphics, box, first, count);
            }
            x += box.Width;
        }
    }

    private void DrawCellBox(TableSpec spec, LaidOutRow row, XGraphics graphics, XRect box)
    {
        if (row.IsHeader)
        {
            graphics.DrawRectangle(style.HeaderShading, box);
        }
        if (spec.Bordered)
        {
            graphics.DrawRectangle(style.Rule, box);
        }
    }

    private void DrawCellLines(TableSpec spec, LaidOutCell cell, XGraphics graphics, XRect box, int first, int count)
    {
        var lastLine = Math.Min(cell.Lines.Count, first + count);
        for (var line = first; line < lastLine; line++)
        {
            var top = box.Y + PaddingY(spec) + (line - first) * LineHeight;
            graphics.DrawString(cell.Lines[line], cell.Font, cell.Brush, box.X + PaddingX(spec), top, XStringFormats.TopLeft);
        }
    }

    /// <summary>Column headings and the labels of a label and value list are header cells.</summary>
    private static PdfBlockLevelElementTag CellTag(TableSpec spec, LaidOutRow row, int column) =>
        row.IsHeader || (spec.LabelColumn && column == 0)
            ? PdfBlockLevelElementTag.TableHeaderCell
            : PdfBlockLevelElementTag.TableDataCell;

    private LaidOutRow LayOut(TableSpec spec, IReadOnlyList<string?> texts, bool isHeader)
    {
        var cells = new List<LaidOutCell>(spec.Widths.Count);
        for (var column = 0; column < spec.Widths.Count; column++)
        {
            var text = column < texts.Count ? texts[column] : null;
            var isLabel = spec.LabelColumn && column == 0;
            var font = isHeader || isLabel ? style.CellBold : style.Cell;
            var brush = style.Text;
            if (string.IsNullOrWhiteSpace(text) && !isHeader && !spec.Bordered)
            {
                // In a label and value list a missing value is an unanswered question: say so.
                (text, brush) = (DocumentStyle.NotCompleted, style.SecondaryText);
            }
            var textWidth = spec.Widths[column] - 2 * PaddingX(spec) - (isLabel ? LabelGap : 0);
            var lines = TextWrapper.Wrap(flow.Graphics, text ?? "", font, textWidth);
            cells.Add(new LaidOutCell(lines, font, brush));
        }
        return new LaidOutRow(cells, isHeader);
    }

    private double Height(TableSpec spec, int lineCount) => lineCount * LineHeight + 2 * PaddingY(spec);

    private static double PaddingX(TableSpec spec) => spec.Bordered ? DocumentStyle.CellPadding : 0;

    private static double PaddingY(TableSpec spec) => spec.Bordered ? DocumentStyle.CellPadding : PlainPaddingY;

    private sealed record LaidOutCell(IReadOnlyList<string> Lines, XFont Font, XBrush Brush);

    private sealed record LaidOutRow(IReadOnlyList<LaidOutCell> Cells, bool IsHeader)
    {
        public int LineCount { get; } = Math.Max(1, Cells.Max(cell => cell.Lines.Count));
    }
}
