using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace LearningReviews.BrowserTests;

/// <summary>
/// The app for the journeys that read the email it sends: the journeys' fixed running clock (a Wednesday,
/// see <see cref="JourneyAppHost"/>), and links in email made from a public address of its own, so a test
/// can tell that the link came from the setting. The scheduled job sends nothing while the app's clock is
/// on another day than the machine's (see <see cref="LearningReviewsAppHost.SendDueEmailAsync"/>), so
/// <see cref="Mailbox"/> sends the outbox itself, as the job would, while it waits. Messages
/// land as .eml files in <see cref="LearningReviewsAppHost.MailPickupFolder"/> (no mail server is
/// configured), where <see cref="Mailbox"/> reads them as a person's mail program would.
/// </summary>
public sealed class MailJourneyAppHost : LearningReviewsAppHost
{
    /// <summary>App:PublicBaseUrl on this host: the address every link in email starts with.</summary>
    public const string PublicBaseUrl = "https://learning-reviews.example/";

    private readonly RunningClock _clock;

    public MailJourneyAppHost() : this(new RunningClock(JourneyAppHost.Start))
    {
    }

    private MailJourneyAppHost(RunningClock clock) : base("", clock, new Dictionary<string, string>
    {
        ["Email:Dispatch:IntervalSeconds"] = "3600", // the mailbox sends the outbox; see above
        ["App:PublicBaseUrl"] = PublicBaseUrl,
    }) => _clock = clock;

    /// <summary>The date today by the app's clock: what the journeys' dates are measured from.</summary>
    public DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    public Mailbox Mailbox => new(MailPickupFolder, SendDueEmailAsync, OutboxSummaryAsync);

    /// <summary>
    /// The address on this test host of a link from an email. The link must start with the configured public
    /// address; its path and query are what the test host serves.
    /// </summary>
    public string FromEmailLink(string link)
    {
        Assert.StartsWith(PublicBaseUrl, link, StringComparison.Ordinal);
        return Url(new Uri(link).PathAndQuery);
    }
}

/// <summary>The .eml files the app wrote to its pickup folder, read with MimeKit.</summary>
public sealed partial class Mailbox(string folder, Func<Task> sendDue, Func<Task<string>> outbox)
{
    /// <summary>Sends what the outbox has due, then waits (up to half a minute) for a message to this address whose subject starts so.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, string subjectStart)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await sendDue();
            var messages = await ReadAllAsync();
            var found = messages.FirstOrDefault(m =>
                m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))
                && (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal));
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"No email to {to} with a subject starting '{subjectStart}' arrived in {folder}. It has: " +
                            string.Join("; ", messages.Select(m => $"{m.To} '{m.Subject}'")) + ". The outbox: " + await outbox());
            }
            await Task.Delay(250);
        }
    }

    private async Task<List<MimeMessage>> ReadAllAsync()
    {
        var messages = new List<MimeMessage>();
        if (!Directory.Exists(folder)) return messages;
        // The app writes each message under a temporary name and renames it, so an .eml is always whole.
        foreach (var file in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }
        return messages;
    }

    /// <summary>The address of the link with this text in the message's HTML part.</summary>
    public static string LinkIn(MimeMessage message, string text)
    {
        ArgumentNullException.ThrowIfNull(message);
        var html = message.HtmlBody ?? throw new InvalidOperationException($"'{message.Subject}' has no HTML part.");
        var links = LinkPattern().Matches(html).Select(m => (Text: WebUtility.HtmlDecode(m.Groups["text"].Value), Href: WebUtility.HtmlDecode(m.Groups["href"].Value))).ToList();
        var link = links.FirstOrDefault(l => l.Text == text);
        Assert.True(link.Href is not null, $"'{message.Subject}' has no link '{text}'; it has: {string.Join(", ", links.Select(l => l.Text))}");
        // The plain-text part carries the same address, for mail programs that show no HTML.
        Assert.Contains(link.Href, message.TextBody ?? "", StringComparison.Ordinal);
        return link.Href;
    }

    /// <summary>The text of the message's attachment of this MIME type (the .ics of an invitation).</summary>
    public static string AttachmentText(MimeMessage message, string mimeType)
    {
        ArgumentNullException.ThrowIfNull(message);
        var part = message.Attachments.OfType<MimePart>().FirstOrDefault(a => a.ContentType.MimeType == mimeType)
                   ?? throw new Xunit.Sdk.XunitException($"'{message.Subject}' has no {mimeType} attachment.");
        using var bytes = new MemoryStream();
        var content = part.Content ?? throw new Xunit.Sdk.XunitException($"The {mimeType} attachment of '{message.Subject}' is empty.");
        content.DecodeTo(bytes);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\">(?<text>[^<]+)</a>")]
    private static partial Regex LinkPattern();
}
