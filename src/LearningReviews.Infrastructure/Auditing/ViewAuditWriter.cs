using LearningReviews.Domain.Auditing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningReviews.Infrastructure.Auditing;

/// <summary>
/// Writes the views waiting in <see cref="PendingViewAudits"/>: everything that is waiting (up to
/// <see cref="ViewAuditSettings.BatchSize"/>) in one transaction, through <see cref="IAuditBatchStore"/>.
/// </summary>
/// <remarks>
/// A failed save is tried again with a growing wait until it succeeds; nothing is dropped while the
/// application runs. When the host stops, the queue is closed (later views are written by their own
/// request) and what is left is written before the host goes; only if that still fails after
/// <see cref="ViewAuditSettings.AttemptsWhenStopping"/> attempts, or the host's shutdown time runs out, are
/// the rows given up, and their number is logged as an error. Logs carry counts, never the rows' content.
/// </remarks>
public sealed class ViewAuditWriter(PendingViewAudits queue, IAuditBatchStore store, ViewAuditSettings settings, ILogger<ViewAuditWriter> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelayWhenStopping = TimeSpan.FromSeconds(1);

    // Cancelled when the host's shutdown time is up: the writer stops trying and counts what it could not write.
    private readonly CancellationTokenSource _giveUp = new();
    private long _givenUp;
    private int _ran;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        await using var registration = cancellationToken.Register(_giveUp.Cancel);
        await base.StopAsync(cancellationToken);
        // A host stopped very soon after it started may cancel ExecuteAsync before it ever ran: drain here then.
        if (Interlocked.Exchange(ref _ran, 1) == 0) await DrainAsync(stoppingToken: new CancellationToken(canceled: true));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interlocked.Exchange(ref _ran, 1) == 1) return;
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken)) await WriteNextBatchAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is already queued is written below.
        }
        await DrainAsync(stoppingToken);
    }

    /// <summary>Closes the queue and writes what is left in it (the shutdown's attempts rule).</summary>
    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            queue.Close();
            while (queue.Reader.TryPeek(out _)) await WriteNextBatchAsync(stoppingToken);
            if (_givenUp > 0)
            {
                logger.LogError("{Count} view audit rows could not be written before the application stopped", _givenUp);
            }
        }
        finally
        {
            queue.MarkDrained();
        }
    }

    private async Task WriteNextBatchAsync(CancellationToken stoppingToken)
    {
        var batch = new List<QueuedView>();
        while (batch.Count < Math.Max(1, settings.BatchSize) && queue.Reader.TryRead(out var item)) batch.Add(item);
        var events = batch.Where(item => item.Event is not null).Select(item => item.Event!).ToList();
        if (events.Count > 0) await SaveWithRetriesAsync(events, stoppingToken);
        // A flush learns that everything queued before it has been dealt with (saved, or given up and counted).
        foreach (var item in batch) item.Flushed?.TrySetResult();
    }

    private async Task SaveWithRetriesAsync(List<AuditEvent> events, CancellationToken stoppingToken)
    {
        var delay = settings.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.SaveAsync(events, retry: attempt > 1, _giveUp.Token);
                if (attempt > 1) logger.LogInformation("{Count} view audit rows written at attempt {Attempt}", events.Count, attempt);
                return;
            }
            catch (OperationCanceledException) when (_giveUp.IsCancellationRequested)
            {
                _givenUp += events.Count;
                return;
            }
#pragma warning disable CA1031 // Any failure of the save is retried: the rows must not be lost to an unforeseen exception type.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                var stopping = stoppingToken.IsCancellationRequested;
                // The exception's type only: a database's message can quote the row (a name, an address).
                var error = exception.GetBaseException().GetType().Name;
                if (stopping && attempt >= settings.AttemptsWhenStopping)
                {
                    logger.LogError("{Count} view audit rows not written after {Attempt} attempts ({ErrorType}) while stopping",
                        events.Count, attempt, error);
                    _givenUp += events.Count;
                    return;
                }
                if (stopping && delay > MaxRetryDelayWhenStopping) delay = MaxRetryDelayWhenStopping;
                logger.LogWarning("{Count} view audit rows not written at attempt {Attempt} ({ErrorType}); trying again in {Delay} ms",
                    events.Count, attempt, error, (long)delay.TotalMilliseconds);
            }
            try
            {
                // While running, a stop cuts the wait short; while stopping, only the end of the shutdown time does.
                await Task.Delay(delay, stoppingToken.IsCancellationRequested ? _giveUp.Token : stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // Try again at once; the next attempt sees whether the writer is stopping or has given up.
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxRetryDelay.Ticks));
        }
    }

    public override void Dispose()
    {
        _giveUp.Dispose();
        base.Dispose();
    }
}
