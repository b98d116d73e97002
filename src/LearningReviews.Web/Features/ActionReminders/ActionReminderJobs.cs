using Microsoft.Extensions.Options;
using Quartz;

namespace LearningReviews.Web.Features.ActionReminders;

/// <summary>Every working morning: overdue actions' escalation steps that have come due.</summary>
[DisallowConcurrentExecution]
public sealed class EscalateOverdueActionsJob(OverdueActionEscalation escalation, ILogger<EscalateOverdueActionsJob> log) : IJob
{
    public const string Name = "escalate-overdue-actions";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await escalation.SendDueAsync(cancellationToken);
        if (sent > 0) log.LogInformation("Queued {Count} overdue action escalations", sent);
    }
}

/// <summary>Every morning: the week's digests of open actions, once the digest day has come.</summary>
[DisallowConcurrentExecution]
public sealed class SendActionDigestsJob(ActionDigests digests, ILogger<SendActionDigestsJob> log) : IJob
{
    public const string Name = "send-action-digests";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await digests.SendDueAsync(cancellationToken);
        if (sent > 0) log.LogInformation("Queued {Count} weekly action digests", sent);
    }
}

/// <summary>The services and schedule of action escalation and digests, kept here so startup needs one line each.</summary>
public static class ActionReminderSetup
{
    public static IServiceCollection AddActionReminders(this IServiceCollection services)
    {
        services.AddOptions<ActionReminderOptions>().BindConfiguration(ActionReminderOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ActionReminderOptions>, ActionReminderOptionsValidator>();
        services.AddScoped<OverdueActionEscalation>();
        services.AddScoped<ActionDigests>();
        return services;
    }

    /// <summary>
    /// Escalation at 7:15 on working days; digests at 7:30 every day (the digest decides whether its day has come, so
    /// a digest day at the weekend works too). Partnership time; fixed identities for the persistent store.
    /// </summary>
    public static void Schedule(IQuartzBuilder quartz, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ScheduleJob<EscalateOverdueActionsJob>(trigger => trigger
            .WithIdentity(EscalateOverdueActionsJob.Name)
            .WithCronSchedule("0 15 7 ? * MON-FRI", cron => cron.InTimeZone(zone)));
        quartz.ScheduleJob<SendActionDigestsJob>(trigger => trigger
            .WithIdentity(SendActionDigestsJob.Name)
            .WithCronSchedule("0 30 7 * * ?", cron => cron.InTimeZone(zone)));
    }
}
