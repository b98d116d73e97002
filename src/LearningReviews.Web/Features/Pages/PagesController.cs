using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningReviews.Web.Features.Pages;

/// <summary>Pages of information that anyone may read.</summary>
[AllowAnonymous]
public sealed class PagesController(IConfiguration configuration) : Controller
{
    /// <summary>
    /// Where the running version's source code can be had. The AGPL (section 13) asks that everyone who
    /// uses the service over the network is offered it; operators set SourceCode:Url to their copy.
    /// </summary>
    [HttpGet("/source")]
    public IActionResult Source() => View(model: configuration["SourceCode:Url"]);

    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => View();

    [HttpGet("/privacy")]
    public IActionResult Privacy() => View();
}
