namespace LearningReviews.Web.Infrastructure;

/// <summary>
/// Headers that keep case data out of caches and other sites' frames. Scripts and styles come only
/// from this application; the one inline script (GOV.UK's "js enabled" class) is allowed by its hash.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private static readonly string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' " + InlineScripts.JsEnabledHash + "; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // A response may set a stricter policy of its own (an uploaded document's download sandboxes itself).
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (!context.Request.Path.StartsWithSegments("/css") && !context.Request.Path.StartsWithSegments("/js"))
            {
                // Pages hold personal data about children: never keep them in a shared or browser cache.
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
