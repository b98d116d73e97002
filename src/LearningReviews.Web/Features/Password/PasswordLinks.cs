using LearningReviews.Infrastructure.Identity;
using LearningReviews.Web.Features.Email;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace LearningReviews.Web.Features.Password;

/// <summary>
/// Queues the emails that carry a link to set a password: an invitation for a new account, a reset link for
/// anyone who asks (or whose administrator asks for them). The caller saves, so the message is written
/// together with the audit entry. Nobody but the account holder ever sees or chooses the password.
/// </summary>
public sealed class PasswordLinks(UserManager<ApplicationUser> users, EmailComposer composer, EmailOutbox outbox,
    TimedLinkTokenProvider tokens)
{
    public async Task QueueInvitationAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateUserTokenAsync(user, TimedLinkTokenProvider.Name, TimedLinkTokenProvider.InvitationPurpose);
        var days = (int)tokens.LifespanOf(TimedLinkTokenProvider.InvitationPurpose).TotalDays;
        outbox.Enqueue(composer.Compose("Invitation", user.Email!, user.DisplayName, "Your Learning Reviews account",
            [
                "An account has been created for you on Learning Reviews.",
                $"Use the link below to choose your password. It works once, for {days} days.",
            ],
            new EmailLink("Choose your password", LinkPath("/account/set-up", user.Id, token))));
    }

    public async Task QueueResetAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var minutes = (int)tokens.LifespanOf(UserManager<ApplicationUser>.ResetPasswordTokenPurpose).TotalMinutes;
        outbox.Enqueue(composer.Compose("PasswordReset", user.Email!, user.DisplayName, "Reset your Learning Reviews password",
            [
                "Someone asked to reset the password of your Learning Reviews account.",
                $"Use the link below to choose a new password. It works once, for {minutes} minutes.",
                "If you did not ask, you can ignore this message: your password has not changed.",
            ],
            new EmailLink("Choose a new password", LinkPath("/account/reset-password", user.Id, token))));
    }

    private static string LinkPath(string page, string userId, string token) =>
        $"{page}?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";
}
