using LearningReviews.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace LearningReviews.Web.Startup;

public static class Pipeline
{
    public static void UseLearningReviewsPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First: everything after it (logging, HSTS, redirects, cookies, the audit log's address) sees the
        // client's address and https as the trusted proxy reports them (Startup/ProxyAndCookies.cs).
        app.UseForwardedHeaders();
        app.UseLearningReviewsRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
            // Health probes come over plain http from inside the host or cluster and carry no cookies.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<NulCharacterFilter>();
        app.UseStaticFiles();
        app.UseRouting();
        // After routing, so each endpoint's [EnableRateLimiting] policy is known.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(report.Status.ToString());
            },
        }).AllowAnonymous();
        // Liveness only: answers without the database, so a load test has a floor to compare pages with
        // (tests/scripts/load-benchmark.sh) and a probe can tell "process up" from "database reachable".
        app.MapGet("/health/live", () => "Healthy").AllowAnonymous();
        app.MapControllers();
    }
}
