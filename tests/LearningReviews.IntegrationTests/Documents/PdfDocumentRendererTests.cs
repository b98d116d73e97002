using System.Globalization;
using System.Text.RegularExpressions;
using LearningReviews.Infrastructure.Documents;

namespace LearningReviews.IntegrationTests.Documents;

/// <summary>
/// Renders real PDFs and reads them back with poppler's pdftotext and pdfinfo, checking what a reader
/// of the printed record would notice.
/// </summary>
public class PdfDocumentRendererTests
{
    private static readonly PdfDocumentRenderer Renderer = new();

    private static readonly string[] ActionHeaders = ["Action", "Owner", "Due date", "Progress"];

    [Fact]
    public void Title_block_headings_guidance_and_paragraphs_appear_in_order()
    {
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Short(isFinal: true)));

        AssertInOrder(pdf.Text,
            "Wessex Safeguarding Children Partnership", "Learning Review Outcomes Form: Child T",
            "Reference", "LR-2026-0007", "Methodology", "LSCB Learning Review", "Version", "2",
            "Status", "Final", "Date", "7 March 2026",
            "1. Summary of the case", "Describe the family and what happened, briefly.",
            "Summary text first line.", "Summary text second line.",
            "2. Key learning points", "Learning text about information sharing.",
            "2.1 Good practice", "Not completed",
            "3. Actions", "Action", "Owner", "Due date", "Progress",
            "Share the chronology with health", "Named nurse", "Review the referral pathway",
            "Brief the front door team", "Team manager",
            "4. Meeting details", "Held on", "4 March 2026", "Chair", "Alex Chair", "Venue", "Not completed");
        // The line break the author typed is kept.
        var lines = pdf.Text.Split('\n').Select(line => line.Trim()).ToList();
        Assert.Contains("Summary text first line.", lines);
        Assert.Contains("Summary text second line.", lines);
    }

    [Fact]
    public void Every_table_row_is_printed_in_order()
    {
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Long(isFinal: true)));

        var expected = Enumerable.Range(1, 60)
            .SelectMany(number => new[] { $"Row{number:00}-action", $"Owner{number:00}", $"Row{number:00}-progress" })
            .ToArray();
        AssertInOrder(pdf.Text, expected);
    }

    [Fact]
    public void Pages_are_numbered_page_n_of_N_with_N_the_real_page_count()
    {
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Long()));

        var pageCount = pdf.PageCountFromInfo;
        Assert.Equal(pageCount, pdf.Pages.Count);
        for (var number = 1; number <= pageCount; number++)
        {
            var footer = pdf.Pages[number - 1].TrimEnd().Split('\n')[^1];
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Page {number} of {pageCount}"), footer, StringComparison.Ordinal);
        }
        Assert.Equal(pageCount, Regex.Count(pdf.Text, @"Page \d+ of \d+"));
    }

    [Fact]
    public void A_draft_carries_the_DRAFT_watermark_on_every_page()
    {
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Long(isFinal: false)));

        Assert.True(pdf.RawPages.Count > 1);
        Assert.All(pdf.RawPages, page => Assert.Contains("DRAFT", WithoutWhitespace(page), StringComparison.Ordinal));
    }

    [Fact]
    public void A_final_record_has_no_DRAFT_watermark()
    {
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Long(isFinal: true)));

        Assert.True(pdf.Pages.Count > 1);
        Assert.DoesNotContain("DRAFT", WithoutWhitespace(pdf.Text), StringComparison.Ordinal);
        Assert.All(pdf.RawPages, page => Assert.DoesNotContain("DRAFT", WithoutWhitespace(page), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_page_is_marked_OFFICIAL_SENSITIVE_at_the_top_and_the_bottom(bool isFinal)
    {
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Long(isFinal)));

        Assert.All(pdf.Pages, page =>
        {
            Assert.Equal(2, Regex.Count(page, "OFFICIAL-SENSITIVE"));
            var lines = page.Split('\n').Where(line => line.Trim().Length > 0).ToList();
            Assert.Contains("OFFICIAL-SENSITIVE", lines[0], StringComparison.Ordinal);
            Assert.Contains("OFFICIAL-SENSITIVE", lines[^1], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_long_record_flows_over_several_pages_and_repeats_the_table_header_on_each_continuation_page()
    {
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Long(isFinal: true)));

        Assert.True(pdf.Pages.Count >= 5, $"expected at least 5 pages, got {pdf.Pages.Count}");
        // Paragraphs of 1,500 words flow from one page to the next, in order.
        AssertInOrder(pdf.Text, "Alpha-begins", "Alpha-ends", "Bravo-begins", "Bravo-ends", "Charlie-begins", "Charlie-ends");
        Assert.NotEqual(PageOf(pdf, "Alpha-begins"), PageOf(pdf, "Alpha-ends"));

        var firstTablePage = PageOf(pdf, "Row01-action");
        var lastTablePage = PageOf(pdf, "Row60-action");
        Assert.True(lastTablePage > firstTablePage + 1, "the 60-row table should run over at least three pages");
        for (var page = firstTablePage + 1; page <= lastTablePage; page++)
        {
            var firstLine = PdfReader.BodyLines(pdf.Pages[page])[0];
            Assert.All(ActionHeaders, header => Assert.Contains(header, firstLine, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_table_row_taller_than_a_page_is_split_and_continues_under_the_repeated_header()
    {
        var table = new TableBlock([new("Chronology entry", 4), new("Source", 1)],
        [
            ["Short-row-one", "Police"],
            ["Giant-begins " + SampleDocuments.Words(2_500) + " Giant-ends", "Health"],
            ["Short-row-three", "School"],
        ]);
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Short(isFinal: true, [new HeadingBlock("Chronology"), table])));

        AssertInOrder(pdf.Text, "Short-row-one", "Giant-begins", "Giant-ends", "Short-row-three");
        var start = PageOf(pdf, "Giant-begins");
        var end = PageOf(pdf, "Giant-ends");
        Assert.True(end > start, "the giant row should continue on a later page");
        for (var page = start + 1; page <= end; page++)
        {
            var firstLine = PdfReader.BodyLines(pdf.Pages[page])[0];
            Assert.Contains("Chronology entry", firstLine, StringComparison.Ordinal);
            Assert.Contains("Source", firstLine, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_heading_never_stands_alone_at_the_foot_of_a_page()
    {
        // Sections of uneven lengths put headings at every height on the page sooner or later.
        var blocks = new List<DocumentBlock>();
        for (var number = 1; number <= 40; number++)
        {
            blocks.Add(new HeadingBlock(string.Create(CultureInfo.InvariantCulture, $"Heading number {number}")));
            blocks.Add(new ParagraphBlock(SampleDocuments.Words(20 + number * 37 % 160)));
        }
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Short(isFinal: true, blocks)));

        Assert.True(pdf.Pages.Count > 2);
        var headingsSeen = 0;
        foreach (var page in pdf.Pages)
        {
            var lines = PdfReader.BodyLines(page);
            for (var index = 0; index < lines.Count; index++)
            {
                if (lines[index].StartsWith("Heading number", StringComparison.Ordinal))
                {
                    headingsSeen++;
                    Assert.True(index + 2 < lines.Count,
                        $"'{lines[index]}' is followed by fewer than two lines of its text on its page");
                }
            }
        }
        Assert.Equal(40, headingsSeen);
    }

    [Fact]
    public void Typographic_and_Welsh_characters_survive_the_round_trip_in_embedded_unicode_fonts()
    {
        const string text = "It’s the “front door” – costs €5 – Gŵyl Ddewi";
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Short(isFinal: true,
            [new HeadingBlock("Cymraeg – ŵ"), new ParagraphBlock(text)])));

        Assert.Contains(text, pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Cymraeg – ŵ", pdf.Text, StringComparison.Ordinal);
        var fontRows = pdf.Fonts.Split('\n').Skip(2).Where(row => row.Trim().Length > 0).ToList();
        Assert.NotEmpty(fontRows);
        // Columns: name, type, encoding, emb, sub, uni, object ID.
        Assert.All(fontRows, row =>
        {
            Assert.Contains("Liberation Sans", row, StringComparison.Ordinal);
            Assert.Matches(@"\syes\s+yes\s+yes\s", row);
        });
    }

    [Fact]
    public void A_word_longer_than_a_line_is_cut_onto_several_lines_without_losing_a_character()
    {
        var longWord = "https://example.org/" + string.Concat(Enumerable.Repeat("abcdefghij", 30));
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Short(isFinal: true,
            [new HeadingBlock("Links"), new ParagraphBlock("See " + longWord + " for more.")])));

        Assert.Contains("See" + longWord + "formore.", WithoutWhitespace(pdf.Text), StringComparison.Ordinal);
        var linesWithPieces = pdf.Text.Split('\n').Count(line => line.Contains("abcdefghij", StringComparison.Ordinal));
        Assert.True(linesWithPieces >= 2, $"the long word should take at least two lines, took {linesWithPieces}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void An_empty_section_shows_Not_completed(string? answer)
    {
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Short(isFinal: true,
            [new HeadingBlock("5. Reflections"), new ParagraphBlock(answer), new HeadingBlock("6. Next steps"), new ParagraphBlock("Next.")])));

        AssertInOrder(pdf.Text, "5. Reflections", "Not completed", "6. Next steps", "Next.");
    }

    [Fact]
    public void Document_properties_carry_title_author_subject_and_creator()
    {
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Short()));

        Assert.Equal("Learning Review Outcomes Form: Child T", pdf.Info["Title"]);
        Assert.Equal("Sam Reviewer", pdf.Info["Author"]);
        Assert.Equal("Learning review LR-2026-0007", pdf.Info["Subject"]);
        Assert.Equal("Learning Reviews", pdf.Info["Creator"]);
        Assert.StartsWith("595.28 x 841.89 pts (A4)", pdf.Info["Page size"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_PDF_is_tagged_with_its_title_shown_and_British_English_as_its_language()
    {
        var bytes = Renderer.Render(SampleDocuments.Short());
        var pdf = PdfReader.Read(bytes);

        Assert.True(pdf.IsTagged, "pdfinfo should report Tagged: yes");
        Assert.Equal("Learning Review Outcomes Form: Child T", pdf.Info["Title"]);
        // pdfinfo prints neither the language nor the viewer preference; both sit in the catalog,
        // which PDFsharp writes uncompressed.
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("/Lang(en-GB)", raw, StringComparison.Ordinal);
        Assert.Matches(@"/DisplayDocTitle\s*true", raw);
    }

    [Fact]
    public void A_screen_reader_meets_title_headings_paragraphs_and_tables_in_reading_order()
    {
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Short(isFinal: true)));

        Assert.Equal("Document", pdf.Elements[0].Tag);
        // The title names the kind of record; the kind is not printed again under it.
        Assert.DoesNotContain(pdf.Elements, e => e.Tag == "P" && e.Text == "Learning Review Outcomes Form");
        TaggedAssert.InOrder(pdf,
            ("P", "Wessex Safeguarding Children Partnership"),
            ("H1", "Learning Review Outcomes Form: Child T"),
            ("Table", ""), ("TR", ""), ("TH", "Reference"), ("TD", "LR-2026-0007"),
            ("H2", "1. Summary of the case"),
            ("P", "Describe the family and what happened, briefly."),
            ("P", "Summary text first line. Summary text second line."),
            ("H2", "2. Key learning points"),
            ("P", "Learning text about information sharing."),
            ("H3", "2.1 Good practice"),
            ("P", "Not completed"),
            ("H2", "3. Actions"),
            ("Table", ""),
            ("TR", ""), ("TH", "Action"), ("TH", "Owner"), ("TH", "Due date"), ("TH", "Progress"),
            ("TR", ""), ("TD", "Share the chronology with health"), ("TD", "Named nurse"), ("TD", "1 May 2026"), ("TD", "Started"),
            ("TR", ""), ("TD", "Review the referral pathway"), ("TD", "Head of service"), ("TD", "30 June 2026"), ("TD", ""),
            ("TR", ""), ("TD", "Brief the front door team"),
            ("H2", "4. Meeting details"),
            ("Table", ""), ("TR", ""), ("TH", "Held on"), ("TD", "4 March 2026"));
        // Cells sit inside their row, and rows inside their table.
        var elements = pdf.Elements.ToList();
        var cell = elements.FindIndex(element => element.Text == "Named nurse");
        var row = elements.FindLastIndex(cell, element => element.Tag == "TR");
        var table = elements.FindLastIndex(row, element => element.Tag == "Table");
        Assert.Equal(elements[row].Depth + 1, elements[cell].Depth);
        Assert.Equal(elements[table].Depth + 1, elements[row].Depth);
    }

    [Fact]
    public void Page_furniture_is_left_out_of_what_a_screen_reader_reads()
    {
        var pdf = PdfReader.Read(Renderer.Render(SampleDocuments.Long(isFinal: false)));

        Assert.True(pdf.PageCountFromInfo >= 3);
        // On the page, but artifacts: marking, footer, page numbers and watermark.
        Assert.Contains("Page 2 of", pdf.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFICIAL-SENSITIVE", pdf.Structure, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 1 of", pdf.Structure, StringComparison.Ordinal);
        Assert.DoesNotContain("DRAFT", pdf.Structure, StringComparison.Ordinal);
        // The table header is printed on every page it runs over, but read once.
        Assert.Equal(1, pdf.Elements.Count(element => element.Tag == "TH" && element.Text == "Owner"));
        // A paragraph running over a page end stays one paragraph, with its words kept apart.
        var alpha = Assert.Single(pdf.Elements, element => element.Text.StartsWith("Alpha-begins", StringComparison.Ordinal));
        Assert.Equal("P", alpha.Tag);
        Assert.EndsWith("Alpha-ends", alpha.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch("(were|when|the)(raised|concerns|family)", alpha.Text);
        // Every one of the 60 rows, in order.
        var owners = pdf.Elements.Where(element => element.Tag == "TD" && element.Text.StartsWith("Owner", StringComparison.Ordinal)).Select(element => element.Text);
        Assert.Equal(Enumerable.Range(1, 60).Select(number => $"Owner{number:00}"), owners);
    }

    [Fact]
    public void The_download_file_name_is_reference_kind_and_version()
    {
        Assert.Equal("LR-2026-0007-learning-review-outcomes-form-v2.pdf", DocumentFileName.For(SampleDocuments.Short()));
    }

    [Fact]
    public void Documents_render_in_parallel()
    {
        var results = new byte[6][];
        Parallel.For(0, results.Length, index => results[index] = Renderer.Render(SampleDocuments.Short(isFinal: index % 2 == 0)));

        Assert.All(results, bytes => Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]));
        Assert.All(results, bytes => Assert.Contains("Page 1 of 1", PdfReader.Read(bytes).Text, StringComparison.Ordinal));
    }

    private static void AssertInOrder(string text, params string[] expected)
    {
        var position = 0;
        foreach (var item in expected)
        {
            var found = text.IndexOf(item, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{item}' was not found after position {position}.");
            position = found + item.Length;
        }
    }

    private static int PageOf(PdfReader pdf, string text)
    {
        for (var index = 0; index < pdf.Pages.Count; index++)
        {
            if (pdf.Pages[index].Contains(text, StringComparison.Ordinal))
            {
                return index;
            }
        }
        throw new InvalidOperationException($"'{text}' is on no page.");
    }

    private static string WithoutWhitespace(string text) => Regex.Replace(text, @"\s+", "");
}
