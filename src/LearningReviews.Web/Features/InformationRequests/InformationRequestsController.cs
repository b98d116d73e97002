using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Files;
using LearningReviews.Domain.InformationRequests;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Files;
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
    UploadReader uploads,
    Microsoft.AspNetCore.Authorization.IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id)
    {
        var review = await queries.FindAsync(id, where: "information requests");
        if (review is null || InformationRequestRules.KindFor(review.MethodologyKey) is null) return NotFound();
        await audit.RecordViewAsync(nameof(InformationRequest), null, review.Id, "Information requests list");
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
        await audit.RecordViewAsync(nameof(InformationRequest), request.Id.ToString(), review.Id, "Information request");
        return View(await RequestPageAsync(review, request));
    }

    [HttpPost("{requestId:guid}/answer")]
    public async Task<IActionResult> Answer(Guid id, Guid requestId, string? good, string? different, string? note, Guid token,
        List<IFormFile>? attachments)
    {
        var (review, request) = await FindAsync(id, requestId, tracking: true);
        if (review is null || request is null) return NotFound();
        if (!await access.Demand(review, new InformationRequestResource(review, request), ReviewOperations.AnswerInformationRequest,
                "answer information request")) return Forbid();
        var name = User.ActorName();
        var typed = new AnswerRequest(good, different, note);
        // An empty file input still sends a part with no name; only files actually chosen are read.
        var chosen = (attachments ?? []).Where(f => !string.IsNullOrEmpty(f.FileName)).ToList();
        var documents = new List<AnswerAttachment>();
        foreach (var upload in chosen.Take(InformationRequestService.MaxAttachments + 1))
        {
            var checkedUpload = await uploads.ReadAsync(upload);
            if (!checkedUpload.Accepted) ModelState.AddModelError("attachments", $"{FileNameSanitiser.Sanitise(upload.FileName)}: {checkedUpload.Problem}");
            else documents.Add(new AnswerAttachment(upload.FileName, checkedUpload.Bytes!, checkedUpload.Type!));
        }
        if (ModelState.IsValid)
        {
            var problems = await service.AnswerAsync(review, request, typed with { Attachments = documents }, users.Current().UserId, name, token);
            foreach (var (key, message) in problems) ModelState.AddModelError(key, message);
        }
        if (!ModelState.IsValid)
        {
            // The saved answer is read again (another person's change shows), and what this person typed is kept in the form.
            var (_, fresh) = await FindAsync(id, requestId);
            var page = await RequestPageAsync(review, fresh ?? request) with { Typed = typed };
            if (chosen.Count > 0) ModelState.AddModelError("attachments", "Choose the documents again: files are never kept from a form that was not saved");
            return View("Show", page);
        }
        TempData["Notice"] = documents.Count == 0
            ? "Your answer has been saved. Everyone on the review can now read it."
            : $"Your answer and {(documents.Count == 1 ? "1 document" : $"{documents.Count} documents")} have been saved. Everyone on the review can now read them.";
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
            FamilyRedaction.For(users.Current(), review),
            await db.ReviewFiles.AsNoTracking().Where(f => f.InformationRequestId == request.Id).OrderBy(f => f.UploadedAt)
                .Select(f => new AnswerDocument(f.Id, f.DisplayName, f.Length, f.UploadedByName, f.UploadedAt)).ToListAsync());

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
