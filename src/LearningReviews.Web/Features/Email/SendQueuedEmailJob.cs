using Quartz;

namespace LearningReviews.Web.Features.Email;

/// <summary>
/// The scheduled job that runs the dispatcher every Email:Dispatch:IntervalSeconds. On a clustered job store
/// one instance fires each run; the dispatcher's claims keep each message to one sender even so.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SendQueuedEmailJob(EmailDispatcher dispatcher) : IJob
{
    public const string Name = "send-queued-email";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.DispatchDueAsync(cancellationToken);
}
