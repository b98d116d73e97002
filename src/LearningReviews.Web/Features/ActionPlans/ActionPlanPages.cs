using LearningReviews.Domain.Files;
using LearningReviews.Domain.Reviews;
using LearningReviews.Web.Features.Exports;

namespace LearningReviews.Web.Features.ActionPlans;

/// <summary>One page of the list: <paramref name="Total"/> actions match, shown <see cref="Reviews.ReviewQueries.PageSize"/> at a time.</summary>
public sealed record ActionPlansPage(ActionPlanFilter Filter, IReadOnlyList<ActionPlanRow> Rows, int Page, int Pages, int Total,
    Func<string, string> MethodologyName, Func<ActionPlanRow, ActionRag> Rag)
{
    public int FirstShown => Rows.Count == 0 ? 0 : ((Page - 1) * Reviews.ReviewQueries.PageSize) + 1;
    public int LastShown => FirstShown + Rows.Count - 1;
}

/// <summary>The status form as posted. Files are the evidence documents; the re-check date comes from its three boxes.</summary>
public sealed class ActionStatusForm
{
    public ActionStatus? Status { get; set; }
    public string? Evidence { get; set; }
    public string? CancellationReason { get; set; }
    public string? Note { get; set; }
    public Guid ConcurrencyToken { get; set; }
    public List<IFormFile> Files { get; set; } = [];
}

/// <summary>The action's page: its details, history and evidence, and the status form (with what was typed, when it was refused).</summary>
public sealed record ActionPage(
    ReviewAction Action, string Reference, string MethodologyName, ActionRag Rag, bool RecheckDue, bool MayUpdate,
    IReadOnlyList<ActionHistory> History, IReadOnlyList<ReviewFile> Evidence, ActionStatusForm Form, ExportDateFilter RecheckTyped);
