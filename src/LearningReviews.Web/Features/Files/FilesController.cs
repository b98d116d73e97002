using LearningReviews.Domain.Access;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Files;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Email;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure.Authorization;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningReviews.Web.Features.Files;

/// <summary>
/// Documents uploaded to a review: the list, the upload, one document's page, its download and its circulation.
/// Seeing and downloading need View (a review the user may not see is "not found"), and in a review of several
/// families a document tied to a family the user may not see is "not found" too; uploading and circulating need
/// ManageFiles. Every view, upload, download, circulation and refusal is written to the audit log.
/// </summary>
[Route("reviews/{id:guid}/files")]
public sealed class FilesController(
    LearningReviewsDbContext db,
    ReviewQueries queries,
    ReviewWorkflowService workflow,
    UserContextFactory users,
    ReviewAccess access,
    AuditLog audit,
    ReviewFileStore store,
    EmailOutbox outbox,
    EmailComposer composer,
    TimeProvider clock,
    UploadReader uploads,
    IOptions<FilesOptions> options) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, int page = 1)
    {
        var review = await queries.FindAsync(id, where: "files");
        if (review is null) return NotFound();
        await audit.RecordViewAsync(nameof(ReviewFile), null, review.Id, "Documents list");
        return View(await ListPageAsync(review, page, new UploadFileForm()));
    }

    [HttpPost("")]
    public async Task<IActionResult> Upload(Guid id, UploadFileForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var review = await queries.FindAsync(id, where: "files");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManageFiles, "files")) return Forbid();

        Guid? caseId = null;
        if (!string.IsNullOrEmpty(form.CaseId))
        {
            if (review.Cases.Count > 1 && Guid.TryParse(form.CaseId, out var chosen) && review.Cases.Any(c => c.CaseId == chosen)) caseId = chosen;
            else ModelState.AddModelError(nameof(form.CaseId), "Select a family from the list");
        }
        var (bytes, type) = await ReadUploadAsync(form.File);
        if (!ModelState.IsValid) return View("Index", await ListPageAsync(review, 1, form));

        var accepted = new AcceptedUpload(form.File!.FileName, type!, bytes!);
        var file = accepted.ToReviewFile(review.Id, form.ParsedKind()!.Value, form.Title!.Trim(), users.Current().UserId, User.ActorName(), clock.GetUtcNow().UtcDateTime);
        file.CaseId = caseId;
        await store.KeepAsync(file, accepted.Bytes);
        db.ReviewFiles.Add(file);
        audit.Add(AuditActions.Created, nameof(ReviewFile), file.Id.ToString(), review.Id, $"Uploaded a {DocumentKindNames.Of(file.Kind).ToLowerInvariant()} ({accepted.Type.Name}, {file.Length} bytes)");
        try
        {
            await db.SaveChangesAsync();
        }
        catch
        {
            store.Forget(file);
            throw;
        }
        TempData["Notice"] = $"'{file.Title}' uploaded.";
        return Redirect($"/reviews/{id}/files/{file.Id}");
    }

    [HttpGet("{fileId:guid}")]
    public async Task<IActionResult> Details(Guid id, Guid fileId)
    {
        var (review, file) = await FindFileAsync(id, fileId, "file");
        if (review is null || file is null) return NotFound();
        await audit.RecordViewAsync(nameof(ReviewFile), file.Id.ToString(), review.Id, "Document page");
        return View(await FilePageAsync(review, file, []));
    }

    /// <summary>
    /// The document's bytes, always as an attachment with the type found at upload and nosniff, so a browser
    /// saves it rather than showing or running it.
    /// </summary>
    [HttpGet("{fileId:guid}/download")]
    public async Task<IActionResult> Download(Guid id, Guid fileId)
    {
        var (review, file) = await FindFileAsync(id, fileId, "file download");
        if (review is null || file is null) return NotFound();
        var bytes = await store.ReadAsync(file);
        if (bytes is null) return NotFound();
        await audit.RecordAsync(AuditActions.Exported, nameof(ReviewFile), file.Id.ToString(), review.Id,
            $"Downloaded a {DocumentKindNames.Of(file.Kind).ToLowerInvariant()}");
        Response.Headers.XContentTypeOptions = "nosniff";
        // A sandbox in case a browser were ever to render it anyway: no scripts, no same-origin access.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return File(bytes, file.ContentType, FileNameSanitiser.DownloadName(file.DisplayName, FileNameSanitiser.TypeOf(file.ContentType)));
    }

    [HttpPost("{fileId:guid}/circulate")]
    public async Task<IActionResult> Circulate(Guid id, Guid fileId, CirculateFileForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (review, file) = await FindFileAsync(id, fileId, "file circulation", tracking: true);
        if (review is null || file is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManageFiles, "file circulation")) return Forbid();

        var offered = Recipients(review, file).ToDictionary(p => p.Id.ToString(), StringComparer.OrdinalIgnoreCase);
        var chosen = form.People.Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (chosen.Count == 0) ModelState.AddModelError(nameof(form.People), "Select at least one person to send the document to");
        else if (chosen.Any(p => !offered.ContainsKey(p))) ModelState.AddModelError(nameof(form.People), "Select people from the list");
        if (!ModelState.IsValid) return View("Details", await FilePageAsync(review, file, chosen));

        var now = clock.GetUtcNow().UtcDateTime;
        var sender = User.ActorName();
        foreach (var participant in chosen.Select(p => offered[p]).DistinctBy(p => p.Email!.Trim().ToLowerInvariant()))
        {
            // Names the review by its reference only (docs/email.md): the document's title may name a family.
            outbox.Enqueue(composer.Compose("DocumentCirculated", participant.Email!.Trim(), participant.Name,
                $"A document has been shared with you for review {review.Reference}",
                [$"{sender} has shared a {DocumentKindNames.Of(file.Kind).ToLowerInvariant()} with you for learning review {review.Reference}.",
                 "Sign in to Learning Reviews to read it."],
                new EmailLink("Open the document", $"/reviews/{review.Id}/files/{file.Id}")));
            var circulation = new ReviewFileCirculation
            {
                FileId = file.Id, ParticipantId = participant.Id, RecipientName = participant.Name,
                RecipientEmail = participant.Email!.Trim(), SentByName = sender, SentAt = now,
            };
            db.ReviewFileCirculations.Add(circulation);
        }
        audit.Add(AuditActions.Updated, nameof(ReviewFile), file.Id.ToString(), review.Id, $"Circulated to {chosen.Count} people");
        await db.SaveChangesAsync();
        TempData["Notice"] = chosen.Count == 1 ? "The document has been sent to 1 person." : $"The document has been sent to {chosen.Count} people.";
        return Redirect($"/reviews/{id}/files/{file.Id}");
    }

    /// <summary>The signed-in person's name as others know them.</summary>

    /// <summary>
    /// The review (View demanded) and the document, or nulls. A document of a family the user may not see is
    /// refused like a missing one, and the refusal is audited.
    /// </summary>
    private async Task<(Review? Review, ReviewFile? File)> FindFileAsync(Guid id, Guid fileId, string where, bool tracking = false)
    {
        var review = await queries.FindAsync(id, where: where);
        if (review is null) return (null, null);
        var files = tracking ? db.ReviewFiles : db.ReviewFiles.AsNoTracking();
        var file = await files.Include(f => f.Circulations).AsSplitQuery().FirstOrDefaultAsync(f => f.Id == fileId && f.ReviewId == id);
        if (file is null) return (review, null);
        if (file.CaseId is { } caseId && !ReviewAccessPolicy.MaySeeCase(users.Current(), review, caseId))
        {
            await audit.RecordAsync(AuditActions.AccessDenied, nameof(ReviewFile), file.Id.ToString(), review.Id,
                $"View refused: {where} of another family");
            return (review, null);
        }
        return (review, file);
    }

    /// <summary>Participants who can be sent the document: with an email address, and able to see its family.</summary>
    private static IEnumerable<Participant> Recipients(Review review, ReviewFile file) =>
        review.Participants
            .Where(p => !string.IsNullOrWhiteSpace(p.Email))
            .Where(p => file.CaseId is null || p.CaseId is null || p.CaseId == file.CaseId);

    /// <summary>Reads and checks the uploaded file (UploadReader), putting any refusal on the form's file field.</summary>
    private async Task<(byte[]? Bytes, AcceptedFileType? Type)> ReadUploadAsync(IFormFile? file)
    {
        var upload = await uploads.ReadAsync(file);
        if (!upload.Accepted) ModelState.AddModelError(nameof(UploadFileForm.File), upload.Problem!);
        return (upload.Bytes, upload.Type);
    }

    private async Task<FilesPage> ListPageAsync(Review review, int page, UploadFileForm form)
    {
        var user = users.Current();
        var visibleCases = review.Cases.Where(c => ReviewAccessPolicy.MaySeeCase(user, review, c.CaseId)).Select(c => (Guid?)c.CaseId).ToList();
        var restricted = ReviewAccessPolicy.IsFamilyRestricted(user, review);
        var query = db.ReviewFiles.AsNoTracking().Where(f => f.ReviewId == review.Id);
        if (restricted) query = query.Where(f => f.CaseId == null || visibleCases.Contains(f.CaseId));
        var count = await query.CountAsync();
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query.OrderByDescending(f => f.UploadedAt).ThenBy(f => f.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(f => new FileRow(f.Id, f.Kind, f.Title, f.DisplayName, f.Length, f.UploadedByName, f.UploadedAt, f.CaseId, f.Circulations.Count))
            .ToListAsync();
        var caseChoices = review.Cases.Count > 1
            ? review.Cases.OrderBy(c => c.Case?.Label, StringComparer.Ordinal).Select(c => new SelectListItem(c.Case?.Label, c.CaseId.ToString())).ToList()
            : [];
        return new FilesPage(review, FamilyRestriction.TitleFor(user, review, workflow.DefinitionOf(review).Name), rows, page, pageCount,
            await access.Allows(review, ReviewOperations.ManageFiles), form, caseChoices, options.Value);
    }

    private async Task<FilePage> FilePageAsync(Review review, ReviewFile file, IReadOnlyList<string> chosen)
    {
        var user = users.Current();
        var mayManage = await access.Allows(review, ReviewOperations.ManageFiles);
        var people = mayManage
            ? new PeopleChoices(Recipients(review, file).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .GroupBy(p => p.Id).Select(g => g.First())
                .Select(p => new PersonOption(p.Id.ToString(), p.Name,
                    string.Join(", ", new[] { ReviewRoleNames.Of(p.Role), p.Agency?.Name }.OfType<string>()),
                    $"{p.Name} {ReviewRoleNames.Of(p.Role)} {p.Agency?.Name}".ToLowerInvariant(), InReview: true))
                .ToList(), [])
            : PeopleChoices.None;
        return new FilePage(review, FamilyRestriction.TitleFor(user, review, workflow.DefinitionOf(review).Name), file, mayManage, people, chosen);
    }
}
