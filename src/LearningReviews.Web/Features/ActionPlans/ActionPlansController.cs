using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Files;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Exports;
using LearningReviews.Web.Features.Files;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.ActionPlans;

/// <summary>
/// Every action of every review the user may see, in one list with filters, sorting, paging and CSV/XLSX
/// exports; and each action's page, where its owner (or whoever runs or oversees the review, see
/// <see cref="ActionAccess"/>) changes its status with evidence of impact. An action of a review the user
/// may not see is "not found". Views, exports, changes and refusals are audited (never the action's text).
/// </summary>
[Route("action-plans")]
public sealed class ActionPlansController(
    LearningReviewsDbContext db,
    ReviewQueries queries,
    ActionPlanList list,
    WorkflowCatalogue catalogue,
    UserContextFactory users,
    PartnershipTime time,
    WorkingDayCalendar calendar,
    AuditLog audit,
    ReviewFileStore store,
    UploadReader uploads,
    TimeProvider clock) : Controller
{
    /// <summary>Most evidence documents taken with one status change.</summary>
    public const int MaxEvidenceFiles = 5;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ActionPlanFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var user = users.Current();
        ReadDueDates(filter);
        var rows = list.Query(queries.VisibleTo(user), filter, user.UserId, time.Today);
        var total = await rows.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + ReviewQueries.PageSize - 1) / ReviewQueries.PageSize);
        page = Math.Clamp(page, 1, pages);
        var items = await rows.Skip((page - 1) * ReviewQueries.PageSize).Take(ReviewQueries.PageSize).ToListAsync(cancellationToken);
        await FillChoicesAsync(filter, cancellationToken);
        await audit.RecordViewAsync("ActionPlans", null, null, $"{items.Count} of {total} actions listed (page {page})", cancellationToken);
        var today = time.Today;
        return View(new ActionPlansPage(filter, items, page, pages, total, MethodologyName, r => ActionRules.Rag(r.Status, r.DueDate, today, calendar)));
    }

    /// <summary>The whole filtered list (every page) as CSV or XLSX.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] ActionPlanFilter filter, string format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (format is not ("csv" or "xlsx")) return NotFound();
        var user = users.Current();
        ReadDueDates(filter);
        var today = time.Today;
        var rows = await list.Query(queries.VisibleTo(user), filter, user.UserId, today).ToListAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.Exported, "ActionPlans", null, null, $"Action plans as {format.ToUpperInvariant()}, {rows.Count} actions", cancellationToken);
        var name = $"action-plans-{today:yyyy-MM-dd}.{format}";
        return format == "csv"
            ? File(ActionPlanExports.Csv(rows, MethodologyName, today, calendar), "text/csv", name)
            : File(ActionPlanExports.Workbook(rows, MethodologyName, today, calendar), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken = default)
    {
        var (review, action) = await FindAsync(id, tracking: false, cancellationToken);
        if (review is null || action is null) return NotFound();
        await audit.RecordViewAsync(nameof(ReviewAction), action.Id.ToString(), review.Id, "Action page", cancellationToken);
        var form = new ActionStatusForm { Status = action.Status, Evidence = action.EvidenceOfImpact, CancellationReason = action.CancellationReason, ConcurrencyToken = action.ConcurrencyToken };
        var recheck = action.RecheckOn is { } on ? new ExportDateFilter(Part(on.Day), Part(on.Month), Part(on.Year), on, false) : ExportDateFilter.None;
        return View(await PageAsync(review, action, form, recheck, cancellationToken));
    }

    [HttpPost("{id:guid}/status")]
    [RequestSizeLimit(60 * 1024 * 1024)]
    public async Task<IActionResult> ChangeStatus(Guid id, ActionStatusForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (review, action) = await FindAsync(id, tracking: true, cancellationToken);
        if (review is null || action is null) return NotFound();
        var user = users.Current();
        if (!ActionAccess.MayUpdate(user, review, catalogue.Newest(review.MethodologyKey), action))
        {
            await audit.RecordAsync(AuditActions.AccessDenied, nameof(ReviewAction), action.Id.ToString(), review.Id, "Refused: change an action's status", cancellationToken);
            return Forbid();
        }

        var recheck = ExportDateFilter.Read(new QueryCollection(Request.Form.ToDictionary(f => f.Key, f => f.Value)), "RecheckOn");
        if (recheck.IsInvalid) ModelState.AddModelError("RecheckOn", "Enter the re-check date as a real date, for example 27 3 2027");
        if (form.Status is not { } to || !Enum.IsDefined(to)) ModelState.AddModelError(nameof(form.Status), "Select the action's status");
        else if (!recheck.IsInvalid)
        {
            foreach (var (field, problem) in ActionRules.Problems(new ActionStatusChange(to, form.Evidence, recheck.Date, form.CancellationReason, form.Note), time.Today))
                ModelState.AddModelError(field, problem);
        }
        if (form.ConcurrencyToken != action.ConcurrencyToken)
            ModelState.AddModelError(nameof(form.Status), "Someone else changed this action while you were writing. Check it as it is now and try again.");
        var files = form.Files.Where(f => f.Length > 0).ToList();
        if (files.Count > MaxEvidenceFiles) ModelState.AddModelError(nameof(form.Files), $"Attach {MaxEvidenceFiles} documents or fewer at a time");
        var checkedFiles = new List<(IFormFile Upload, CheckedUpload Checked)>();
        foreach (var file in files.Take(MaxEvidenceFiles))
        {
            var read = await uploads.ReadAsync(file);
            if (!read.Accepted) ModelState.AddModelError(nameof(form.Files), $"{FileNameSanitiser.Sanitise(file.FileName)}: {read.Problem}");
            checkedFiles.Add((file, read));
        }
        if (!ModelState.IsValid)
        {
            // What was typed stays on the page; nothing is saved.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Details", await PageAsync(review, action, form, recheck, cancellationToken));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = action.Status;
        // Added explicitly: a new row with its key already set, found only through the navigation, would be taken for an update.
        db.ActionHistory.Add(ActionRules.Apply(action, new ActionStatusChange(form.Status!.Value, form.Evidence, recheck.Date, form.CancellationReason, form.Note), now, user.UserId, User.ActorName()));
        db.Entry(action).Property(a => a.ConcurrencyToken).OriginalValue = form.ConcurrencyToken;
        var kept = new List<ReviewFile>();
        foreach (var (upload, read) in checkedFiles)
        {
            var accepted = new AcceptedUpload(upload.FileName, read.Type!, read.Bytes!);
            var file = accepted.ToReviewFile(review.Id, DocumentKind.Other, $"Evidence of impact: {accepted.DisplayName}", user.UserId, User.ActorName(), now);
            file.ReviewActionId = action.Id;
            await store.KeepAsync(file, accepted.Bytes);
            db.ReviewFiles.Add(file);
            kept.Add(file);
            audit.Add(AuditActions.Created, nameof(ReviewFile), file.Id.ToString(), review.Id, $"Evidence of impact for an action ({accepted.Type.Name}, {file.Length} bytes)");
        }
        audit.Add(AuditActions.Updated, nameof(ReviewAction), action.Id.ToString(), review.Id, $"Action status {from} to {action.Status}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            foreach (var file in kept) store.Forget(file);
            return Conflict("Someone else changed this action at the same moment. Go back, reload the page and try again.");
        }
        catch
        {
            foreach (var file in kept) store.Forget(file);
            throw;
        }
        TempData["Notice"] = $"Status changed to {ActionRules.Name(action.Status).ToLowerInvariant()}.";
        return Redirect($"/action-plans/{action.Id}");
    }

    /// <summary>The action and its review, when the review is one the user may see (the same rule as the list, asked of the database).</summary>
    private async Task<(Review? Review, ReviewAction? Action)> FindAsync(Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var actions = tracking ? db.Actions : db.Actions.AsNoTracking();
        var action = await actions.Include(a => a.Agency).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null) return (null, null);
        var review = await queries.FindAsync(action.ReviewId, where: "action", cancellationToken: cancellationToken);
        return review is null ? (null, null) : (review, action);
    }

    private async Task<ActionPage> PageAsync(Review review, ReviewAction action, ActionStatusForm form, ExportDateFilter recheck, CancellationToken cancellationToken)
    {
        var history = await db.ActionHistory.AsNoTracking().Where(h => h.ActionId == action.Id).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        var evidence = await db.ReviewFiles.AsNoTracking().Where(f => f.ReviewActionId == action.Id).OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);
        var today = time.Today;
        return new ActionPage(action, review.Reference, MethodologyName(review.MethodologyKey), ActionRules.Rag(action.Status, action.DueDate, today, calendar),
            ActionRules.IsRecheckDue(action.Status, action.RecheckOn, today), ActionAccess.MayUpdate(users.Current(), review, catalogue.Newest(review.MethodologyKey), action),
            history, evidence, form, recheck);
    }

    private void ReadDueDates(ActionPlanFilter filter)
    {
        var range = ExportDateFilter.ReadRange(Request.Query, ModelState, nameof(ActionPlanFilter.DueFrom), nameof(ActionPlanFilter.DueTo));
        (filter.DueFromTyped, filter.DueToTyped, filter.DueFrom, filter.DueTo) = (range.FromTyped, range.ToTyped, range.From, range.To);
    }

    private async Task FillChoicesAsync(ActionPlanFilter filter, CancellationToken cancellationToken)
    {
        filter.MethodologyChoices = catalogue.Latest.Select(d => new SelectListItem(d.Name, d.Key, d.Key == filter.Methodology)).ToList();
        filter.AgencyChoices = (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Select(a => new SelectListItem(a.Name, a.Id.ToString(), a.Id == filter.Agency)).ToList();
        // Retired themes stay: actions tagged with them are still in the plans.
        filter.ThemeChoices = (await db.Themes.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Name).Select(t => new { t.Name, t.IsRetired }).ToListAsync(cancellationToken))
            .Select(t => new SelectListItem(t.IsRetired ? t.Name + " (retired)" : t.Name, t.Name, t.Name == filter.Theme)).ToList();
        filter.SubgroupChoices = (await db.Subgroups.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).Select(s => new { s.Id, s.Name, s.IsRetired }).ToListAsync(cancellationToken))
            .Select(s => new SelectListItem(s.IsRetired ? s.Name + " (retired)" : s.Name, s.Id.ToString(), s.Id == filter.Subgroup)).ToList();
    }

    private static string Part(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string MethodologyName(string key) => catalogue.Newest(key)?.Name ?? key;

}
