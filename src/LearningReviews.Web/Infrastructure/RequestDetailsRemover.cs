using Serilog.Core;
using Serilog.Events;

namespace LearningReviews.Web.Infrastructure;

/// <summary>
/// Takes out of every log event the properties that can carry a path, a query string or a redirect
/// target, and with them a review's id or a person's email. ASP.NET adds some of them to every event
/// written during a request (RequestPath, from its logging scope); framework events name others.
/// Correlation ids (RequestId, ConnectionId, TraceId) stay: they identify a request, not a person.
/// </summary>
public sealed class RequestDetailsRemover : ILogEventEnricher
{
    private static readonly string[] Removed =
    [
        "RequestPath", "Path", "PathBase", "QueryString", "Query", "Url", "Uri", "RedirectUri", "RedirectUrl",
        "ReturnUrl", "Referer", "Host",
        // Scopes that are not name/value pairs are kept as text under "Scope", which can include the path.
        "Scope",
    ];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var name in Removed)
        {
            logEvent.RemovePropertyIfPresent(name);
        }
    }
}
