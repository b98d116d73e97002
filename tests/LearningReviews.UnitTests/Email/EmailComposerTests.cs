using LearningReviews.Web.Features.Email;
using Microsoft.Extensions.Options;

namespace LearningReviews.UnitTests.Email;

public sealed class EmailComposerTests
{
    private static EmailComposer Composer(string baseUrl = "https://reviews.partnership.example/") =>
        new(Options.Create(new AppOptions { PublicBaseUrl = baseUrl }));

    [Fact]
    public void Every_message_has_a_plain_text_and_an_HTML_body_saying_the_same()
    {
        var email = Composer().Compose("Test", "ada@partnership.example", "Ada Lovelace", "Your review",
            ["Review LR-2026-0007 is waiting for you."], new EmailLink("Open the review", "/reviews/abc"));

        Assert.Contains("Dear Ada Lovelace,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Review LR-2026-0007 is waiting for you.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://reviews.partnership.example/reviews/abc", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Review LR-2026-0007 is waiting for you.</p>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://reviews.partnership.example/reviews/abc\">Open the review</a>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_user_typed_cannot_become_markup_in_the_HTML_body()
    {
        var email = Composer().Compose("Test", "x@partnership.example", "<script>alert(1)</script>", "Subject & more",
            ["Fish & <b>chips</b>"]);

        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Fish &amp; &lt;b&gt;chips&lt;/b&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<title>Subject &amp; more</title>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://reviews.partnership.example", "/admin/email", "https://reviews.partnership.example/admin/email")]
    [InlineData("https://partnership.example/reviews/", "admin/email", "https://partnership.example/reviews/admin/email")]
    public void Links_are_built_from_the_configured_public_address(string baseUrl, string path, string expected) =>
        Assert.Equal(expected, Composer(baseUrl).LinkTo(path));

    [Theory]
    [InlineData("")]
    [InlineData("reviews.partnership.example")]
    [InlineData("ftp://partnership.example")]
    public void A_missing_or_unusable_public_address_is_refused_rather_than_guessed(string baseUrl) =>
        Assert.Throws<InvalidOperationException>(() => Composer(baseUrl).LinkTo("/"));
}
