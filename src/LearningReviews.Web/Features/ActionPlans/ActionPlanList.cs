using System.Diagnostics.CodeAnalysis;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.ActionPlans;

/// <summary>One action as the list, the exports and My work show it: only the columns they need.</summary>
public sealed class ActionPlanRow
{
    public Guid Id { get; init; }
    public Guid ReviewId { get; init; }
    public string Reference { get; init; } = "";
    public string MethodologyKey { get; init; } = "";

    /// <summary>The subgroup that owns the review's action plan, if it has been given to one.</summary>
    public string? Subgroup { get; init; }
    public string What { get; init; } = "";
    public string? OwnerName { get; init; }
    public string? Agency { get; init; }
    public DateOnly? DueDate { get; init; }
    public ActionStatus Status { get; init; }
    public ActionSource Source { get; init; }
    public DateOnly? RecheckOn { get; init; }
    public string? EvidenceOfImpact { get; init; }
}

/// <summary>
/// The action plans list as one database query: the actions of the reviews the user may see (the view rule
/// as a query, <see cref="Reviews.ReviewQueries.VisibleTo"/>), every filter and the sort applied by the
/// database, and only a row's columns read. The caller counts it and takes one page, or all of it for an export.
/// </summary>
public sealed class ActionPlanList(LearningReviewsDbContext db, WorkingDayCalendar calendar)
{
    [SuppressMessage("Globalization", "CA1304", Justification = "Translated to SQL")]
    [SuppressMessage("Globalization", "CA1311", Justification = "Translated to SQL")]
    [SuppressMessage("Performance", "CA1862", Justification = "Translated to SQL")]
    public IQueryable<ActionPlanRow> Query(IQueryable<Review> visible, ActionPlanFilter filter, string userId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Review?.Trim().ToUpperInvariant() is { Length: > 0 } reference) visible = visible.Where(r => r.Reference == reference);
        if (!string.IsNullOrEmpty(filter.Methodology)) visible = visible.Where(r => r.MethodologyKey == filter.Methodology);
        if (filter.Subgroup is { } subgroup) visible = visible.Where(r => r.SubgroupId == subgroup);

        var actions = db.Actions.AsNoTracking();
        if (filter.Mine == "me") actions = actions.Where(a => a.OwnerUserId == userId);
        if (filter.Owner?.Trim().ToLowerInvariant() is { Length: > 0 } owner)
            actions = actions.Where(a => a.OwnerName != null && a.OwnerName.ToLower().Contains(owner));
        if (filter.Agency is { } agency) actions = actions.Where(a => a.AgencyId == agency);
        // The themes dashboard's rule (Features/Themes/ThemeFigures), so its figures and this list agree: an action
        // counts under its own themes or, when it has none, under its review's.
        if (filter.Theme?.Trim() is { Length: > 0 } theme)
            actions = actions.Where(a => a.Themes.Any(t => t.Name == theme) || (!a.Themes.Any() && a.Review!.Themes.Any(t => t.Name == theme)));
        if (filter.Status is { } status) actions = actions.Where(a => a.Status == status);
        var open = ActionRules.OpenStatuses.ToList();
        if (filter.State == "open") actions = actions.Where(a => open.Contains(a.Status));
        if (filter.State == "closed") actions = actions.Where(a => !open.Contains(a.Status));
        if (filter.DueFrom is { } from) actions = actions.Where(a => a.DueDate >= from);
        if (filter.DueTo is { } to) actions = actions.Where(a => a.DueDate <= to);
        var amberUntil = ActionRules.AmberUntil(today, calendar);
        actions = filter.Rag switch
        {
            ActionRag.Red => actions.Where(a => open.Contains(a.Status) && a.DueDate < today),
            ActionRag.Amber => actions.Where(a => open.Contains(a.Status) && a.DueDate >= today && a.DueDate <= amberUntil),
            ActionRag.Green => actions.Where(a => open.Contains(a.Status) && (a.DueDate == null || a.DueDate > amberUntil)),
            _ => actions,
        };

        var rows =
            from a in actions
            join r in visible on a.ReviewId equals r.Id
            select new ActionPlanRow
            {
                Id = a.Id, ReviewId = r.Id, Reference = r.Reference, MethodologyKey = r.MethodologyKey, What = a.What,
                Subgroup = r.SubgroupId == null ? null : db.Subgroups.Where(s => s.Id == r.SubgroupId).Select(s => s.Name).FirstOrDefault(),
                OwnerName = a.OwnerName, Agency = a.Agency == null ? null : a.Agency.Name, DueDate = a.DueDate, Status = a.Status,
                Source = a.Source, RecheckOn = a.RecheckOn, EvidenceOfImpact = a.EvidenceOfImpact,
            };
        return Sorted(rows, filter);
    }

    private static IQueryable<ActionPlanRow> Sorted(IQueryable<ActionPlanRow> rows, ActionPlanFilter filter)
    {
        var descending = filter.Descending;
        IOrderedQueryable<ActionPlanRow> sorted = filter.EffectiveSort switch
        {
            "review" => descending ? rows.OrderByDescending(r => r.Reference) : rows.OrderBy(r => r.Reference),
            "what" => descending ? rows.OrderByDescending(r => r.What) : rows.OrderBy(r => r.What),
            "owner" => descending ? rows.OrderByDescending(r => r.OwnerName) : rows.OrderBy(r => r.OwnerName),
            "agency" => descending ? rows.OrderByDescending(r => r.Agency) : rows.OrderBy(r => r.Agency),
            "status" => descending ? rows.OrderByDescending(r => r.Status) : rows.OrderBy(r => r.Status),
            // Actions with no due date come last either way: they are the least urgent and the least SMART.
            _ => descending
                ? rows.OrderBy(r => r.DueDate == null).ThenByDescending(r => r.DueDate)
                : rows.OrderBy(r => r.DueDate == null).ThenBy(r => r.DueDate),
        };
        // A stable order, so paging never shows a row twice or skips one.
        return sorted.ThenBy(r => r.Reference).ThenBy(r => r.Id);
    }
}
