using MimeKit;

namespace LearningReviews.Infrastructure.Email;

/// <summary>Turns a stored outbox row into the MIME message that is sent: plain text and HTML as alternatives.</summary>
public static class OutboxMimeMessage
{
    public static MimeMessage From(OutboxMessage outbox, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(options);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(outbox.ToName ?? "", outbox.ToAddress));
        message.Subject = outbox.Subject;
        // The outbox id names the message, so a copy that did arrive twice can be recognised as the same one.
        message.MessageId = $"{outbox.Id:N}@learning-reviews";
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(outbox.CreatedAt, DateTimeKind.Utc));
        var body = new BodyBuilder { TextBody = outbox.TextBody, HtmlBody = outbox.HtmlBody };
        if (outbox.AttachmentText is not null && outbox.AttachmentName is not null)
        {
            var type = ContentType.Parse(outbox.AttachmentContentType ?? "application/octet-stream");
            type.Charset ??= "utf-8";
            body.Attachments.Add(outbox.AttachmentName, System.Text.Encoding.UTF8.GetBytes(outbox.AttachmentText), type);
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}
