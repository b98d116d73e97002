using System.Threading.RateLimiting;
using LearningReviews.Web.Startup;

namespace LearningReviews.Web.Infrastructure.Security;

/// <summary>
/// Counts sign-in and password-reset attempts per email address, whether or not an account has it, so a
/// guesser spread over many addresses still meets a limit, and the answer says nothing about the account.
/// </summary>
public sealed class SignInAttemptLimiter(RateLimitOptions limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.SignInPerAccount,
            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
            QueueLimit = 0,
        }));

    /// <summary>True when one more attempt for this email address is allowed now.</summary>
    public bool TryAttempt(string? email)
    {
        var key = (email ?? "").Trim().ToUpperInvariant();
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
