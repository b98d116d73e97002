using LearningReviews.Infrastructure.Email;
using LearningReviews.Infrastructure.Persistence;

namespace LearningReviews.Web.Features.Email;

/// <summary>
/// Queues email in the unit of work of the change that causes it. <see cref="Enqueue"/> only adds the
/// message to the DbContext: the caller's own SaveChanges writes it together with the change, in one
/// transaction, so a message exists exactly when its change was saved. The dispatcher sends it later.
/// </summary>
public sealed class EmailOutbox(LearningReviewsDbContext db, TimeProvider clock)
{
    public OutboxMessage Enqueue(ComposedEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Kind = email.Kind,
            ToAddress = email.ToAddress,
            ToName = email.ToName,
            Subject = email.Subject,
            TextBody = email.TextBody,
            HtmlBody = email.HtmlBody,
            AttachmentName = email.Attachment?.FileName,
            AttachmentContentType = email.Attachment?.ContentType,
            AttachmentText = email.Attachment?.Text,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.EmailOutbox.Add(message);
        return message;
    }
}
