using System.Security.Claims;
using LearningReviews.Domain.Identity;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace LearningReviews.UnitTests.Web;

/// <summary>Who the two-factor rule sends to set up an authenticator app, by what their sign-in cookie says.</summary>
public sealed class TwoFactorRequirementFilterTests
{
    private static readonly TwoFactorRequirementFilter Filter = new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Authentication:RequireTwoFactorForRoles:0"] = Roles.Administrator })
        .Build());

    [Fact]
    public void An_administrator_signed_in_with_a_password_alone_is_sent_to_set_up_two_factor_sign_in()
    {
        var result = Run(Administrator());

        Assert.Equal(TwoFactorRequirementFilter.SetupPath, Assert.IsType<RedirectResult>(result).Url);
    }

    [Fact]
    public void An_administrator_signed_in_with_a_passkey_goes_on()
    {
        Assert.Null(Run(Administrator(new Claim("amr", ActiveUserSignInManager.PasskeyMethod))));
    }

    [Fact]
    public void An_administrator_with_two_factor_sign_in_on_goes_on()
    {
        Assert.Null(Run(Administrator(new Claim(LearningReviewsClaimsPrincipalFactory.TwoFactorClaim, "true"))));
    }

    [Fact]
    public void Some_other_authentication_method_does_not_count_as_two_factors()
    {
        Assert.IsType<RedirectResult>(Run(Administrator(new Claim("amr", "pwd"))));
    }

    private static ClaimsPrincipal Administrator(params Claim[] extra) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, Roles.Administrator), .. extra], "Identity.Application"));

    private static IActionResult? Run(ClaimsPrincipal user)
    {
        var http = new DefaultHttpContext { User = user };
        var context = new AuthorizationFilterContext(
            new ActionContext(http, new RouteData(), new ActionDescriptor { EndpointMetadata = [] }), []);
        Filter.OnAuthorization(context);
        return context.Result;
    }
}
