using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Subgroups;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Subgroups;

/// <summary>
/// Administrators keep the partnership's subgroups: add one, rename it or change its description, retire it (no
/// longer offered for plans; the plans it owns and their history stay) or bring it back, and choose its members
/// and chairs. Subgroups are never deleted. Every form carries the subgroup's concurrency token, so a change made
/// from a stale page is refused, and every view and change is audited (people by their account id, not their name).
/// </summary>
[Route("admin/subgroups"), Authorize(Roles = Roles.Administrator)]
public sealed class SubgroupListController(LearningReviewsDbContext db, AuditLog audit) : Controller
{
    private const string ListView = "~/Features/Subgroups/SubgroupList.cshtml";
    private const string CreateView = "~/Features/Subgroups/SubgroupCreate.cshtml";
    private const string EditView = "~/Features/Subgroups/SubgroupEdit.cshtml";
    private const string StaleMessage = "Someone else changed this subgroup while you were looking at it. Check it as it is now and make your change again";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken = default)
    {
        var subgroups = await db.Subgroups.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Description, s.IsRetired, Members = s.Members.Count, Plans = db.Reviews.Count(r => r.SubgroupId == s.Id) })
            .ToListAsync(cancellationToken);
        var chairs = await (from m in db.SubgroupMembers.AsNoTracking()
                            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                            where m.IsChair
                            orderby u.DisplayName
                            select new { m.SubgroupId, u.DisplayName }).ToListAsync(cancellationToken);
        var rows = subgroups.Select(s => new SubgroupRow(s.Id, s.Name, s.Description, s.IsRetired, s.Members,
            chairs.Where(c => c.SubgroupId == s.Id).Select(c => c.DisplayName).ToList(), s.Plans)).ToList();
        await audit.RecordViewAsync(nameof(Subgroup), null, null, "Subgroup list", cancellationToken);
        return View(ListView, rows);
    }

    [HttpGet("new")]
    public IActionResult Create() => View(CreateView, new SubgroupForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(SubgroupForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var name = form.Name?.Trim() ?? "";
        if (ModelState.IsValid && await NameTakenAsync(name, null, cancellationToken))
            ModelState.AddModelError(nameof(SubgroupForm.Name), $"There is already a subgroup called '{name}'");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(CreateView, form);
        }
        var last = await db.Subgroups.MaxAsync(s => (int?)s.Position, cancellationToken) ?? 0;
        var subgroup = new Subgroup { Name = name, Description = Clean(form.Description), Position = last + 1 };
        db.Subgroups.Add(subgroup);
        audit.Add(AuditActions.Created, nameof(Subgroup), subgroup.Id.ToString(), detail: $"Subgroup '{name}' added");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"Subgroup '{name}' added: now choose its members and chair";
        return Redirect($"/admin/subgroups/{subgroup.Id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken = default)
    {
        var subgroup = await db.Subgroups.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subgroup is null) return NotFound();
        await audit.RecordViewAsync(nameof(Subgroup), subgroup.Id.ToString(), null, "Subgroup page", cancellationToken);
        return View(EditView, await PageAsync(subgroup, new SubgroupForm { Name = subgroup.Name, Description = subgroup.Description, ConcurrencyToken = subgroup.ConcurrencyToken },
            new SubgroupMemberForm { ConcurrencyToken = subgroup.ConcurrencyToken }, cancellationToken));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, SubgroupForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var subgroup = await db.Subgroups.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subgroup is null) return NotFound();
        var name = form.Name?.Trim() ?? "";
        if (form.ConcurrencyToken != subgroup.ConcurrencyToken) ModelState.AddModelError("", StaleMessage);
        if (ModelState.IsValid && await NameTakenAsync(name, id, cancellationToken))
            ModelState.AddModelError(nameof(SubgroupForm.Name), $"There is already a subgroup called '{name}'");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(EditView, await PageAsync(subgroup, form, new SubgroupMemberForm { ConcurrencyToken = subgroup.ConcurrencyToken }, cancellationToken));
        }
        var before = subgroup.Name;
        subgroup.Name = name;
        subgroup.Description = Clean(form.Description);
        audit.Add(AuditActions.Updated, nameof(Subgroup), subgroup.Id.ToString(),
            detail: before == name ? $"Subgroup '{name}' description changed" : $"Subgroup '{before}' renamed '{name}'");
        return await SaveAsync(subgroup, form.ConcurrencyToken, $"Subgroup '{name}' saved", cancellationToken);
    }

    /// <summary>Retires a subgroup (retire=true) or brings it back (retire=false).</summary>
    [HttpPost("{id:guid}/retire")]
    public async Task<IActionResult> Retire(Guid id, bool retire, Guid? concurrencyToken, CancellationToken cancellationToken = default)
    {
        var subgroup = await db.Subgroups.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subgroup is null) return NotFound();
        if (concurrencyToken != subgroup.ConcurrencyToken) return StaleRedirect(subgroup);
        if (subgroup.IsRetired == retire) return Redirect("/admin/subgroups");
        subgroup.IsRetired = retire;
        audit.Add(AuditActions.Updated, nameof(Subgroup), subgroup.Id.ToString(), detail: retire ? $"Subgroup '{subgroup.Name}' retired" : $"Subgroup '{subgroup.Name}' brought back");
        var result = await SaveAsync(subgroup, concurrencyToken, retire
            ? $"Subgroup '{subgroup.Name}' retired: it is no longer offered for plans, and the plans it owns keep it and their history"
            : $"Subgroup '{subgroup.Name}' is offered again", cancellationToken);
        return result is RedirectResult ? Redirect("/admin/subgroups") : result;
    }

    [HttpPost("{id:guid}/members")]
    public async Task<IActionResult> AddMember(Guid id, [Bind(Prefix = "AddMember")] SubgroupMemberForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var subgroup = await db.Subgroups.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subgroup is null) return NotFound();
        var userId = form.UserId?.Trim() ?? "";
        if (form.ConcurrencyToken != subgroup.ConcurrencyToken) ModelState.AddModelError("", StaleMessage);
        if (string.IsNullOrEmpty(userId)) ModelState.AddModelError("AddMember.UserId", "Choose the person to add");
        else if (!await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken)) ModelState.AddModelError("AddMember.UserId", "Choose someone with an active account");
        else if (subgroup.Members.Any(m => m.UserId == userId)) ModelState.AddModelError("AddMember.UserId", "They are already a member of this subgroup");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            db.ChangeTracker.Clear();
            var current = await db.Subgroups.AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken);
            return View(EditView, await PageAsync(current, new SubgroupForm { Name = current.Name, Description = current.Description, ConcurrencyToken = current.ConcurrencyToken },
                form, cancellationToken));
        }
        subgroup.Members.Add(new SubgroupMember { SubgroupId = subgroup.Id, UserId = userId, IsChair = form.IsChair });
        audit.Add(AuditActions.Created, nameof(SubgroupMember), MemberKey(subgroup.Id, userId), detail: form.IsChair ? $"Chair added to subgroup '{subgroup.Name}'" : $"Member added to subgroup '{subgroup.Name}'");
        return await SaveAsync(subgroup, form.ConcurrencyToken, form.IsChair ? "Chair added" : "Member added", cancellationToken, toEdit: true);
    }

    [HttpPost("{id:guid}/members/remove")]
    public async Task<IActionResult> RemoveMember(Guid id, string userId, Guid? concurrencyToken, CancellationToken cancellationToken = default)
    {
        var subgroup = await db.Subgroups.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subgroup is null) return NotFound();
        if (concurrencyToken != subgroup.ConcurrencyToken) return StaleRedirect(subgroup);
        var member = subgroup.Members.FirstOrDefault(m => m.UserId == userId);
        if (member is null) return Redirect($"/admin/subgroups/{id}");
        subgroup.Members.Remove(member);
        audit.Add(AuditActions.Deleted, nameof(SubgroupMember), MemberKey(subgroup.Id, userId), detail: $"Member removed from subgroup '{subgroup.Name}'");
        return await SaveAsync(subgroup, concurrencyToken, "Member removed", cancellationToken, toEdit: true);
    }

    /// <summary>Makes a member a chair (chair=true) or an ordinary member again (chair=false).</summary>
    [HttpPost("{id:guid}/members/chair")]
    public async Task<IActionResult> Chair(Guid id, string userId, bool chair, Guid? concurrencyToken, CancellationToken cancellationToken = default)
    {
        var subgroup = await db.Subgroups.Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subgroup is null) return NotFound();
        if (concurrencyToken != subgroup.ConcurrencyToken) return StaleRedirect(subgroup);
        var member = subgroup.Members.FirstOrDefault(m => m.UserId == userId);
        if (member is null || member.IsChair == chair) return Redirect($"/admin/subgroups/{id}");
        member.IsChair = chair;
        audit.Add(AuditActions.Updated, nameof(SubgroupMember), MemberKey(subgroup.Id, userId), detail: chair ? $"Member made chair of subgroup '{subgroup.Name}'" : $"Member no longer chairs subgroup '{subgroup.Name}'");
        return await SaveAsync(subgroup, concurrencyToken, chair ? "Chair chosen" : "No longer a chair", cancellationToken, toEdit: true);
    }

    /// <summary>
    /// Saves with the token the page was read from as the original, so a change saved by someone else between
    /// reading and saving is refused by the database. Membership changes mark the subgroup changed too, so its
    /// token is renewed and pages showing the old membership are stale.
    /// </summary>
    private async Task<IActionResult> SaveAsync(Subgroup subgroup, Guid? token, string notice, CancellationToken cancellationToken, bool toEdit = false)
    {
        db.Entry(subgroup).State = EntityState.Modified;
        db.Entry(subgroup).Property(s => s.ConcurrencyToken).OriginalValue = token ?? Guid.Empty;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Problem"] = StaleMessage;
            return Redirect($"/admin/subgroups/{subgroup.Id}");
        }
        TempData["Notice"] = notice;
        return Redirect(toEdit ? $"/admin/subgroups/{subgroup.Id}" : "/admin/subgroups");
    }

    private RedirectResult StaleRedirect(Subgroup subgroup)
    {
        TempData["Problem"] = StaleMessage;
        return Redirect($"/admin/subgroups/{subgroup.Id}");
    }

    private async Task<SubgroupEditPage> PageAsync(Subgroup subgroup, SubgroupForm form, SubgroupMemberForm addMember, CancellationToken cancellationToken)
    {
        var members = await (from m in db.SubgroupMembers.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             where m.SubgroupId == subgroup.Id
                             orderby m.IsChair descending, u.DisplayName
                             select new SubgroupMemberRow(m.UserId, u.DisplayName, u.Email ?? "", m.IsChair, u.IsActive)).ToListAsync(cancellationToken);
        var memberIds = members.Select(m => m.UserId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => u.IsActive && !memberIds.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return new SubgroupEditPage(subgroup, form, members,
            people.Select(p => new SelectListItem($"{p.DisplayName} ({p.Email})", p.Id, p.Id == addMember.UserId)).ToList(), addMember);
    }

    /// <summary>Names are unique ignoring case.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1304", Justification = "Translated to SQL")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1311", Justification = "Translated to SQL")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1862", Justification = "Translated to SQL")]
    private Task<bool> NameTakenAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        var upper = name.ToUpperInvariant();
        return db.Subgroups.AnyAsync(s => s.Id != except && s.Name.ToUpper() == upper, cancellationToken);
    }

    private static string MemberKey(Guid subgroupId, string userId) => $"{subgroupId}/{userId}";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
