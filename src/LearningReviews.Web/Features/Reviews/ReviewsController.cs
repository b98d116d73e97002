using FluentValidation;
using FluentValidation.AspNetCore;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Authorization;
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
    ReviewAccess access,
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
    public Task<IActionResult> Propose() => StartMethodology(LearningCircle, linkedFrom: null);

    [HttpPost("propose")]
    public Task<IActionResult> Propose([CustomizeValidator(Skip = true)] StartReviewForm form) => StartMethodology(LearningCircle, form);

    /// <param name="linkedFrom">A review whose decision starts this one (a rapid review's): its cases and locality are carried over.</param>
    [HttpGet("start/{key}")]
    public async Task<IActionResult> StartMethodology(string key, Guid? linkedFrom)
    {
        var definition = catalogue.Newest(key);
        if (definition is null) return NotFound();
        if (!MayStart(definition)) return Forbid();
        var user = users.Current();
        var form = new StartReviewForm { LocalityId = user.LocalityId?.ToString() };
        if (linkedFrom is { } sourceId)
        {
            var source = await LinkSourceAsync(sourceId, definition);
            if (source is null) return NotFound();
            // Only the families this user may see are carried over: a start form must not reveal the others.
            var labels = source.Cases.Where(c => Domain.Access.ReviewAccessPolicy.MaySeeCase(user, source, c.CaseId)).Select(c => c.Case!.Label).ToList();
            form.LinkedFromReviewId = source.Id;
            form.LinkedFromReference = source.Reference;
            form.CaseLabel = labels.FirstOrDefault();
            form.OtherCaseLabels = string.Join('\n', labels.Skip(1));
            // The child's case-record number comes too, for those who may see it (the linked review shares the case record).
            if (labels.Count == 1 && ReviewDetailsView.MaySeeRestricted(user))
                form.CaseRecordNumber = source.Cases.Single(c => c.Case!.Label == labels[0]).Case!.CaseRecordNumber;
            form.LocalityId = source.LocalityId?.ToString() ?? form.LocalityId;
            form.ReasonDetail = $"Decided at {workflow.DefinitionOf(source).Name.ToLowerInvariant()} {source.Reference}.";
        }
        return View("Propose", await WithChoicesAsync(form, definition));
    }

    /// <remarks>
    /// The form is validated here rather than while binding: its rules depend on the methodology named in the
    /// route (its reasons, its subject, how many families), which binding does not know.
    /// </remarks>
    [HttpPost("start/{key}")]
    public async Task<IActionResult> StartMethodology(string key, [CustomizeValidator(Skip = true)] StartReviewForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var definition = catalogue.Newest(key);
        if (definition is null) return NotFound();
        if (!MayStart(definition)) return Forbid();
        form.Definition = definition;
        if (form.LinkedFromReviewId is { } sourceId)
        {
            var source = await LinkSourceAsync(sourceId, definition);
            if (source is null) return NotFound();
            form.LinkedFromReference = source.Reference;
        }
        (await validator.ValidateAsync(form)).AddToModelState(ModelState);
        if (ModelState.IsValid
            && !await db.Localities.AnyAsync(l => l.Id == Guid.Parse(form.LocalityId!) && l.IsActive))
        {
            ModelState.AddModelError(nameof(StartReviewForm.LocalityId), "Select a locality from the list");
        }
        if (!ModelState.IsValid) return View("Propose", await WithChoicesAsync(form, definition));

        var review = await proposals.ProposeAsync(new ReviewProposal(
            definition, form.AllCaseLabels, Guid.Parse(form.LocalityId!), form.CaseRecordNumber, form.Reason, form.ReasonDetail!,
            User.FindFirst(LearningReviewsClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity!.Name!,
            form.LinkedFromReviewId));
        TempData["Notice"] = $"{review.Reference} started. Next: {definition.FirstStage.Title}.";
        return RedirectToAction(nameof(Details), new { id = review.Id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id)
    {
        var user = users.Current();
        // Said as "not found" whether or not it exists, so a URL reveals nothing; FindAsync logs the attempt.
        var review = await queries.FindAsync(id);
        if (review is null) return NotFound();
        await audit.RecordViewAsync(nameof(Review), review.Id.ToString(), review.Id);
        var definition = workflow.DefinitionOf(review);
        var linked = await queries.VisibleTo(user).AsNoTracking()
            .Where(r => r.LinkedFromReviewId == review.Id || r.Id == review.LinkedFromReviewId)
            .Select(r => new LinkedReviewRow(r.Id, r.Reference, r.Title, r.Id == review.LinkedFromReviewId)).ToListAsync();
        // The page offers the moves only when the authorisation service allows Move.
        var moves = workflow.MovesFor(user, review);
        if (!await access.Allows(review, ReviewOperations.Move))
        {
            moves = moves with { MayEditCurrentStage = false, MayAdvance = false, MaySendBack = false, MayWithdraw = false };
        }
        var history = await db.Transitions.AsNoTracking().Where(t => t.ReviewId == review.Id).OrderBy(t => t.OccurredAt).ToListAsync();
        // History says who moved the review by name: the transition keeps the sign-in name (an email address).
        var movers = history.Select(t => t.UserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => movers.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return View(new ReviewDetailsView(review, definition, ReviewDetailsView.MaySeeRestricted(user))
        {
            Stages = ReviewTaskList.For(review, definition),
            Moves = moves,
            Deadlines = deadlines.For(review, definition, workflow.StateOf(review)),
            History = history,
            HistoryNames = names,
            Linked = linked,
            MayStartLinked = review.Status == ReviewStatus.Withdrawn ? [] : LinkedReviews.MayStartFrom(review, definition)
                .Select(catalogue.Newest).Where(d => d is not null && MayStart(d)).Select(d => d!).ToList(),
            MaySeeCase = caseId => Domain.Access.ReviewAccessPolicy.MaySeeCase(user, review, caseId),
            MaySeeParticipant = participant => FamilyRestriction.MaySeeParticipant(user, review, participant),
            Title = FamilyRestriction.TitleFor(user, review, definition.Name),
            Redactor = FamilyRedaction.For(user, review),
        });
    }

    private bool MayStart(WorkflowDefinition definition) => definition.MayStart.Any(User.IsInRole);

    /// <summary>
    /// The review a new one may be started from: one this user may see, that has reached a stage whose
    /// definition lets it start this methodology, and that was not withdrawn.
    /// </summary>
    private async Task<Review?> LinkSourceAsync(Guid sourceId, WorkflowDefinition target)
    {
        var source = await queries.FindAsync(sourceId, where: "start a linked review");
        if (source is null || source.Status == ReviewStatus.Withdrawn) return null;
        return LinkedReviews.MayStartFrom(source, workflow.DefinitionOf(source)).Contains(target.Key) ? source : null;
    }

    private async Task<StartReviewForm> WithChoicesAsync(StartReviewForm form, WorkflowDefinition definition)
    {
        form.Definition = definition;
        // Ids become text in memory: SQLite would turn them into upper-case text, which no form value matches.
        form.LocalityChoices = (await db.Localities.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Name)
            .Select(l => new { l.Name, l.Id }).ToListAsync()).Select(l => new SelectListItem(l.Name, l.Id.ToString())).ToList();
        form.ReasonChoices = definition.Reasons.Select(r => new SelectListItem(r.Text, r.Value));
        return form;
    }
}
