using LearningReviews.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace LearningReviews.Web.Startup;

public static class Pipeline
{
    public static void UseLearningReviewsPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseLearningReviewsRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<NulCharacterFilter>();
        app.UseStaticFiles();
        app.UseRouting();
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
        app.MapControllers();
    }
}
