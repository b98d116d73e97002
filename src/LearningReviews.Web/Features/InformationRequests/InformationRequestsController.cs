using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.InformationRequests;
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

namespace LearningReviews.Web.Features.InformationRequests;

/// <summary>
/// A review's information requests (a rapid review's Individual Agency Summaries): the list with each
/// request's state, sending new ones (SendInformationRequests), and one request's page where the asked
/// agency's representative answers (AnswerInformationRequest). Anyone who may see the review reads them;
/// every page view and change is audited.
/// </summary>
[Route("reviews/{id:guid}/information-requests")]
public sealed class InformationRequestsController(
    LearningReviewsDbContext db,
    ReviewQueries queries,
    ReviewWorkflowService workflow,
    UserContextFactory users,
    ReviewAccess access,
    AuditLog audit,
    InformationRequestService service,
    PartnershipTime time,
    Microsoft.AspNetCore.Authorization.IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id)
    {
        var review = await queries.FindAsync(id, where: "information requests");
        if (review is null || InformationRequestRules.KindFor(review.MethodologyKey) is null) return NotFound();
        await audit.RecordAsync(AuditActions.Viewed, nameof(InformationRequest), null, review.Id, "Information requests list");
        return View(await PageAsync(review));
    }

    [HttpPost("")]
    public async Task<IActionResult> Send(Guid id, List<Guid> to, string? reasons, string? enquiry, string? scope)
    {
        var review = await queries.FindAsync(id, where: "information requests");
        if (review is null || InformationRequestRules.KindFor(review.MethodologyKey) is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.SendInformationRequests, "send information requests")) return Forbid();

        DateOnly? typedDue = GovUkDate.TryRead(Request.Form, "due", out var date) ? date : null;
        var form = new SendRequest(to ?? [], reasons, enquiry, scope, typedDue);
        var problems = service.Check(review, form, out var dueOn);
        if (problems.Count > 0)
        {
            foreach (var (key, message) in problems) ModelState.AddModelError(key, message);
            var (day, month, year) = GovUkDate.Typed(Request.Form, "due");
            return View("Index", await PageAsync(review) with
            {
                ChosenRecipients = form.RecipientIds.Select(g => g.ToString()).ToList(), Reasons = reasons, Enquiry = enquiry, Scope = scope,
                Due = (day, month, year),
            });
        }
        var sent = await service.SendAsync(review, form, dueOn, users.Current().UserId);
        var name = InformationRequestRules.Name(sent[0].Kind);
        TempData["Notice"] = sent.Count == 1
            ? $"The {name} has been sent. It is due on {InformationRequestService.LongDate(dueOn)}."
            : $"{sent.Count} requests have been sent. They are due on {InformationRequestService.LongDate(dueOn)}.";
        return Redirect($"/reviews/{id}/information-requests");
    }

    [HttpGet("{requestId:guid}")]
    public async Task<IActionResult> Show(Guid id, Guid requestId)
    {
        var (review, request) = await FindAsync(id, requestId);
        if (review is null || request is null) return NotFound();
        await audit.RecordAsync(AuditActions.Viewed, nameof(InformationRequest), request.Id.ToString(), review.Id, "Information request");
        return View(await RequestPageAsync(review, request));
    }

    [HttpPost("{requestId:guid}/answer")]
    public async Task<IActionResult> Answer(Guid id, Guid requestId, string? good, string? different, string? note, Guid token)
    {
        var (review, request) = await FindAsync(id, requestId, tracking: true);
        if (review is null || request is null) return NotFound();
        if (!await access.Demand(review, new InformationRequestResource(review, request), ReviewOperations.AnswerInformationRequest,
                "answer information request")) return Forbid();
        var name = User.FindFirst(LearningReviewsClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity?.Name ?? "Unknown";
        var problems = await service.AnswerAsync(review, request, new AnswerRequest(good, different, note), users.Current().UserId, name, token);
        if (problems.Count > 0)
        {
            foreach (var (key, message) in problems) ModelState.AddModelError(key, message);
            return View("Show", await RequestPageAsync(review, request));
        }
        TempData["Notice"] = "Your answer has been saved. Everyone on the review can now read it.";
        return Redirect($"/reviews/{id}/information-requests/{requestId}");
    }

    private async Task<(Review? Review, InformationRequest? Request)> FindAsync(Guid id, Guid requestId, bool tracking = false)
    {
        var review = await queries.FindAsync(id, where: "information request");
        if (review is null) return (null, null);
        var requests = tracking ? db.InformationRequests : db.InformationRequests.AsNoTracking();
        var request = await requests.FirstOrDefaultAsync(r => r.Id == requestId && r.ReviewId == review.Id);
        return (review, request);
    }

    private async Task<InformationRequestsPage> PageAsync(Review review)
    {
        var kind = InformationRequestRules.KindFor(review.MethodologyKey)!.Value;
        var requests = await db.InformationRequests.AsNoTracking().Where(r => r.ReviewId == review.Id)
            .OrderBy(r => r.DueOn).ThenBy(r => r.SentAt).ToListAsync();
        var rows = await RowsAsync(review, requests);
        return new InformationRequestsPage(review, workflow.DefinitionOf(review).Name, kind, rows,
            await access.Allows(review, ReviewOperations.SendInformationRequests), InformationRequestService.Recipients(review),
            FamilyRedaction.For(users.Current(), review));
    }

    private async Task<InformationRequestPage> RequestPageAsync(Review review, InformationRequest request) =>
        new(review, (await RowsAsync(review, [request]))[0],
            (await authorization.AuthorizeAsync(User, new InformationRequestResource(review, request), [ReviewOperations.AnswerInformationRequest])).Succeeded,
            FamilyRedaction.For(users.Current(), review));

    private async Task<List<InformationRequestRow>> RowsAsync(Review review, IReadOnlyList<InformationRequest> requests)
    {
        var agencyIds = requests.Select(r => r.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
        var today = time.Today;
        return requests.Select(r => new InformationRequestRow(r, agencies.GetValueOrDefault(r.AgencyId) ?? "Unknown agency",
            review.Participants.FirstOrDefault(p => p.Id == r.RecipientParticipantId)?.Name ?? "No longer on the review",
            r.IsOverdue(today))).ToList();
    }
}
