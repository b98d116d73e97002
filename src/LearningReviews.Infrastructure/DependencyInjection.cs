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
    /// Registers the DbContext on the configured provider. This is the one place that knows which
    /// engines exist: adding another is a package, a case here and a connection string.
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
        services.AddScoped<AuditLog>();
        services.AddScoped<ReviewReferenceGenerator>();
        return services;
    }

    public static void ConfigureProvider(DbContextOptionsBuilder db, DatabaseProvider provider,
        string? connectionString, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(db);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                db.UseSqlite(connectionString ?? DefaultSqliteConnectionString(contentRootPath));
                break;
            case DatabaseProvider.PostgreSQL:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is PostgreSQL but ConnectionStrings:Default is not set.");
                }
                db.UseNpgsql(connectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'. Use Sqlite or PostgreSQL.");
        }
    }

    /// <summary>With no configuration the database is a file under data/ in the content root.</summary>
    public static string DefaultSqliteConnectionString(string contentRootPath)
    {
        var folder = Path.Combine(contentRootPath, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "learningreviews.db")}";
    }
}
