using LearningReviews.Domain.Identity;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LearningReviews.Web.Infrastructure.Security;

/// <summary>Marks pages a signed-in person may use before setting up two-factor sign-in (the set-up pages, sign-out, errors).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute;

/// <summary>
/// Sends anyone holding a role that must use two-factor sign-in (Authentication:RequireTwoFactorForRoles,
/// Administrator by default) to set it up before any other page, unless they signed in with a passkey. Read from the sign-in cookie's claims, so
/// it costs no database query; the claims are renewed when two-factor sign-in is switched on.
/// </summary>
public sealed class TwoFactorRequirementFilter(IConfiguration configuration) : IAuthorizationFilter
{
    public const string SetupPath = "/account/two-factor/setup";

    public IReadOnlyList<string> RequiredRoles { get; } =
        (configuration.GetSection("Authentication:RequireTwoFactorForRoles").Get<string[]>() ?? [Roles.Administrator])
        .Where(r => !string.IsNullOrWhiteSpace(r)).ToList();

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true) return;
        if (user.HasClaim(LearningReviewsClaimsPrincipalFactory.TwoFactorClaim, "true")) return;
        // A passkey is phishing-resistant and the authenticator verified the person (PIN or biometric), so a
        // passkey sign-in counts as two factors.
        if (user.HasClaim("amr", ActiveUserSignInManager.PasskeyMethod)) return;
        if (!RequiredRoles.Any(user.IsInRole)) return;
        if (context.ActionDescriptor.EndpointMetadata.OfType<AllowWithoutTwoFactorAttribute>().Any()) return;
        context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult(SetupPath);
    }
}
