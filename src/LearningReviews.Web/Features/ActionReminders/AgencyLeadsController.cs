using FluentValidation;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Organisation;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.ActionReminders;

/// <summary>
/// The administrator names each agency's safeguarding lead: the second step of an overdue action's escalation.
/// The lead is chosen from the active accounts (the agency's own people first); every change is audited.
/// </summary>
[Route("admin/agencies"), Authorize(Roles = Roles.Administrator)]
public sealed class AgencyLeadsController(LearningReviewsDbContext db, AuditLog audit) : Controller
{
    private const string ListView = "~/Features/ActionReminders/AgencyLeads.cshtml";
    private const string EditView = "~/Features/ActionReminders/AgencyLead.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync();
        var leadIds = agencies.Where(a => a.LeadUserId != null).Select(a => a.LeadUserId!).ToList();
        var leads = await db.Users.AsNoTracking().Where(u => leadIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.IsActive });
        var rows = agencies.Select(a =>
        {
            var lead = a.LeadUserId is { } id ? leads.GetValueOrDefault(id) : null;
            return new AgencyLeadRow(a.Id, a.Name, a.IsActive, lead?.DisplayName, lead is { IsActive: false });
        }).ToList();
        return View(ListView, rows);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (agency is null) return NotFound();
        return await EditPage(agency, new AgencyLeadForm { LeadUserId = agency.LeadUserId });
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, AgencyLeadForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id);
        if (agency is null) return NotFound();
        var chosen = string.IsNullOrWhiteSpace(form.LeadUserId) ? null : form.LeadUserId.Trim();
        string? leadName = null;
        if (ModelState.IsValid && chosen is not null)
        {
            leadName = await db.Users.Where(u => u.Id == chosen && u.IsActive).Select(u => u.DisplayName).FirstOrDefaultAsync();
            if (leadName is null) ModelState.AddModelError(nameof(AgencyLeadForm.LeadUserId), "Choose the lead from the list of active accounts");
        }
        if (!ModelState.IsValid) return await EditPage(agency, form);
        if (agency.LeadUserId != chosen)
        {
            agency.LeadUserId = chosen;
            // The audit names the account by id; the audit page shows who that is.
            audit.Add(AuditActions.Updated, nameof(Agency), agency.Id.ToString(),
                detail: chosen is null ? $"Agency '{agency.Name}' safeguarding lead removed" : $"Agency '{agency.Name}' safeguarding lead set to user {chosen}");
            await db.SaveChangesAsync();
        }
        TempData["Notice"] = chosen is null ? $"{agency.Name} has no safeguarding lead named" : $"{leadName} is {agency.Name}'s safeguarding lead";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> EditPage(Agency agency, AgencyLeadForm form)
    {
        var people = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .OrderBy(u => u.AgencyId == agency.Id ? 0 : 1).ThenBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, Own = u.AgencyId == agency.Id }).ToListAsync();
        var choices = people.Select(p => new SelectListItem($"{p.DisplayName} ({p.Email}){(p.Own ? "" : ", another agency")}", p.Id, p.Id == form.LeadUserId)).ToList();
        return View(EditView, new AgencyLeadPage(agency.Id, agency.Name, choices, form));
    }
}

/// <summary>The lead chosen on the page; empty for none.</summary>
public sealed class AgencyLeadForm
{
    public string? LeadUserId { get; set; }
}

public sealed class AgencyLeadFormValidator : AbstractValidator<AgencyLeadForm>
{
    public AgencyLeadFormValidator() =>
        RuleFor(f => f.LeadUserId).MaximumLength(LearningReviewsDbContext.IdentityKeyLength)
            .WithMessage("Choose the lead from the list of active accounts");
}

public sealed record AgencyLeadRow(Guid Id, string Name, bool IsActive, string? LeadName, bool LeadInactive);

public sealed record AgencyLeadPage(Guid Id, string Name, IReadOnlyList<SelectListItem> Choices, AgencyLeadForm Form);
