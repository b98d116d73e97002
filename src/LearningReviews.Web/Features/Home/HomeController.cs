using LearningReviews.Domain.Reviews;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Home;

/// <summary>"My work": the reviews the signed-in user takes part in or oversees, open ones first.</summary>
public sealed class HomeController(ReviewQueries queries, UserContextFactory users) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index()
    {
        var user = users.Current();
        var rows = await queries.VisibleTo(user)
            .OrderBy(r => r.Status == ReviewStatus.Closed || r.Status == ReviewStatus.Withdrawn)
            .ThenByDescending(r => r.ReferenceYear).ThenByDescending(r => r.ReferenceNumber)
            .Select(r => new MyWorkRow(
                r.Id, r.Reference, r.Title, r.MethodologyKey, r.Status, r.CurrentStageKey,
                r.Locality != null ? r.Locality.Name : null,
                r.Participants.Where(p => p.UserId == user.UserId).Select(p => p.Role).ToList()))
            .AsNoTracking()
            .ToListAsync();
        return View(rows);
    }
}

public sealed record MyWorkRow(
    Guid Id, string Reference, string Title, string MethodologyKey, ReviewStatus Status, string CurrentStageKey,
    string? Locality, IReadOnlyList<ReviewRole> MyRoles);
