using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningReviews.Web.Features.Errors;

/// <summary>The pages shown for 404, 403, 429 and 500 (status code pages re-execute here).</summary>
[AllowAnonymous, AllowWithoutTwoFactor, ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("error/{statusCode:int}")]
    public IActionResult Show(int statusCode)
    {
        // The route takes any number; only real error statuses are answered as such, anything else
        // (/error/-1, /error/200) is a page that does not exist.
        if (statusCode is < 400 or > 599) statusCode = 404;
        Response.StatusCode = statusCode;
        return statusCode switch
        {
            404 => View("NotFound"),
            403 => View("~/Features/Account/AccessDenied.cshtml"),
            429 => View("TooManyRequests"),
            _ => View("ServerError"),
        };
    }
}
