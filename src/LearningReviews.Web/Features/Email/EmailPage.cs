using LearningReviews.Infrastructure.Email;

namespace LearningReviews.Web.Features.Email;

public enum EmailList
{
    Waiting,
    Sent,
    DeadLettered,
}

public sealed record EmailRow(Guid Id, string Kind, string ToAddress, string Subject, OutboxStatus Status,
    DateTime CreatedAt, DateTime NextAttemptAt, int Attempts, DateTime? SentAt, DateTime? GaveUpAt, string? LastError);

public sealed record EmailPage(EmailList Shown, IReadOnlyList<EmailRow> Rows, int Page, int Pages, int Total,
    int WaitingCount, int SentCount, int DeadLetteredCount, string Destination)
{
    public static EmailList ListFrom(string? value) => value switch
    {
        "sent" => EmailList.Sent,
        "dead-lettered" => EmailList.DeadLettered,
        _ => EmailList.Waiting,
    };

    public static string Slug(EmailList list) => list switch
    {
        EmailList.Sent => "sent",
        EmailList.DeadLettered => "dead-lettered",
        _ => "waiting",
    };

    /// <summary>Discarded messages are listed with the dead-lettered ones they came from, marked as discarded.</summary>
    public static OutboxStatus[] StatusesOf(EmailList list) => list switch
    {
        EmailList.Sent => [OutboxStatus.Sent],
        EmailList.DeadLettered => [OutboxStatus.DeadLettered, OutboxStatus.Discarded],
        _ => [OutboxStatus.Pending],
    };
}
