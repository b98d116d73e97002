using LearningReviews.Infrastructure.Email;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningReviews.Web.Features.Email;

/// <summary>The name this application instance claims messages under, unique among the instances sharing a database.</summary>
public sealed class DispatcherIdentity
{
    // Host names are at most 63 characters, so this fits the 200 of ClaimedBy.
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}

/// <summary>What one run of the dispatcher did.</summary>
public sealed record DispatchResult(int Sent, int Failed, int DeadLettered);

/// <summary>
/// Sends the messages that are due. Each message is first claimed with one conditional UPDATE (pending, due,
/// and not held by anyone else's unexpired lease); only the instance whose UPDATE changed the row sends it.
/// The databases serialise concurrent UPDATEs of one row, so when several web instances share a PostgreSQL
/// or SQL Server database, exactly one of them wins each message.
/// </summary>
/// <remarks>
/// A failed attempt counts against the message and moves its next attempt later, doubling each time
/// (Email:Dispatch); after the configured number of attempts it moves to the dead-letter list, where an
/// administrator retries or discards it. If an instance dies while sending, its lease expires and another
/// instance sends the message; that is the one case in which a message can arrive twice.
/// </remarks>
public sealed class EmailDispatcher(
    LearningReviewsDbContext db,
    IEmailTransport transport,
    IOptions<EmailOptions> options,
    DispatcherIdentity identity,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger)
{
    public async Task<DispatchResult> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var dueIds = await db.EmailOutbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil <= now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(Math.Max(1, settings.Dispatch.BatchSize))
            .ToListAsync(cancellationToken);

        int sent = 0, failed = 0, deadLettered = 0;
        foreach (var id in dueIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await TryClaimAsync(id, settings.Dispatch, cancellationToken)) continue; // another instance has it
            var message = await db.EmailOutbox.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                await transport.SendAsync(OutboxMimeMessage.From(message, settings), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed++;
                if (await RecordFailureAsync(message, exception, settings.Dispatch)) deadLettered++;
                continue;
            }
            await RecordSentAsync(id);
            sent++;
        }
        if (dueIds.Count > 0)
        {
            // Counts and ids only: addresses and subjects stay out of the logs.
            logger.LogInformation("Email dispatch: {Sent} sent, {Failed} failed, {DeadLettered} dead-lettered", sent, failed, deadLettered);
        }
        return new DispatchResult(sent, failed, deadLettered);
    }

    private async Task<bool> TryClaimAsync(Guid id, DispatchOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now.AddSeconds(Math.Max(30, settings.LeaseSeconds));
        var claimed = await db.EmailOutbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
                        && (m.LeaseUntil == null || m.LeaseUntil <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, identity.Name)
                .SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
        return claimed == 1;
    }

    private async Task RecordSentAsync(Guid id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Not cancellable: the message has gone, and forgetting that would send it again.
        await db.EmailOutbox
            .Where(m => m.Id == id && m.ClaimedBy == identity.Name)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.LastAttemptAt, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
    }

    /// <returns>True when the message has now used all its attempts and moved to the dead-letter list.</returns>
    private async Task<bool> RecordFailureAsync(OutboxMessage message, Exception exception, DispatchOptions settings)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        var giveUp = attempts >= Math.Max(1, settings.MaxAttempts);
        var error = exception is MailKit.Net.Smtp.SmtpCommandException refused
            ? $"The mail server refused it ({(int)refused.StatusCode}): {refused.Message}"
            : $"{exception.GetType().Name}: {exception.Message}";
        if (error.Length > 1000) error = error[..1000];
        logger.LogWarning("Email {MessageId} failed attempt {Attempt} ({ErrorType}){Outcome}", message.Id, attempts,
            exception.GetType().Name, giveUp ? "; moved to the dead-letter list" : "");
        await db.EmailOutbox
            .Where(m => m.Id == message.Id && m.ClaimedBy == identity.Name)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, giveUp ? OutboxStatus.DeadLettered : OutboxStatus.Pending)
                .SetProperty(m => m.GaveUpAt, giveUp ? now : null)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastAttemptAt, now)
                .SetProperty(m => m.NextAttemptAt, giveUp ? message.NextAttemptAt : now + settings.RetryDelayAfter(attempts))
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
        return giveUp;
    }
}
