using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace LearningReviews.Web.Features.Email;

/// <summary>A message ready to queue: both bodies written.</summary>
public sealed record ComposedEmail(string Kind, string ToAddress, string? ToName, string Subject, string TextBody, string HtmlBody)
{
    /// <summary>A text file sent with the message, such as a meeting's .ics invitation.</summary>
    public EmailAttachment? Attachment { get; init; }
}

/// <summary>A text attachment: its file name, full content type (parameters included) and content.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Text);

/// <summary>A link in a message, to a page of the application (an app-relative path such as "/reviews/…").</summary>
public sealed record EmailLink(string Text, string Path);

/// <summary>Bound from the "App" configuration section.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// The address people reach the application at, e.g. https://reviews.partnership.example. Links in email
    /// are built from it and never from a request's Host header, which a caller can set to anything.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>
/// Writes every message twice, as plain text and as HTML, from the same paragraphs. Everything put into the
/// HTML is encoded, so nothing a user typed can become markup.
/// </summary>
/// <remarks>
/// Email leaves the partnership's systems, so a message names a review by its reference (LR-2026-0007) at
/// most: never a child, a family or a case detail. The reader follows the link and signs in to see more.
/// </remarks>
public sealed class EmailComposer(IOptions<AppOptions> app)
{
    private const string Footer = "This message was sent by Learning Reviews. Please do not reply to it.";

    public ComposedEmail Compose(string kind, string toAddress, string? toName, string subject,
        IReadOnlyList<string> paragraphs, EmailLink? link = null) =>
        Compose(kind, toAddress, toName, subject, paragraphs, link is null ? [] : [link]);

    /// <summary>A message with several links, each on its own line (a meeting invitation's accept, decline and maybe).</summary>
    public ComposedEmail Compose(string kind, string toAddress, string? toName, string subject,
        IReadOnlyList<string> paragraphs, IReadOnlyList<EmailLink> links)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(links);
        var greeting = string.IsNullOrWhiteSpace(toName) ? "Hello," : $"Dear {toName},";

        var text = new StringBuilder().Append(greeting).Append("\n\n");
        foreach (var paragraph in paragraphs) text.Append(paragraph).Append("\n\n");
        foreach (var link in links) text.Append(link.Text).Append(":\n").Append(LinkTo(link.Path)).Append("\n\n");
        text.Append(Footer).Append('\n');

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject))
            .Append("</title></head><body style=\"font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5;\">")
            .Append("<p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p>");
        foreach (var paragraph in paragraphs) html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        foreach (var link in links)
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(LinkTo(link.Path))).Append("\">")
                .Append(WebUtility.HtmlEncode(link.Text)).Append("</a></p>");
        }
        html.Append("<p style=\"color: #505a5f; font-size: 14px;\">").Append(WebUtility.HtmlEncode(Footer)).Append("</p></body></html>");

        return new ComposedEmail(kind, toAddress, toName, subject, text.ToString(), html.ToString());
    }

    /// <summary>The absolute address of an application page, from the configured public base URL.</summary>
    public string LinkTo(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Uri.TryCreate(app.Value.PublicBaseUrl, UriKind.Absolute, out var baseUrl)
            || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException("App:PublicBaseUrl must be the application's absolute http(s) address.");
        }
        return baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + path.TrimStart('/');
    }
}
