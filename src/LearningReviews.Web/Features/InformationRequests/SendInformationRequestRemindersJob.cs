using Quartz;

namespace LearningReviews.Web.Features.InformationRequests;

/// <summary>
/// Every working morning, queues the reminders for information requests due in
/// InformationRequestRules.ReminderWorkingDaysBefore working days. Each reminder is recorded on its request
/// in the same save as its message, so a second run (or a second instance) finds nothing left to send.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SendInformationRequestRemindersJob(InformationRequestService service, ILogger<SendInformationRequestRemindersJob> log) : IJob
{
    public const string Name = "send-information-request-reminders";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var queued = await service.SendDueRemindersAsync(cancellationToken);
        if (queued > 0) log.LogInformation("Queued {Count} information request reminders", queued);
    }
}
