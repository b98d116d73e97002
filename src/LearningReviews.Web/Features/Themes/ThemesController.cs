using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningReviews.Web.Features.Themes;

/// <summary>
/// The themes dashboard: how often each theme of the managed list comes up in the reviews this user may see,
/// for a period of quarters (by default the last 12 months), by methodology, locality and agency, with open and
/// overdue actions per theme and the quarter-by-quarter trend. Read only; the counting is ThemeFigures'.
/// </summary>
[Route("themes"), Authorize]
public sealed class ThemesController(ReviewQueries queries, ThemeFigures figures, UserContextFactory users, WorkflowCatalogue catalogue,
    PartnershipTime time, AuditLog audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? from, string? to, Guid? theme, CancellationToken cancellationToken = default)
    {
        var today = time.Today;
        var period = ThemePeriod.Read(from, to, today);
        var result = await figures.CountAsync(queries.VisibleTo(users.Current()), period, today, cancellationToken);
        await audit.RecordViewAsync("Themes", null, null, $"Themes dashboard, {period.From.Key} to {period.To.Key}", cancellationToken);
        var names = catalogue.Latest.ToDictionary(d => d.Key, d => d.Name);
        return View(new ThemesDashboard(result, today, theme, key => names.GetValueOrDefault(key, key)));
    }
}
