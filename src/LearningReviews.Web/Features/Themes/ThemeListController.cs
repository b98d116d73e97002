using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Themes;

/// <summary>
/// Administrators keep the partnership's theme list: add a theme, rename it or change its description, retire it
/// (it is no longer offered on forms; what it tagged stays and is counted) or bring it back. Themes are never
/// deleted, so counts of past reviews never change under anyone. Every change is audited.
/// </summary>
[Route("admin/themes"), Authorize(Roles = Roles.Administrator)]
public sealed class ThemeListController(LearningReviewsDbContext db, AuditLog audit) : Controller
{
    // The views live with the rest of the themes feature, not in a folder of their own.
    private const string ListView = "~/Features/Themes/ThemeList.cshtml";
    private const string CreateView = "~/Features/Themes/ThemeCreate.cshtml";
    private const string EditView = "~/Features/Themes/ThemeEdit.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        // How much each theme is used, counted by the database.
        var rows = await db.Themes.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Name)
            .Select(t => new ThemeRow(t.Id, t.Name, t.Description, t.IsRetired, t.Reviews.Count, t.LearningPoints.Count, t.Actions.Count))
            .ToListAsync();
        return View(ListView, rows);
    }

    [HttpGet("new")]
    public IActionResult Create() => View(CreateView, new ThemeForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(ThemeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var name = form.Name?.Trim() ?? "";
        if (ModelState.IsValid && await NameTakenAsync(name, null)) ModelState.AddModelError(nameof(ThemeForm.Name), $"There is already a theme called '{name}'");
        if (!ModelState.IsValid) return View(CreateView, form);
        var last = await db.Themes.MaxAsync(t => (int?)t.Position) ?? 0;
        var theme = new Theme { Name = name, Description = Clean(form.Description), Position = last + 1 };
        db.Themes.Add(theme);
        audit.Add(AuditActions.Created, nameof(Theme), theme.Id.ToString(), detail: $"Theme '{name}' added");
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Theme '{name}' added";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var theme = await db.Themes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id);
        if (theme is null) return NotFound();
        ViewData["Theme"] = theme;
        return View(EditView, new ThemeForm { Name = theme.Name, Description = theme.Description, ConcurrencyToken = theme.ConcurrencyToken });
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, ThemeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Id == id);
        if (theme is null) return NotFound();
        ViewData["Theme"] = theme;
        var name = form.Name?.Trim() ?? "";
        if (form.ConcurrencyToken != theme.ConcurrencyToken)
            ModelState.AddModelError("", "Someone else changed this theme while you were editing it. Check it and make your change again");
        if (ModelState.IsValid && await NameTakenAsync(name, id)) ModelState.AddModelError(nameof(ThemeForm.Name), $"There is already a theme called '{name}'");
        if (!ModelState.IsValid) return View(EditView, form);
        var before = theme.Name;
        theme.Name = name;
        theme.Description = Clean(form.Description);
        audit.Add(AuditActions.Updated, nameof(Theme), theme.Id.ToString(),
            detail: before == name ? $"Theme '{name}' description changed" : $"Theme '{before}' renamed '{name}'");
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Theme '{name}' saved";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Retires a theme (retire=true) or brings it back (retire=false).</summary>
    [HttpPost("{id:guid}/retire")]
    public async Task<IActionResult> Retire(Guid id, bool retire)
    {
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Id == id);
        if (theme is null) return NotFound();
        if (theme.IsRetired != retire)
        {
            theme.IsRetired = retire;
            audit.Add(AuditActions.Updated, nameof(Theme), theme.Id.ToString(), detail: retire ? $"Theme '{theme.Name}' retired" : $"Theme '{theme.Name}' brought back");
            await db.SaveChangesAsync();
        }
        TempData["Notice"] = retire ? $"Theme '{theme.Name}' retired: it is no longer offered, and what it tagged is still counted" : $"Theme '{theme.Name}' is offered again";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// Moves a theme one place up or down the list, which is the order forms offer themes in and the dashboard
    /// lists them. The whole list is numbered afresh (it is short), so positions that were equal or had gaps sort out.
    /// </summary>
    [HttpPost("{id:guid}/move")]
    public async Task<IActionResult> Move(Guid id, string? direction)
    {
        var themes = await db.Themes.OrderBy(t => t.Position).ThenBy(t => t.Name).ToListAsync();
        var index = themes.FindIndex(t => t.Id == id);
        if (index < 0) return NotFound();
        var target = direction == "up" ? index - 1 : direction == "down" ? index + 1 : -1;
        var theme = themes[index];
        if (target >= 0 && target < themes.Count)
        {
            (themes[index], themes[target]) = (themes[target], themes[index]);
            for (var i = 0; i < themes.Count; i++) themes[i].Position = i + 1;
            audit.Add(AuditActions.Updated, nameof(Theme), theme.Id.ToString(), detail: $"Theme '{theme.Name}' moved {direction} to place {target + 1}");
            await db.SaveChangesAsync();
            TempData["Notice"] = $"Theme '{theme.Name}' moved {direction}";
        }
        return Redirect("/admin/themes#theme-" + theme.Id);
    }

    /// <summary>Names are unique ignoring case: "neglect" and "Neglect" are one theme.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1304", Justification = "Translated to SQL")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1311", Justification = "Translated to SQL")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1862", Justification = "Translated to SQL")]
    private Task<bool> NameTakenAsync(string name, Guid? except)
    {
        var upper = name.ToUpperInvariant();
        return db.Themes.AnyAsync(t => t.Id != except && t.Name.ToUpper() == upper);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
