using LearningReviews.Infrastructure.Email;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Infrastructure.Scheduling;
using LearningReviews.Web.Features.Email;
using Microsoft.Extensions.Options;
using Quartz;

namespace LearningReviews.Web.Startup;

/// <summary>The email outbox and the scheduler that sends it (docs/email.md).</summary>
public static class EmailAndScheduling
{
    public static IServiceCollection AddLearningReviewsEmail(this IServiceCollection services, string contentRootPath)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section);
        services.AddSingleton<DispatcherIdentity>();
        // With no mail server configured, messages become .eml files under data/, so a fresh install works.
        services.AddSingleton<IEmailTransport>(provider =>
        {
            var email = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
            return string.IsNullOrWhiteSpace(email.Smtp.Host)
                ? new PickupFolderEmailTransport(PickupFolderEmailTransport.ResolveFolder(email.PickupFolder, contentRootPath))
                : new SmtpEmailTransport(email.Smtp);
        });
        services.AddScoped<EmailOutbox>();
        services.AddSingleton<EmailComposer>();
        services.AddScoped<EmailDispatcher>();
        services.AddSingleton<Features.Meetings.MeetingAnswerLinks>();
        services.AddScoped<Features.Meetings.MeetingInvitations>();
        services.AddScoped<Features.Meetings.MeetingReminders>();
        return services;
    }

    /// <summary>
    /// Quartz.NET runs the application's recurring work (sending email now; reminders and digests later).
    /// On PostgreSQL and SQL Server its schedule lives in the application's database (the QRTZ_ tables the
    /// migrations create) and the instances sharing that database form a cluster: each run fires on one of
    /// them. SQLite is a single-instance database, so there the schedule is kept in memory.
    /// </summary>
    private static TimeZoneInfo PartnershipTimeZone(IConfiguration configuration) =>
        Infrastructure.PartnershipTime.ZoneOrUtc(configuration["Calendar:TimeZone"], out _);

    public static IServiceCollection AddLearningReviewsScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection("Database").Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        services.AddQuartz(quartz =>
        {
            // The scheduler keeps real time even when a test gives the application a controllable clock.
            quartz.UseTimeProvider(TimeProvider.System);
            if (provider is DatabaseProvider.PostgreSQL or DatabaseProvider.SqlServer)
            {
                quartz.UsePersistentStore(store =>
                {
                    if (provider == DatabaseProvider.PostgreSQL)
                    {
                        store.UsePostgres(source => source.ConnectionStringName = "Default");
                    }
                    else
                    {
                        store.UseSqlServer(source => source.ConnectionStringName = "Default");
                    }
                    store.UseClustering();
                    store.ConfigureStore(options =>
                    {
                        options.TablePrefix = QuartzTables.TablePrefix;
                        // The tables come from the application's migrations; Quartz only checks they are there.
                        options.SchemaProvisioning = SchemaProvisioning.Validate;
                    });
                });
            }
            else
            {
                quartz.UseInMemoryStore();
            }
            quartz.ScheduleJob<SendQueuedEmailJob>((services, trigger) =>
            {
                var interval = TimeSpan.FromSeconds(Math.Max(1,
                    services.GetRequiredService<IOptions<EmailOptions>>().Value.Dispatch.IntervalSeconds));
                // The first run is one interval after startup, not during it.
                trigger.WithIdentity(SendQueuedEmailJob.Name)
                    .StartAt(TimeProvider.System.GetUtcNow() + interval)
                    .WithSimpleSchedule(interval);
            });
            // Meeting reminders of the working day before: hourly through the working day, London time.
            quartz.ScheduleJob<Features.Meetings.SendMeetingRemindersJob>(trigger => trigger
                .WithIdentity(Features.Meetings.SendMeetingRemindersJob.Name)
                .WithCronSchedule("0 0 7-18 ? * MON-FRI", cron => cron.InTimeZone(
                    PartnershipTimeZone(configuration))));
            // Reminders before information requests' deadlines: every working morning at 7, partnership time.
            quartz.ScheduleJob<Features.InformationRequests.SendInformationRequestRemindersJob>(trigger => trigger
                .WithIdentity(Features.InformationRequests.SendInformationRequestRemindersJob.Name)
                .WithCronSchedule("0 0 7 ? * MON-FRI", cron => cron.InTimeZone(
                    PartnershipTimeZone(configuration))));
            // Overdue actions' escalation and the weekly digests of open actions (docs/action-plans.md).
            Features.ActionReminders.ActionReminderSetup.Schedule(quartz, PartnershipTimeZone(configuration));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
