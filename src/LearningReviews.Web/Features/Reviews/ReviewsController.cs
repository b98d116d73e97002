using FluentValidation;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
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
    WorkflowCatalogue catalogue,
    IValidator<StartReviewForm> validator,
    ReviewProposalService proposals,
    ReviewQueries queries,
    UserContextFactory users,
    AuditLog audit,
    Workflow.ReviewWorkflowService workflow,
    Workflow.DeadlineService deadlines) : Controller
{
    public const string LearningCircle = "locality-learning-circle";

    /// <summary>The methodologies this user's roles let them start, each explained in a sentence from its document.</summary>
    [HttpGet("start")]
    public IActionResult Start()
    {
        var mine = catalogue.Latest.Where(MayStart).ToList();
        return mine.Count == 0 ? Forbid() : View(mine);
    }

    [HttpGet("propose")]
    public Task<IActionResult> Propose() => StartMethodology(LearningCircle);

    [HttpPost("propose")]
    public Task<IActionResult> Propose(StartReviewForm form) => StartMethodology(LearningCircle, form);

    [HttpGet("start/{key}")]
    public async Task<IActionResult> StartMethodology(string key)
    {
        var definition = catalogue.Newest(key);
        if (definition is null) return NotFound();
        if (!MayStart(definition)) return Forbid();
        var user = users.Current();
        return View("Propose", await WithChoicesAsync(new StartReviewForm { LocalityId = user.LocalityId?.ToString() }, definition));
    }

    [HttpPost("start/{key}")]
    public async Task<IActionResult> StartMethodology(string key, StartReviewForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var definition = catalogue.Newest(key);
        if (definition is null) return NotFound();
        if (!MayStart(definition)) return Forbid();
        form.Definition = definition;
        if (await validator.ValidateIntoAsync(form, ModelState)
            && !await db.Localities.AnyAsync(l => l.Id == Guid.Parse(form.LocalityId!) && l.IsActive))
        {
            ModelState.AddModelError(nameof(StartReviewForm.LocalityId), "Select a locality from the list");
        }
        if (!ModelState.IsValid) return View("Propose", await WithChoicesAsync(form, definition));

        var review = await proposals.ProposeAsync(new ReviewProposal(
            definition, form.AllCaseLabels, Guid.Parse(form.LocalityId!), form.CaseRecordNumber, form.Reason, form.ReasonDetail!,
            User.FindFirst(LearningReviewsClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity!.Name!));
        TempData["Notice"] = $"{review.Reference} started. Next: {definition.FirstStage.Title}.";
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
        var definition = workflow.DefinitionOf(review);
        var history = await db.Transitions.AsNoTracking().Where(t => t.ReviewId == review.Id).OrderBy(t => t.OccurredAt).ToListAsync();
        return View(new ReviewDetailsView(review, definition, ReviewDetailsView.MaySeeRestricted(user))
        {
            Stages = ReviewTaskList.For(review, definition),
            Moves = workflow.MovesFor(user, review),
            Deadlines = deadlines.For(review, definition, workflow.StateOf(review)),
            History = history,
            MaySeeCase = caseId => Domain.Access.ReviewAccessPolicy.MaySeeCase(user, review, caseId),
        });
    }

    private bool MayStart(WorkflowDefinition definition) => definition.MayStart.Any(User.IsInRole);

    private async Task<StartReviewForm> WithChoicesAsync(StartReviewForm form, WorkflowDefinition definition)
    {
        form.Definition = definition;
        // Ids are turned into text here, not in SQL: SQLite keeps GUIDs as upper-case text, and the
        // option must match the user's locality (lower case) to start selected.
        form.LocalityChoices = (await db.Localities.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Name)
                .Select(l => new { l.Name, l.Id }).ToListAsync())
            .Select(l => new SelectListItem(l.Name, l.Id.ToString())).ToList();
        form.ReasonChoices = definition.Reasons.Select(r => new SelectListItem(r.Text, r.Value));
        return form;
    }
}
