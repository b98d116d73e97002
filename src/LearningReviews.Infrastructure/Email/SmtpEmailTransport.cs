using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace LearningReviews.Infrastructure.Email;

/// <summary>Sends through the configured SMTP server with MailKit, one connection per message.</summary>
public sealed class SmtpEmailTransport(SmtpOptions options) : IEmailTransport
{
    public string Description => $"the mail server {options.Host}:{options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({options.Security})";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(options.TimeoutSeconds).TotalMilliseconds };
        var security = options.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
