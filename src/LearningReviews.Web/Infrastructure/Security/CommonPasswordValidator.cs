using LearningReviews.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace LearningReviews.Web.Infrastructure.Security;

/// <summary>
/// Refuses passwords that are easy to guess whatever their length: well-known ones, and ones that
/// contain the person's own email name or the product's name.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    private static readonly string[] Guessable =
    [
        "password", "123456", "qwerty", "letmein", "welcome", "iloveyou", "admin", "learningreview",
        "safeguarding", "children", "abcdef", "111111", "monkey", "football", "dragon", "sunshine",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);

        var lower = password.ToLowerInvariant();
        var emailName = user.Email?.Split('@')[0].ToLowerInvariant();
        var guessable = Guessable.Any(lower.Contains)
                        || (emailName is { Length: >= 3 } && lower.Contains(emailName, StringComparison.Ordinal));
        return Task.FromResult(guessable
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "GuessablePassword",
                Description = "Password must not contain a common word or phrase, or your email name",
            })
            : IdentityResult.Success);
    }
}
