using FluentValidation;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Methodologies;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Reviews;

[Route("reviews")]
public sealed class ReviewsController(
    LearningReviewsDbContext db,
    IMethodologyCatalogue catalogue,
    IValidator<ProposeReviewForm> validator,
    ReviewProposalService proposals,
    ReviewQueries queries,
    UserContextFactory users,
    AuditLog audit) : Controller
{
    private MethodologySummary Methodology => catalogue.Find(MethodologyKeys.LocalityLearningCircle)!;

    [HttpGet("propose")]
    public async Task<IActionResult> Propose()
    {
        if (!MayPropose()) return Forbid();
        var user = users.Current();
        return View(await WithChoicesAsync(new ProposeReviewForm { LocalityId = user.LocalityId?.ToString() }));
    }

    [HttpPost("propose")]
    public async Task<IActionResult> Propose(ProposeReviewForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!MayPropose()) return Forbid();
        if (await validator.ValidateIntoAsync(form, ModelState)
            && !await db.Localities.AnyAsync(l => l.Id == Guid.Parse(form.LocalityId!) && l.IsActive))
        {
            ModelState.AddModelError(nameof(ProposeReviewForm.LocalityId), "Select a locality from the list");
        }
        if (!ModelState.IsValid) return View(await WithChoicesAsync(form));

        var review = await proposals.ProposeAsync(new ReviewProposal(
            Methodology, form.CaseLabel!, Guid.Parse(form.LocalityId!), form.CaseRecordNumber, form.Reason!, form.ReasonDetail!,
            User.FindFirst(LearningReviewsClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity!.Name!));
        TempData["Notice"] = $"{review.Reference} proposed. It will be considered at the Locality Management Meeting.";
        return RedirectToAction(nameof(Details), new { id = review.Id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id)
    {
        var user = users.Current();
        var review = await queries.FindForUserAsync(id, user);
        if (review is null)
        {
            // Said as "not found" whether or not it exists, so a URL reveals nothing; the attempt is logged.
            await audit.RecordAsync(AuditActions.AccessDenied, nameof(Review), id.ToString(), reviewId: null);
            return NotFound();
        }
        await audit.RecordAsync(AuditActions.Viewed, nameof(Review), review.Id.ToString(), review.Id);
        var methodology = catalogue.Find(review.MethodologyKey);
        return View(new ReviewDetailsView(review, methodology, ReviewDetailsView.MaySeeRestricted(user)));
    }

    private bool MayPropose() => Methodology.RolesThatMayPropose.Any(User.IsInRole);

    private async Task<ProposeReviewForm> WithChoicesAsync(ProposeReviewForm form)
    {
        form.LocalityChoices = await db.Localities.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Name)
            .Select(l => new SelectListItem(l.Name, l.Id.ToString())).ToListAsync();
        form.ReasonChoices = Methodology.Reasons.Select(r => new SelectListItem(r.Text, r.Key));
        return form;
    }
}
