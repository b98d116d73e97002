using System.Threading.RateLimiting;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningReviews.Web.Startup;

/// <summary>
/// Limits how fast anyone can guess passwords or setup tokens. Per client address here, with ASP.NET Core's
/// rate-limiting middleware; per account in <see cref="SignInAttemptLimiter"/>, because the account is in
/// the form body, which the middleware cannot read without blocking.
/// </summary>
public static class RateLimiting
{
    public const string SignInPolicy = "sign-in";
    public const string SetupPolicy = "setup";

    public static IServiceCollection AddLearningReviewsRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(limits);
        services.AddSingleton<SignInAttemptLimiter>();
        services.AddRateLimiter(options =>
        {
            // No body: the status code page (Features/Errors) explains it in GOV.UK style.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = limits.WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(SignInPolicy, context => PerAddress(context, "sign-in", limits.SignInPerAddress, limits.WindowSeconds));
            options.AddPolicy(SetupPolicy, context => PerAddress(context, "setup", limits.SetupPerAddress, limits.WindowSeconds));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, string purpose, int permits, int windowSeconds)
    {
        // Only attempts count: reading the page is free. The address is the one the forwarded-headers
        // middleware settled on, so behind a configured proxy it is the client's, not the proxy's.
        if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter(purpose);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(purpose + ":" + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(windowSeconds),
            QueueLimit = 0,
        });
    }
}

/// <summary>Bound from the "RateLimits" configuration section. Counts are attempts per window, per address or per account.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int WindowSeconds { get; set; } = 60;
    public int SignInPerAddress { get; set; } = 30;
    public int SignInPerAccount { get; set; } = 10;
    public int SetupPerAddress { get; set; } = 10;
}
