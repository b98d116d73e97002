using LearningReviews.Domain.Reviews;
using LearningReviews.Web.Features.Exports;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.ActionPlans;

/// <summary>The action plans list's filters and sort, as they come from its GET form (nothing changes, so GET is right).</summary>
public sealed class ActionPlanFilter
{
    /// <summary>A review reference, such as LR-2026-0001.</summary>
    public string? Review { get; set; }
    public string? Methodology { get; set; }

    /// <summary>Part of the owner's name.</summary>
    public string? Owner { get; set; }

    /// <summary>"me" for the signed-in user's own actions.</summary>
    public string? Mine { get; set; }
    public Guid? Agency { get; set; }

    /// <summary>The subgroup that owns the review's action plan (Review.SubgroupId).</summary>
    public Guid? Subgroup { get; set; }

    /// <summary>A theme's name from the managed list: the action's own themes, or its review's when it has none.</summary>
    public string? Theme { get; set; }
    public ActionStatus? Status { get; set; }

    /// <summary>"open" (not started, in progress, not embedded), "closed" (completed or cancelled) or empty for all.</summary>
    public string? State { get; set; }
    public ActionRag? Rag { get; set; }

    /// <summary>Due dates, read by the controller from the GOV.UK date boxes (a wrong date is left out and reported).</summary>
    [BindNever]
    public DateOnly? DueFrom { get; set; }

    [BindNever]
    public DateOnly? DueTo { get; set; }

    [BindNever]
    public ExportDateFilter DueFromTyped { get; set; } = ExportDateFilter.None;

    [BindNever]
    public ExportDateFilter DueToTyped { get; set; } = ExportDateFilter.None;

    /// <summary>The column sorted on: review, what, owner, agency, due (the default) or status.</summary>
    public string? Sort { get; set; }

    /// <summary>"desc" for descending; ascending otherwise.</summary>
    public string? Dir { get; set; }

    public static readonly IReadOnlyList<string> SortColumns = ["review", "what", "owner", "agency", "due", "status"];

    public string EffectiveSort => Sort is { } s && SortColumns.Contains(s) ? s : "due";
    public bool Descending => Dir == "desc";

    public IEnumerable<SelectListItem> MethodologyChoices { get; set; } = [];
    public IEnumerable<SelectListItem> AgencyChoices { get; set; } = [];
    public IEnumerable<SelectListItem> ThemeChoices { get; set; } = [];
    public IEnumerable<SelectListItem> SubgroupChoices { get; set; } = [];

    public IEnumerable<SelectListItem> StatusChoices() =>
        Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(ActionRules.Name(s), s.ToString(), s == Status));

    public IEnumerable<SelectListItem> RagChoices() =>
        new[] { ActionRag.Red, ActionRag.Amber, ActionRag.Green }.Select(r => new SelectListItem(r.ToString(), r.ToString(), r == Rag));

    public static IReadOnlyList<SelectListItem> StateChoices { get; } = [new("Open and closed", ""), new("Open", "open"), new("Completed or cancelled", "closed")];

    /// <summary>The filters as a query string (no page; the sort only when <paramref name="withSort"/>), so links keep them.</summary>
    public string QueryString(bool withSort = true)
    {
        var parts = new List<KeyValuePair<string, string?>>
        {
            new(nameof(Review), Review), new(nameof(Methodology), Methodology), new(nameof(Owner), Owner), new(nameof(Mine), Mine),
            new(nameof(Agency), Agency?.ToString()), new(nameof(Subgroup), Subgroup?.ToString()), new(nameof(Theme), Theme), new(nameof(Status), Status?.ToString()),
            new(nameof(State), State), new(nameof(Rag), Rag?.ToString()),
        };
        foreach (var (name, typed) in new[] { (nameof(DueFrom), DueFromTyped), (nameof(DueTo), DueToTyped) })
        {
            parts.Add(new(name + ".day", typed.Day));
            parts.Add(new(name + ".month", typed.Month));
            parts.Add(new(name + ".year", typed.Year));
        }
        if (withSort)
        {
            parts.Add(new(nameof(Sort), Sort));
            parts.Add(new(nameof(Dir), Dir));
        }
        return Microsoft.AspNetCore.Http.QueryString.Create(parts.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }

    /// <summary>The link that sorts on <paramref name="column"/>: ascending first, descending when already ascending on it.</summary>
    public string SortLink(string column)
    {
        var descending = EffectiveSort == column && !Descending;
        var query = QueryString(withSort: false);
        return "/action-plans" + (query.Length > 0 ? query + "&" : "?") + "Sort=" + column + (descending ? "&Dir=desc" : "");
    }

    /// <summary>aria-sort for a column's header.</summary>
    public string AriaSort(string column) => EffectiveSort != column ? "none" : Descending ? "descending" : "ascending";
}
