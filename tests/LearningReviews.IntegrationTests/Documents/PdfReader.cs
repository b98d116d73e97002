using System.Diagnostics;

namespace LearningReviews.IntegrationTests.Documents;

/// <summary>
/// Reads a rendered PDF back the way a person would meet it: its text page by page (pdftotext
/// -layout) and its properties (pdfinfo), both from poppler-utils, which tests/run-all.sh installs.
/// For tagged PDFs it also reads the structure tree that a screen reader follows (pdfinfo -struct-text).
/// </summary>
internal sealed class PdfReader
{
    private PdfReader(string text, string rawText, IReadOnlyDictionary<string, string> info, string fonts, string structure)
    {
        Structure = structure;
        Text = text;
        Pages = SplitPages(text);
        RawPages = SplitPages(rawText);
        Info = info;
        Fonts = fonts;
    }

    public string Text { get; }

    public IReadOnlyList<string> Pages { get; }

    /// <summary>
    /// The text of each page in the order it was drawn (pdftotext -raw). Needed for the diagonal
    /// watermark: poppler never joins diagonal letters into a word, so -layout scatters them, while
    /// -raw keeps them in drawing order.
    /// </summary>
    public IReadOnlyList<string> RawPages { get; }

    public IReadOnlyDictionary<string, string> Info { get; }

    /// <summary>The pdffonts table: name, type, encoding, embedded, subset, Unicode map.</summary>
    public string Fonts { get; }

    /// <summary>
    /// The structure tree as pdfinfo -struct-text prints it: one element a line, indented by depth
    /// (e.g. "  H2 (block)"), each followed by the text it holds in quotes; empty for an untagged PDF.
    /// </summary>
    public string Structure { get; }

    /// <summary>
    /// The elements of the structure tree in reading order, each with the text directly inside it
    /// (e.g. H2 "1. Summary of the case", TD "Named nurse"); grouping elements such as Table and TR
    /// have none of their own.
    /// </summary>
    public IReadOnlyList<TaggedElement> Elements => _elements ??= ParseStructure(Structure);

    private List<TaggedElement>? _elements;

    /// <summary>True when pdfinfo reports the PDF as tagged (its catalog marks it and has a structure tree).</summary>
    public bool IsTagged => Info.TryGetValue("Tagged", out var tagged) && tagged == "yes";

    public int PageCountFromInfo => int.Parse(Info["Pages"], System.Globalization.CultureInfo.InvariantCulture);

    public static PdfReader Read(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), "lr-pdf-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var text = Run("pdftotext", "-layout", "-enc", "UTF-8", file, "-");
            var rawText = Run("pdftotext", "-raw", "-enc", "UTF-8", file, "-");
            var fonts = Run("pdffonts", file);
            var info = Run("pdfinfo", "-enc", "UTF-8", file)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
            var structure = Run("pdfinfo", "-struct-text", "-enc", "UTF-8", file);
            return new PdfReader(text, rawText, info, fonts, structure);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<TaggedElement> ParseStructure(string structure)
    {
        var elements = new List<TaggedElement>();
        var texts = new List<System.Text.StringBuilder>();
        foreach (var line in structure.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }
            if (trimmed.StartsWith('"'))
            {
                // Text belongs to the element just above it.
                if (texts.Count > 0)
                {
                    texts[^1].Append(trimmed.Trim('"'));
                }
                continue;
            }
            var depth = (line.Length - line.TrimStart().Length) / 2;
            var tag = trimmed.Split(' ')[0];
            elements.Add(new TaggedElement(depth, tag, ""));
            texts.Add(new System.Text.StringBuilder());
        }
        return elements.Select((element, index) => element with { Text = texts[index].ToString().Trim() }).ToList();
    }

    // pdftotext ends every page with a form feed, so the last piece is empty.
    private static string[] SplitPages(string text) => text.Split('\f')[..^1];

    /// <summary>The page's lines between the marking at its top and the footer, without blank lines.</summary>
    public static IReadOnlyList<string> BodyLines(string page)
    {
        var lines = page.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        // First line: the marking at the top. Last line: reference, marking and "Page n of N".
        return lines.Skip(1).Take(lines.Count - 2).ToList();
    }

    private static string Run(string tool, params string[] arguments)
    {
        var path = Path.Combine("/usr/bin", tool);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: install poppler-utils (tests/run-all.sh does).");
        }
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {errors.Result}");
        }
        return output;
    }
}

/// <summary>One element of a tagged PDF's structure tree: its depth, its type (H1, P, Table, TR, TD…) and its own text.</summary>
internal sealed record TaggedElement(int Depth, string Tag, string Text)
{
    public override string ToString() => $"{Tag} \"{Text}\"";
}
