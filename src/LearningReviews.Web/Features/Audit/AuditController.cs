using System.Globalization;
using System.Text;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Identity;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Exports;
using LearningReviews.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Audit;

/// <summary>
/// The audit log, for administrators and QA Team Managers: filtered, a page at a time, with the hash
/// chain checked on every visit (the rows since the last full check; the whole chain once a day or on
/// request, see <see cref="AuditChainCheckpoint"/>), and a CSV export of the filtered rows (which is itself audited).
/// </summary>
[Route("admin/audit"), Authorize(Roles = Roles.Administrator + "," + Roles.QaTeamManager)]
public sealed class AuditController(LearningReviewsDbContext db, PartnershipTime time, AuditLog audit, AuditChainCheckpoint checkpoint, PendingViewAudits views) : Controller
{
    public const int PageSize = 50;
    private const int MaxFilterLength = 256;

    // "action" is also MVC's route value (the action's name), so the Action filter is bound from the query by name.
    [HttpGet("")]
    /// <param name="check">"full" reads the whole hash chain now instead of the rows since the last full check.</param>
    public async Task<IActionResult> Index(string? person, string? review, [FromQuery(Name = "Action")] string? auditAction, int page = 1, string? check = null, CancellationToken cancellationToken = default)
    {
        var filter = ReadFilter(person, review, auditAction);
        // Page views are written by a background writer within moments (PendingViewAudits); waiting for it here means
        // the page shows every view made on this instance up to now, and checks their places in the chain too.
        await views.FlushAsync(cancellationToken);
        var query = filter.Apply(db, time).AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await Rows(Ordered(query).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        var actions = await db.AuditEvents.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var chain = await checkpoint.CheckAsync(db, full: check == "full", cancellationToken);
        return View(new AuditLogPage(filter, rows, page, pages, total, actions, chain));
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(string? person, string? review, [FromQuery(Name = "Action")] string? auditAction, CancellationToken cancellationToken = default)
    {
        var filter = ReadFilter(person, review, auditAction);
        if (!ModelState.IsValid) return BadRequest();
        await audit.RecordAsync(AuditActions.Exported, "AuditLog", null, detail: "CSV: " + filter.Describe(), cancellationToken: cancellationToken);
        // As on the page: every view made on this instance up to now is in the file.
        await views.FlushAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.Append("Sequence,Time (UTC),Person,Action,Record type,Record,Review,Address,Detail\r\n");
        await foreach (var row in Rows(Ordered(filter.Apply(db, time).AsNoTracking())).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.AppendJoin(',', new[]
            {
                row.Sequence?.ToString(CultureInfo.InvariantCulture), row.OccurredAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                row.UserName, row.Action, row.EntityType, row.EntityId, row.ReviewReference, row.IpAddress, row.Detail,
            }.Select(Cell)).Append("\r\n");
        }
        var name = $"audit-log-{time.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }

    private static IQueryable<Domain.Auditing.AuditEvent> Ordered(IQueryable<Domain.Auditing.AuditEvent> query) =>
        query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Sequence);

    private IQueryable<AuditLogRow> Rows(IQueryable<Domain.Auditing.AuditEvent> query) =>
        query.Select(e => new AuditLogRow(e.Sequence, e.OccurredAt, e.UserName, e.Action, e.EntityType, e.EntityId,
            db.Reviews.Where(r => r.Id == e.ReviewId).Select(r => r.Reference).FirstOrDefault(), e.IpAddress, e.Detail));

    /// <summary>
    /// A CSV cell, quoted. A cell that a spreadsheet would run as a formula (=, +, -, @, tab, return) gets a
    /// leading apostrophe, so text someone typed into the application cannot act on the reader's computer.
    /// </summary>
    private static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private AuditLogFilter ReadFilter(string? person, string? review, string? action)
    {
        var range = ExportDateFilter.ReadRange(Request.Query, ModelState, nameof(AuditLogFilter.From), nameof(AuditLogFilter.To));
        return new AuditLogFilter
        {
            Person = Clean(person),
            Review = Clean(review),
            Action = Clean(action),
            FromTyped = range.FromTyped,
            ToTyped = range.ToTyped,
            From = range.From,
            To = range.To,
        };
    }

    /// <summary>Filters are free text from the address bar: trimmed, control characters (NUL included) dropped, length capped.</summary>
    private static string? Clean(string? value)
    {
        if (value is null) return null;
        var kept = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return kept.Length > MaxFilterLength ? kept[..MaxFilterLength] : kept;
    }
}
