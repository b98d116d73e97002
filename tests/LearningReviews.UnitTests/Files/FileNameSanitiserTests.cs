using LearningReviews.Domain.Files;

namespace LearningReviews.UnitTests.Files;

public sealed class FileNameSanitiserTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData(@"..\..\Windows\System32\drivers\etc\hosts", "hosts")]
    [InlineData(@"C:\Users\sam\Documents\Chronology v2.docx", "Chronology v2.docx")]
    [InlineData("..", FileNameSanitiser.Fallback)]
    [InlineData("...pdf", "pdf")]
    [InlineData("   ", FileNameSanitiser.Fallback)]
    [InlineData(null, FileNameSanitiser.Fallback)]
    [InlineData(".hidden", "hidden")]
    [InlineData("report..final..pdf", "report.final.pdf")]
    [InlineData("summary.pdf. . ", "summary.pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.txt", "abcdefgh.txt")]
    [InlineData("tab\there\r\nnew\u0000line.csv", "tab here newline.csv")]
    public void Paths_dots_and_reserved_characters_are_taken_out(string? uploaded, string expected) =>
        Assert.Equal(expected, FileNameSanitiser.Sanitise(uploaded));

    [Fact]
    public void A_right_to_left_override_cannot_disguise_an_extension()
    {
        // "summary\u202Efdp.exe" shows as "summaryexe.pdf" in a right-to-left aware display.
        Assert.Equal("summaryfdp.exe", FileNameSanitiser.Sanitise("summary\u202Efdp.exe"));
        Assert.Equal("ab.pdf", FileNameSanitiser.Sanitise("a\u200Bb\uFEFF.pdf"));
    }

    [Fact]
    public void Long_names_are_shortened_keeping_their_extension_and_accented_letters_stay()
    {
        var name = FileNameSanitiser.Sanitise(new string('x', 500) + ".docx");
        Assert.Equal(FileNameSanitiser.MaxLength, name.Length);
        Assert.EndsWith(".docx", name, StringComparison.Ordinal);
        Assert.Equal("Résumé – Zoë’s notes.txt", FileNameSanitiser.Sanitise("Résumé – Zoë’s notes.txt"));
    }

    [Fact]
    public void A_download_is_named_for_the_type_found_in_its_bytes()
    {
        Assert.Equal("summary.pdf", FileNameSanitiser.DownloadName("summary.pdf", FileContentSniffer.Pdf));
        Assert.Equal("page.pdf", FileNameSanitiser.DownloadName("page.html", FileContentSniffer.Pdf));
        Assert.Equal("photo.jpeg", FileNameSanitiser.DownloadName("photo.jpeg", FileContentSniffer.Jpeg));
        Assert.Equal("notes.txt", FileNameSanitiser.DownloadName("notes", FileContentSniffer.Text));
        Assert.Equal("document.csv", FileNameSanitiser.DownloadName("../..", FileContentSniffer.Csv));
    }
}
