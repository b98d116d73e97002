using System.Globalization;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.DipSamples;
using LearningReviews.Domain.Identity;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.GovUk;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.DipSamples;

/// <summary>
/// Dip-sample and KLOE audits (seed 001): Team Managers record and list their own; Service Managers, the QA Team
/// Manager and Heads of Locality see every Team Manager's count per month against the minimum of four
/// (docs/compliance.md). Every page view and change is audited; months are the partnership's (PartnershipTime).
/// </summary>
[Route("dip-samples")]
public sealed class DipSamplesController(
    LearningReviewsDbContext db,
    UserContextFactory users,
    AuditLog audit,
    PartnershipTime time,
    DipSampleCompliance compliance) : Controller
{
    private const int PageSize = 25;

    [HttpGet("")]
    [Authorize(Roles = Roles.TeamManager)]
    public async Task<IActionResult> Index(int page = 1)
    {
        var me = users.Current().UserId;
        var mine = db.DipSampleAudits.AsNoTracking().Where(a => a.AuditorUserId == me);
        var total = await mine.CountAsync();
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var audits = await mine.OrderByDescending(a => a.AuditedOn).ThenByDescending(a => a.CreatedAt)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync();
        var thisMonth = DipSampleRules.MonthKey(time.Today);
        var countThisMonth = await mine.CountAsync(a => a.Month == thisMonth);
        var localities = await db.Localities.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name);
        await audit.RecordViewAsync(nameof(DipSampleAudit), null, null, $"Own audits listed: {audits.Count} of {total}");
        return View(new MyDipSamplesPage(audits, total, page, PageSize, countThisMonth, time.Today, localities));
    }

    [HttpGet("new")]
    [Authorize(Roles = Roles.TeamManager)]
    public async Task<IActionResult> New()
    {
        var form = new DipSampleForm
        {
            AuditedOnDay = time.Today.Day.ToString(CultureInfo.InvariantCulture),
            AuditedOnMonth = time.Today.Month.ToString(CultureInfo.InvariantCulture),
            AuditedOnYear = time.Today.Year.ToString(CultureInfo.InvariantCulture),
            LocalityId = users.Current().LocalityId?.ToString(),
        };
        return View("Edit", new DipSampleEditPage(null, form, await LocalitiesAsync()));
    }

    [HttpPost("new")]
    [Authorize(Roles = Roles.TeamManager)]
    public async Task<IActionResult> Create(DipSampleForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        ReadDate(form);
        var localities = await LocalitiesAsync();
        var problems = form.Check(time.Today, localities.Select(l => l.Id).ToHashSet(), out var values);
        if (problems.Count > 0) return Refused("Edit", new DipSampleEditPage(null, form, localities), problems);

        var me = users.Current().UserId;
        var name = User.FindFirst(LearningReviewsClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity?.Name ?? "Unknown";
        var created = new DipSampleAudit
        {
            AuditorUserId = me, AuditorName = name, ServiceArea = "", CaseLabel = "", Findings = "",
        };
        values.ApplyTo(created);
        db.DipSampleAudits.Add(created);
        // No case label or findings in the audit row: the row says what happened, the record holds the case.
        audit.Add(AuditActions.Created, nameof(DipSampleAudit), created.Id.ToString(), null,
            $"{DipSampleRules.KindName(created.Kind)} recorded for {created.AuditedOn:yyyy-MM-dd}");
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Your audit has been recorded. You have recorded {await CountThisMonthAsync(me)} this month (the minimum is {DipSampleRules.MinimumPerMonth}).";
        return Redirect("/dip-samples");
    }

    [HttpGet("{id:guid}/edit")]
    [Authorize(Roles = Roles.TeamManager)]
    public async Task<IActionResult> Edit(Guid id)
    {
        var existing = await OwnAsync(id, tracking: false);
        if (existing is null) return NotFound();
        await audit.RecordViewAsync(nameof(DipSampleAudit), existing.Id.ToString(), null, "Own audit opened to change");
        return View(new DipSampleEditPage(existing.Id, DipSampleForm.From(existing), await LocalitiesAsync()));
    }

    [HttpPost("{id:guid}/edit")]
    [Authorize(Roles = Roles.TeamManager)]
    public async Task<IActionResult> Update(Guid id, DipSampleForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var existing = await OwnAsync(id, tracking: true);
        if (existing is null) return NotFound();
        ReadDate(form);
        var localities = await LocalitiesAsync();
        var problems = form.Check(time.Today, localities.Select(l => l.Id).ToHashSet(), out var values);
        if (problems.Count > 0) return Refused("Edit", new DipSampleEditPage(id, form, localities), problems);

        values.ApplyTo(existing);
        // Saved only if nobody changed it since the form was read (the same account in another tab).
        db.Entry(existing).Property(a => a.ConcurrencyToken).OriginalValue = form.ConcurrencyToken;
        audit.Add(AuditActions.Updated, nameof(DipSampleAudit), existing.Id.ToString(), null, "Audit changed");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refused("Edit", new DipSampleEditPage(id, form, localities), new Dictionary<string, string>
            {
                [""] = "This audit was changed in another window while you were editing it. Open it again to see the saved version.",
            });
        }
        TempData["Notice"] = "Your changes to the audit have been saved.";
        return Redirect("/dip-samples");
    }

    [HttpGet("compliance")]
    [Authorize(Roles = Roles.ServiceManager + "," + Roles.QaTeamManager + "," + Roles.HeadOfLocality)]
    public async Task<IActionResult> Compliance(string? from, string? to, string? locality, int page = 1)
    {
        var thisMonth = new DateOnly(time.Today.Year, time.Today.Month, 1);
        var end = ParseMonth(to) ?? thisMonth;
        var start = ParseMonth(from) ?? end.AddMonths(-2);
        if (start > end) (start, end) = (end, start);
        // At most a year at once, counted back from the end month.
        if (start < end.AddMonths(-(DipSampleRules.MaxMonthsShown - 1))) start = end.AddMonths(-(DipSampleRules.MaxMonthsShown - 1));
        Guid? localityId = Guid.TryParse(locality, out var l) ? l : null;
        // A Head of Locality oversees their own area's Team Managers (seed 001 sets the audits per area); the Service
        // Manager and the QA Team Manager, who keeps the central log, see every locality. A Head of Locality whose
        // account has no locality sees nobody rather than everybody.
        var ownLocalityOnly = User.IsInRole(Roles.HeadOfLocality) && !User.IsInRole(Roles.ServiceManager) && !User.IsInRole(Roles.QaTeamManager);
        if (ownLocalityOnly) localityId = users.Current().LocalityId ?? Guid.Empty;
        var months = DipSampleRules.MonthsBetween(start, end);
        var (rows, total) = await compliance.CountAsync(months, localityId, Math.Max(1, page));
        await audit.RecordViewAsync("DipSampleCompliance", null, null,
            $"{rows.Count} of {total} Team Managers, {start:yyyy-MM} to {end:yyyy-MM}");
        var localities = await LocalitiesAsync();
        if (ownLocalityOnly) localities = localities.Where(x => x.Id == localityId).ToList();
        return View(new CompliancePage(months, rows, total, Math.Max(1, page), DipSampleCompliance.PageSize, localities, localityId,
            start.ToString("yyyy-MM", CultureInfo.InvariantCulture), end.ToString("yyyy-MM", CultureInfo.InvariantCulture), time.Today));
    }

    private static DateOnly? ParseMonth(string? value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
        && month.Year is >= 2000 and <= 2100 ? month : null;

    private void ReadDate(DipSampleForm form)
    {
        var (day, month, year) = GovUkDate.Typed(Request.Form, "AuditedOn");
        (form.AuditedOnDay, form.AuditedOnMonth, form.AuditedOnYear) = (day, month, year);
    }

    private ViewResult Refused(string view, object model, Dictionary<string, string> problems)
    {
        foreach (var (key, message) in problems) ModelState.AddModelError(key, message);
        return View(view, model);
    }

    private async Task<DipSampleAudit?> OwnAsync(Guid id, bool tracking)
    {
        var me = users.Current().UserId;
        var audits = tracking ? db.DipSampleAudits : db.DipSampleAudits.AsNoTracking();
        // Another Team Manager's audit is "not found": nobody changes someone else's record.
        return await audits.FirstOrDefaultAsync(a => a.Id == id && a.AuditorUserId == me);
    }

    private Task<int> CountThisMonthAsync(string userId)
    {
        var month = DipSampleRules.MonthKey(time.Today);
        return db.DipSampleAudits.CountAsync(a => a.AuditorUserId == userId && a.Month == month);
    }

    private Task<List<Domain.Organisation.Locality>> LocalitiesAsync() =>
        db.Localities.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Name).ToListAsync();
}
