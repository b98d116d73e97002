using System.Text;
using LearningReviews.Domain.Files;

namespace LearningReviews.UnitTests.Files;

public sealed class FileContentSnifferTests
{
    [Fact]
    public void Each_accepted_kind_is_recognised_by_its_bytes_whatever_its_name_says()
    {
        Assert.Same(FileContentSniffer.Pdf, FileContentSniffer.Identify(SampleFiles.Pdf(), "notes.txt"));
        Assert.Same(FileContentSniffer.Png, FileContentSniffer.Identify(SampleFiles.Png(), "photo.pdf"));
        Assert.Same(FileContentSniffer.Jpeg, FileContentSniffer.Identify(SampleFiles.Jpeg(), null));
        Assert.Same(FileContentSniffer.Docx, FileContentSniffer.Identify(SampleFiles.Docx(), "summary.xlsx"));
        Assert.Same(FileContentSniffer.Xlsx, FileContentSniffer.Identify(SampleFiles.Xlsx(), "chronology.docx"));
    }

    [Fact]
    public void Text_is_accepted_as_CSV_or_plain_text_and_only_then_does_the_name_choose_between_them()
    {
        var csv = Encoding.UTF8.GetBytes("date,what happened,agency\n2026-01-04,Home visit,Health\n");
        Assert.Same(FileContentSniffer.Csv, FileContentSniffer.Identify(csv, "chronology.CSV"));
        Assert.Same(FileContentSniffer.Text, FileContentSniffer.Identify(csv, "chronology.pdf"));
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Agenda – item 1 · café\r\n\tindented")).ToArray();
        Assert.Same(FileContentSniffer.Text, FileContentSniffer.Identify(withBom, "agenda.txt"));
    }

    [Theory]
    [InlineData("<html><body><script>alert(1)</script></body></html>")]
    [InlineData("   <!DOCTYPE html><p>hello</p>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("name,link\nx,<script src=//evil.example/x.js></script>")]
    [InlineData("name,link\nx,javascript:alert(1)")]
    public void Markup_and_script_are_refused_even_behind_a_pdf_or_csv_name(string content)
    {
        Assert.Null(FileContentSniffer.Identify(Encoding.UTF8.GetBytes(content), "summary.pdf"));
        Assert.Null(FileContentSniffer.Identify(Encoding.UTF8.GetBytes(content), "chronology.csv"));
    }

    [Fact]
    public void Other_binaries_broken_packages_and_macro_documents_are_refused()
    {
        Assert.Null(FileContentSniffer.Identify([], "empty.txt"));
        Assert.Null(FileContentSniffer.Identify([0x4D, 0x5A, 0x90, 0x00, 0x03], "report.pdf")); // a Windows program
        Assert.Null(FileContentSniffer.Identify([0xFF, 0xFE, 0x41, 0x00], "utf16.txt")); // not UTF-8
        Assert.Null(FileContentSniffer.Identify(Encoding.ASCII.GetBytes("line one\0line two"), "nul.txt"));
        Assert.Null(FileContentSniffer.Identify(Encoding.ASCII.GetBytes("bell \u0007 inside"), "bell.txt"));
        Assert.Null(FileContentSniffer.Identify([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "broken.docx"));
        Assert.Null(FileContentSniffer.Identify(SampleFiles.Package("[Content_Types].xml", "other/thing.xml"), "plain.zip.docx"));
        Assert.Null(FileContentSniffer.Identify(SampleFiles.Package("word/document.xml"), "no-content-types.docx"));
        Assert.Null(FileContentSniffer.Identify(SampleFiles.Package("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "macros.docx"));
    }
}
