using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// Breaks text into lines no wider than a column, measuring with the real font. PDFsharp draws a
/// string on one line whatever its length, so all wrapping is done here.
/// </summary>
internal static class TextWrapper
{
    /// <summary>
    /// The lines of <paramref name="text"/> in <paramref name="width"/> points. Line breaks in the text
    /// are kept (a blank line stays blank); runs of spaces become one; a word wider than the column is
    /// cut between characters, so a pasted URL or reference cannot run off the page.
    /// A line that ends between words keeps one trailing space. It is invisible, but a PDF's text has
    /// no line ends of its own: without it, copied text and a screen reader following the tags would
    /// run the last word of a line into the first of the next.
    /// </summary>
    public static IReadOnlyList<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ');
        var typedLines = normalised.Split('\n');
        for (var index = 0; index < typedLines.Length; index++)
        {
            WrapOneLine(graphics, typedLines[index], font, width, lines);
            if (index < typedLines.Length - 1)
            {
                lines[^1] += " ";
            }
        }
        return lines;
    }

    private static void WrapOneLine(XGraphics graphics, string typedLine, XFont font, double width, List<string> lines)
    {
        var words = typedLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            lines.Add("");
            return;
        }
        var current = new StringBuilder();
        foreach (var word in words)
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Fits(graphics, candidate, font, width))
            {
                current.Clear().Append(candidate);
                continue;
            }
            if (current.Length > 0)
            {
                lines.Add(current.Append(' ').ToString());
                current.Clear();
            }
            if (Fits(graphics, word, font, width))
            {
                current.Append(word);
            }
            else
            {
                // Only the last piece of a cut word may share its line with the words after it.
                var pieces = CutWord(graphics, word, font, width);
                lines.AddRange(pieces.Take(pieces.Count - 1));
                current.Append(pieces[^1]);
            }
        }
        lines.Add(current.ToString());
    }

    private static List<string> CutWord(XGraphics graphics, string word, XFont font, double width)
    {
        var pieces = new List<string>();
        var piece = new StringBuilder();
        // Text elements, not chars, so a letter with a combining accent or a surrogate pair stays whole.
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && !Fits(graphics, piece + element, font, width))
            {
                pieces.Add(piece.ToString());
                piece.Clear();
            }
            piece.Append(element);
        }
        pieces.Add(piece.ToString());
        return pieces;
    }

    private static bool Fits(XGraphics graphics, string text, XFont font, double width) =>
        graphics.MeasureString(text, font).Width <= width;
}
