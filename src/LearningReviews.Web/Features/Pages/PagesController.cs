using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningReviews.Web.Features.Pages;

/// <summary>Pages of information that anyone may read.</summary>
[AllowAnonymous]
public sealed class PagesController : Controller
{
    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => View();

    [HttpGet("/privacy")]
    public IActionResult Privacy() => View();
}
