using LearningReviews.Web.Infrastructure;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace LearningReviews.Web.Startup;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog as the application's only logging pipeline: console, a daily rolling text file and, when
    /// switched on, a daily rolling compact-JSON file, each chosen under "LogSinks"; anything else (levels,
    /// further sinks) from the "Serilog" configuration section.
    /// </summary>
    /// <remarks>
    /// Framework and EF Core logs are turned down to warnings: their information lines carry paths and
    /// redirect targets, and the request logging already writes one line per request with the route
    /// template instead. The static Log.Logger is left alone so that several hosts in one process (the
    /// tests) each keep their own logger, and events also reach any ILoggerProvider a host registers.
    /// </remarks>
    public static void AddLearningReviewsLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Serilog writes to the console itself; the default providers would repeat every line.
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(Configure, preserveStaticLogger: true, writeToProviders: true);
    }

    private static void Configure(IServiceProvider services, LoggerConfiguration logger)
    {
        var settings = services.GetRequiredService<IConfiguration>();
        var folder = Path.Combine(services.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            settings["LogSinks:Folder"] ?? "logs");
        var formats = System.Globalization.CultureInfo.InvariantCulture;

        logger.MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .ReadFrom.Configuration(settings);

        // The sinks sit behind a sub-logger because ASP.NET's scope properties (RequestPath and the like) are
        // added to an event after the root logger's enrichers have run; a sub-logger sees the finished event.
        logger.WriteTo.Logger(sinks =>
        {
            sinks.Enrich.With<RequestDetailsRemover>();
            if (settings.GetValue("LogSinks:Console", true))
            {
                sinks.WriteTo.Console(formatProvider: formats);
            }
            if (settings.GetValue("LogSinks:File", true))
            {
                sinks.WriteTo.File(Path.Combine(folder, "learningreviews-.log"),
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31, formatProvider: formats);
            }
            if (settings.GetValue("LogSinks:JsonFile", false))
            {
                // One JSON object a line, for a log collector; the same events and the same rules as the text file.
                sinks.WriteTo.File(new CompactJsonFormatter(), Path.Combine(folder, "learningreviews-.json"),
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31);
            }
        });
    }

    /// <summary>
    /// One line per request: "HTTP POST /reviews/propose responded 302 in 41.0 ms". The route template
    /// ("/reviews/{id:guid}") stands where Serilog would put the path, so no identifier, query string or
    /// form value reaches the logs.
    /// </summary>
    public static void UseLearningReviewsRequestLogging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSerilogRequestLogging(options =>
        {
            // The host's own logger: with the static logger left alone, the default would write nowhere.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod:l} {Route:l} responded {StatusCode} in {Elapsed:0.0} ms";
            options.IncludeQueryInRequestPath = false;
            // Replaces Serilog's RequestPath property, which would carry ids, with the route template.
            options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("Route", new ScalarValue(RouteOf(context))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
    }

    internal static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template
            ? "/" + template.TrimStart('/')
            : Path.HasExtension(context.Request.Path.Value) ? "static file" : "unmatched";
}
