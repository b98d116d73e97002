namespace LearningReviews.Infrastructure.Email;

/// <summary>Bound from the "Email" configuration section (docs/email.md lists every setting).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender every message shows.</summary>
    public string FromAddress { get; set; } = "learning-reviews@localhost";
    public string FromName { get; set; } = "Learning Reviews";

    /// <summary>With no <see cref="SmtpOptions.Host"/>, messages are written here as .eml files instead of sent.</summary>
    public string PickupFolder { get; set; } = Path.Combine("data", "mail-pickup");

    public SmtpOptions Smtp { get; set; } = new();
    public DispatchOptions Dispatch { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>Empty: no mail server, use the pickup folder.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    /// <summary>Empty: the server is used without signing in.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>How the connection to the mail server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same host or a test server.</summary>
    None,
    /// <summary>Connect in plain text and upgrade with STARTTLS; refuse a server that cannot (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

public sealed class DispatchOptions
{
    /// <summary>How often the scheduler runs the dispatcher.</summary>
    public int IntervalSeconds { get; set; } = 10;
    /// <summary>Attempts before a message moves to the dead-letter list.</summary>
    public int MaxAttempts { get; set; } = 6;
    /// <summary>Wait after the first failure; each further failure doubles it, up to <see cref="MaxRetryDelayMinutes"/>.</summary>
    public int FirstRetryDelaySeconds { get; set; } = 60;
    public int MaxRetryDelayMinutes { get; set; } = 60;
    /// <summary>Messages one run sends at most; the next run takes the rest.</summary>
    public int BatchSize { get; set; } = 50;
    /// <summary>How long a claim holds: longer than one send can take, so no other instance sends it meanwhile.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>The wait before attempt number <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan RetryDelayAfter(int failedAttempts)
    {
        var doubling = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var delay = TimeSpan.FromSeconds(FirstRetryDelaySeconds * doubling);
        var cap = TimeSpan.FromMinutes(MaxRetryDelayMinutes);
        return delay < cap ? delay : cap;
    }
}
