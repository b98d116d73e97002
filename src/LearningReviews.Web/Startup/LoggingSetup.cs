using Serilog;
using Serilog.Extensions.Logging;

namespace LearningReviews.Web.Startup;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog through the logging builder (Serilog.AspNetCore is not in the registry here): console and a
    /// daily rolling file, both overridable from the "Serilog" configuration section.
    /// </summary>
    /// <remarks>
    /// Framework logs are turned down to warnings in the logging builder, so the rule holds for every
    /// provider: their information lines carry paths and redirect targets, and RequestLoggingMiddleware
    /// already writes one line per request with the route template instead.
    /// </remarks>
    public static void AddLearningReviewsLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logFolder = Path.Combine(builder.Environment.ContentRootPath, "logs");
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .Enrich.FromLogContext()
            .ReadFrom.Configuration(builder.Configuration);

        if (builder.Configuration.GetValue("LogSinks:Console", true))
        {
            configuration.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
        if (builder.Configuration.GetValue("LogSinks:File", true))
        {
            configuration.WriteTo.File(
                Path.Combine(logFolder, "learningreviews-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        var logger = configuration.CreateLogger();
        builder.Logging.ClearProviders();
        foreach (var noisy in new[] { "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore" })
        {
            // AddSerilog adds a Trace rule for its own provider, which outranks general rules: say it for both.
            builder.Logging.AddFilter(noisy, LogLevel.Warning);
            builder.Logging.AddFilter<SerilogLoggerProvider>(noisy, LogLevel.Warning);
        }
        builder.Logging.AddSerilog(logger, dispose: true);
    }
}
