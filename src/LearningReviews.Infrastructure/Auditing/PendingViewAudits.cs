using System.Threading.Channels;
using LearningReviews.Domain.Auditing;

namespace LearningReviews.Infrastructure.Auditing;

/// <summary>
/// The views waiting to be written to the audit log. A page view builds its audit row on the request (the
/// time, the person and the address are the view's own) and leaves it here; <see cref="ViewAuditWriter"/>
/// saves what is waiting in batches, so a page no longer waits for the audit log's write lock.
/// </summary>
/// <remarks>
/// Bounded, and nothing is dropped: when it is full a view waits for room, as it used to wait for its own
/// save. Once the writer has stopped, the queue is closed and <see cref="TryEnqueueAsync"/> says so, and the
/// caller writes the row itself. One per web instance.
/// </remarks>
public sealed class PendingViewAudits
{
    private readonly Channel<QueuedView> _channel;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingViewAudits(ViewAuditSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _channel = Channel.CreateBounded<QueuedView>(new BoundedChannelOptions(Math.Max(1, settings.ViewQueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>How many views (and flush markers) are waiting right now.</summary>
    public int Pending => _channel.Reader.Count;

    internal ChannelReader<QueuedView> Reader => _channel.Reader;

    /// <summary>Leaves a view's row to be written; false when the queue has closed (the host is stopping).</summary>
    public async ValueTask<bool> TryEnqueueAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        try
        {
            await _channel.Writer.WriteAsync(new QueuedView(auditEvent, null), cancellationToken);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Completes when every view queued before this call has been written (or, if the host is stopping,
    /// when the writer has finished with what was left).
    /// </summary>
    /// <remarks>
    /// A marker goes into the queue behind those views; the writer answers it after saving the batch it came in.
    /// </remarks>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _channel.Writer.WriteAsync(new QueuedView(null, flushed), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            await _drained.Task.WaitAsync(cancellationToken);
            return;
        }
        await flushed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>No more views are taken; those already queued are still written.</summary>
    internal void Close() => _channel.Writer.TryComplete();

    /// <summary>The writer has finished with everything it will ever write.</summary>
    internal void MarkDrained() => _drained.TrySetResult();
}

/// <summary>A view's row to write, or (with no row) a flush waiting to hear that everything before it is written.</summary>
internal readonly record struct QueuedView(AuditEvent? Event, TaskCompletionSource? Flushed);
