using System.Diagnostics;

namespace LearningReviews.Web.Infrastructure;

/// <summary>
/// Writes one line per request: method, route template, status and elapsed time. The route template
/// ("reviews/{id}") is logged rather than the path, and never the query string or form, so no
/// identifiers or personal data reach the logs.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template
                ? "/" + template.TrimStart('/')
                : Path.HasExtension(context.Request.Path.Value) ? "static file" : "unmatched";
            logger.LogInformation("HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms",
                context.Request.Method, route, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
