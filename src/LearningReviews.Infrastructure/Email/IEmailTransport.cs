using MimeKit;

namespace LearningReviews.Infrastructure.Email;

/// <summary>Hands one finished message to the outside world; throws when it could not.</summary>
public interface IEmailTransport
{
    /// <summary>Where messages go, for the administrator's page (no credentials).</summary>
    string Description { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
