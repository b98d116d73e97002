using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Publication;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Authorization;
using LearningReviews.Web.Infrastructure.GovUk;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Publication;

/// <summary>
/// A review's dissemination of learning, publication decision and publishable summary (seed 003 section 4;
/// docs/publication.md). Anyone who may see the review reads the page; changes need ManagePublication. The
/// summary's check runs on every view, so what it shows is always the check of the text as saved.
/// </summary>
[Route("reviews/{id:guid}/publication")]
public sealed class PublicationController(
    LearningReviewsDbContext db,
    ReviewQueries queries,
    ReviewWorkflowService workflow,
    ReviewAccess access,
    UserContextFactory users,
    AuditLog audit,
    PublicationService service) : Controller
{
    private const string Where = "publication";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id)
    {
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (Domain.Access.ReviewAccessPolicy.IsFamilyRestricted(users.Current(), review)) return NotFound();
        await audit.RecordViewAsync(nameof(ReviewPublication), null, review.Id, "Dissemination and publication");
        return View(await PageAsync(review));
    }

    [HttpPost("dissemination")]
    public async Task<IActionResult> Disseminate(Guid id, string? way, List<Guid>? agencies, string? audience, string? note)
    {
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManagePublication, "record dissemination")) return Forbid();
        var typed = GovUkDate.Typed(Request.Form, "heldOn");
        var dateTyped = typed.Day.Length + typed.Month.Length + typed.Year.Length > 0;
        DateOnly? heldOn = GovUkDate.TryRead(Request.Form, "heldOn", out var date) ? date : null;
        var problems = await service.AddDisseminationAsync(review, new DisseminationInput(way, heldOn, dateTyped, agencies ?? [], audience, note));
        if (problems.Count > 0)
        {
            foreach (var (key, message) in problems) ModelState.AddModelError(key, message);
            return View("Index", await PageAsync(review) with
            {
                Way = way, HeldOn = typed, ChosenAgencies = (agencies ?? []).Select(a => a.ToString()).ToList(), Audience = audience, Note = note,
            });
        }
        TempData["Notice"] = "The dissemination has been recorded.";
        return Redirect($"/reviews/{id}/publication");
    }

    [HttpPost("dissemination/{recordId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid recordId, Guid token)
    {
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManagePublication, "remove dissemination")) return Forbid();
        TempData["Notice"] = await service.RemoveDisseminationAsync(review, recordId, token)
            ? "The dissemination has been removed."
            : "That dissemination had already been changed or removed; nothing was removed.";
        return Redirect($"/reviews/{id}/publication");
    }

    [HttpPost("decision")]
    public async Task<IActionResult> Decide(Guid id, string? decision, string? risks, string? benefits, Guid token)
    {
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManagePublication, "publication decision")) return Forbid();
        var typed = GovUkDate.Typed(Request.Form, "decidedOn");
        var dateTyped = typed.Day.Length + typed.Month.Length + typed.Year.Length > 0;
        DateOnly? decidedOn = GovUkDate.TryRead(Request.Form, "decidedOn", out var date) ? date : null;
        var problems = await service.DecideAsync(review, new DecisionInput(decision, risks, benefits, decidedOn, dateTyped, token), Actor());
        if (problems.Count > 0)
        {
            foreach (var (key, message) in problems) ModelState.AddModelError(key, message);
            return View("Index", await PageAsync(review) with { Decision = decision ?? "", Risks = risks ?? "", Benefits = benefits ?? "", DecidedOn = typed });
        }
        TempData["Notice"] = "The publication decision has been saved.";
        return Redirect($"/reviews/{id}/publication");
    }

    [HttpPost("summary")]
    public async Task<IActionResult> Summary(Guid id, string? summary, Guid token)
    {
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManagePublication, "publishable summary")) return Forbid();
        var problems = await service.SaveSummaryAsync(review, summary, token);
        if (problems.Count > 0)
        {
            foreach (var (key, message) in problems) ModelState.AddModelError(key, message);
            return View("Index", await PageAsync(review) with { Summary = summary ?? "" });
        }
        TempData["Notice"] = "The summary has been saved. Look at what the check found before marking it publishable.";
        return Redirect($"/reviews/{id}/publication#summary-check");
    }

    [HttpPost("summary/accept")]
    public async Task<IActionResult> Accept(Guid id, string? finding, Guid token)
    {
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManagePublication, "accept summary finding")) return Forbid();
        var problems = await service.AcceptAsync(review, finding, token, Actor());
        if (problems.Count > 0)
        {
            foreach (var (key, message) in problems) ModelState.AddModelError(key, message);
            return View("Index", await PageAsync(review));
        }
        TempData["Notice"] = "The finding has been accepted as not identifying.";
        return Redirect($"/reviews/{id}/publication#summary-check");
    }

    [HttpPost("summary/publishable")]
    public async Task<IActionResult> Publishable(Guid id, Guid token)
    {
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManagePublication, "mark summary publishable")) return Forbid();
        var problems = await service.MarkPublishableAsync(review, token, Actor());
        if (problems.Count > 0)
        {
            foreach (var (key, message) in problems) ModelState.AddModelError(key, message);
            return View("Index", await PageAsync(review));
        }
        TempData["Notice"] = "The summary has been marked publishable.";
        return Redirect($"/reviews/{id}/publication");
    }

    private Actor Actor() => new(users.Current().UserId,
        User.FindFirst(LearningReviewsClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity?.Name ?? "Unknown");

    private async Task<PublicationPage> PageAsync(Review review)
    {
        var records = await db.DisseminationRecords.AsNoTracking().Where(d => d.ReviewId == review.Id)
            .Include(d => d.Agencies).ThenInclude(a => a.Agency)
            .OrderByDescending(d => d.HeldOn).ThenByDescending(d => d.CreatedAt).Take(500).ToListAsync();
        var publication = await service.FindAsync(review.Id);
        var accepted = (publication?.AcceptedFindings ?? []).ToDictionary(a => Finding.KeyOf(a.Kind, a.Text), StringComparer.Ordinal);
        var findings = publication?.Summary is { } text
            ? IdentifyingDetailsCheck.Check(text, PublicationService.KnownFor(review))
                .Select(f => new FindingRow(f, IdentifyingDetailsCheck.Excerpt(text, f), accepted.GetValueOrDefault(f.Key))).ToList()
            : [];
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync();
        return new PublicationPage(review, workflow.DefinitionOf(review).Name, await access.Allows(review, ReviewOperations.ManagePublication),
            records.Select(r => new DisseminationRow(r, r.Agencies.Select(a => a.Agency?.Name ?? "Unknown agency").Order(StringComparer.Ordinal).ToList())).ToList(),
            publication, findings, agencies);
    }
}
