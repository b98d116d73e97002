namespace LearningReviews.Infrastructure.Email;

/// <summary>
/// One email waiting to be sent, sent, or given up on. It is added to the same unit of work as the change
/// that causes it (see EmailOutbox in the web project), so an email is queued exactly when its change is
/// saved: never for a change that was rolled back, never lost for one that was saved.
/// </summary>
/// <remarks>
/// A dispatcher claims a row by writing its name and a lease into it with one conditional UPDATE; only the
/// instance whose UPDATE changed the row sends it. The lease expires, so a message held by an instance that
/// died is picked up again by another.
/// </remarks>
public class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>What kind of message it is ("Test", later "Reminder", "Digest"…): for the admin page, never a case detail.</summary>
    public required string Kind { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }

    /// <summary>An optional text attachment (a meeting's .ics invitation): its file name, MIME type and content.</summary>
    public string? AttachmentName { get; set; }
    /// <summary>The attachment's full content type, parameters included (text/calendar; method=REQUEST).</summary>
    public string? AttachmentContentType { get; set; }
    public string? AttachmentText { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public DateTime CreatedAt { get; set; }
    /// <summary>Not sent before this time: set at queueing, and moved later after each failed attempt.</summary>
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    /// <summary>Why the last attempt failed (exception type and message), shown to administrators.</summary>
    public string? LastError { get; set; }

    /// <summary>The dispatcher instance holding the message while it sends it.</summary>
    public string? ClaimedBy { get; set; }
    /// <summary>The claim holds until this time; after it another instance may claim the message.</summary>
    public DateTime? LeaseUntil { get; set; }

    public DateTime? SentAt { get; set; }
    /// <summary>When it was moved to the dead-letter list, or discarded from it.</summary>
    public DateTime? GaveUpAt { get; set; }
}

/// <summary>Where a message is in its life. Stored as text so the database reads plainly.</summary>
public enum OutboxStatus
{
    Pending,
    Sent,
    /// <summary>Failed the configured number of times; waits for an administrator to retry or discard it.</summary>
    DeadLettered,
    /// <summary>Discarded from the dead-letter list by an administrator; kept for the record.</summary>
    Discarded,
}
