using System.Collections.Concurrent;
using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Auditing;
using Microsoft.Extensions.Logging;

namespace LearningReviews.UnitTests.Auditing;

/// <summary>
/// The batching writer of view audits, with its save step replaced by a store that fails on demand: a failed
/// save is retried, not lost, and the log says how many rows, never whose.
/// </summary>
public sealed class ViewAuditWriterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly ViewAuditSettings QuickRetries = new()
    {
        FirstRetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        AttemptsWhenStopping = 3,
    };

    [Fact]
    public async Task A_batch_whose_first_save_fails_is_saved_on_the_retry_with_nothing_lost()
    {
        var store = new FlakyStore(failures: 1);
        var logger = new CapturingLogger();
        var queue = new PendingViewAudits(QuickRetries);
        using var writer = new ViewAuditWriter(queue, store, QuickRetries, logger);
        var views = Enumerable.Range(1, 3).Select(View).ToList();
        foreach (var view in views) Assert.True(await queue.TryEnqueueAsync(view));

        await writer.StartAsync(CancellationToken.None);
        await queue.FlushAsync().WaitAsync(Patience);

        Assert.Equal(views.Select(v => v.Id).Order(), store.Saved.Select(v => v.Id).Order());
        Assert.True(store.Attempts.Count >= 2);
        Assert.False(store.Attempts[0].Retry);
        Assert.True(store.Attempts[^1].Retry);
        Assert.Contains(logger.Lines, line => line.Level == LogLevel.Warning && line.Text.StartsWith("3 view audit rows not written at attempt 1", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, line => line.Text.Contains("reader@example.org", StringComparison.Ordinal));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Views_waiting_at_stop_are_written_before_the_writer_stops_and_later_views_are_refused_to_the_queue()
    {
        var store = new FlakyStore(failures: 0) { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var queue = new PendingViewAudits(QuickRetries);
        using var writer = new ViewAuditWriter(queue, store, QuickRetries, new CapturingLogger());
        await writer.StartAsync(CancellationToken.None);
        var views = Enumerable.Range(1, 40).Select(View).ToList();
        foreach (var view in views) Assert.True(await queue.TryEnqueueAsync(view));

        var stopping = writer.StopAsync(CancellationToken.None);
        // Once stopping begins the queue takes no more: the request writes its view itself.
        Assert.False(await queue.TryEnqueueAsync(View(41)));
        await Task.Delay(100);
        Assert.False(stopping.IsCompleted);
        store.Gate.SetResult();
        await stopping.WaitAsync(Patience);

        Assert.Equal(views.Select(v => v.Id).Order(), store.Saved.Select(v => v.Id).Order());
        await queue.FlushAsync().WaitAsync(Patience); // a flush after the stop does not wait for ever
    }

    [Fact]
    public async Task At_stop_rows_that_still_cannot_be_saved_are_given_up_after_the_attempts_and_counted_as_an_error()
    {
        var store = new FlakyStore(failures: int.MaxValue);
        var logger = new CapturingLogger();
        var queue = new PendingViewAudits(QuickRetries);
        using var writer = new ViewAuditWriter(queue, store, QuickRetries, logger);
        await writer.StartAsync(CancellationToken.None);
        foreach (var view in Enumerable.Range(1, 5).Select(View)) Assert.True(await queue.TryEnqueueAsync(view));

        await writer.StopAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Empty(store.Saved);
        Assert.Contains(logger.Lines, line => line.Level == LogLevel.Error && line.Text.StartsWith("5 view audit rows could not be written", StringComparison.Ordinal));
    }

    private static AuditEvent View(int number) => new()
    {
        OccurredAt = new DateTime(2026, 6, 10, 9, 0, number, DateTimeKind.Utc),
        UserId = "user-1",
        UserName = "reader@example.org",
        Action = AuditActions.Viewed,
        EntityType = "Review",
        EntityId = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Fails its first <c>failures</c> saves (as a locked or unreachable database would), then keeps what it is given.</summary>
    private sealed class FlakyStore(int failures) : IAuditBatchStore
    {
        private int _failuresLeft = failures;
        public ConcurrentQueue<AuditEvent> SavedQueue { get; } = new();
        public List<AuditEvent> Saved => [.. SavedQueue];
        public List<(int Count, bool Retry)> Attempts { get; } = [];
        public TaskCompletionSource? Gate { get; init; }

        public async Task SaveAsync(IReadOnlyList<AuditEvent> batch, bool retry, CancellationToken cancellationToken)
        {
            lock (Attempts) Attempts.Add((batch.Count, retry));
            if (Gate is not null) await Gate.Task.WaitAsync(cancellationToken);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                throw new InvalidOperationException("Failing row contains reader@example.org");
            }
            foreach (var row in batch) SavedQueue.Enqueue(row);
        }
    }

    private sealed class CapturingLogger : ILogger<ViewAuditWriter>
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Entries { get; } = new();
        public List<(LogLevel Level, string Text)> Lines => [.. Entries];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            // The exception's text counts as logged too: it must not carry the row either.
            Entries.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
        }
    }
}
