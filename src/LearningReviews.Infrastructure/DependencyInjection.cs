using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Infrastructure.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the DbContext on the configured provider (<see cref="DatabaseProviderSetup"/> is the
    /// one place that knows which engines exist).
    /// </summary>
    /// <remarks>
    /// Configuration is read when the first DbContext is configured, not at registration, so a host
    /// (or a test host) may still add settings after this call.
    /// </remarks>
    public static IServiceCollection AddLearningReviewsPersistence(this IServiceCollection services, string contentRootPath)
    {
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>().GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions());
        services.AddScoped<AuditableEntityInterceptor>();
        services.AddDbContext<LearningReviewsDbContext>((provider, db) =>
        {
            var options = provider.GetRequiredService<DatabaseOptions>();
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString("Default");
            ConfigureProvider(db, options.Provider, connectionString, contentRootPath);
            db.AddInterceptors(provider.GetRequiredService<AuditableEntityInterceptor>());
        });
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<DataStepLedger>();
        services.AddScoped<AuditLog>();
        // Page views' audit rows are queued and written in batches off the request (ViewAuditWriter).
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>().GetSection(ViewAuditSettings.Section).Get<ViewAuditSettings>() ?? new ViewAuditSettings());
        services.AddSingleton<PendingViewAudits>();
        services.AddSingleton<IAuditBatchStore, AuditBatchStore>();
        services.AddHostedService<ViewAuditWriter>();
        services.AddScoped<ReviewReferenceGenerator>();
        return services;
    }

    /// <summary>Kept for callers that configure a context by hand (tests, tools): see <see cref="DatabaseProviderSetup"/>.</summary>
    public static void ConfigureProvider(DbContextOptionsBuilder db, DatabaseProvider provider,
        string? connectionString, string contentRootPath) =>
        db.UseConfiguredProvider(provider, connectionString, contentRootPath);
}
