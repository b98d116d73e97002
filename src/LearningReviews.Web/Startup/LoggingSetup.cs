using Serilog;
using Serilog.Events;

namespace LearningReviews.Web.Startup;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog through the logging builder (Serilog.AspNetCore is not in the registry here): console and a
    /// daily rolling file, both overridable from the "Serilog" configuration section. Framework request
    /// logs are turned down because RequestLoggingMiddleware writes one line per request itself.
    /// </summary>
    public static void AddLearningReviewsLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logFolder = Path.Combine(builder.Environment.ContentRootPath, "logs");
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .ReadFrom.Configuration(builder.Configuration);

        if (builder.Configuration.GetValue("Logging:Console", true))
        {
            configuration.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
        if (builder.Configuration.GetValue("Logging:File", true))
        {
            configuration.WriteTo.File(
                Path.Combine(logFolder, "learningreviews-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        var logger = configuration.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
    }
}
