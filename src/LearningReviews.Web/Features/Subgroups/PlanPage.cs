using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Subgroups;
using LearningReviews.Web.Features.Exports;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Subgroups;

/// <summary>The meeting form as posted: the plan's decision and comment, and each action's (no decision: not discussed).</summary>
public sealed class PlanMeetingForm
{
    public PlanDecision? Outcome { get; set; }
    public string? Comment { get; set; }
    public List<PlanMeetingItemForm> Items { get; set; } = [];

    /// <summary>The newest meeting record the page showed (none: empty), so a record made meanwhile is not repeated unseen.</summary>
    public Guid? LastSeen { get; set; }
}

public sealed class PlanMeetingItemForm
{
    public Guid ActionId { get; set; }
    public PlanDecision? Outcome { get; set; }
    public string? Comment { get; set; }
}

/// <summary>One action of the plan as the page shows it, with the last thing a meeting said about it.</summary>
public sealed record PlanActionRow(Guid Id, string What, string? OwnerName, DateOnly? DueDate, ActionStatus Status, ActionRag Rag,
    PlanDecision? LastOutcome, string? LastComment);

/// <summary>One meeting's record in the plan's history.</summary>
public sealed record PlanMeetingRow(ActionPlanReview Record, string SubgroupName);

/// <summary>The plan's page.</summary>
public sealed record PlanPage(
    Review Review, string Title, string MethodologyName, Subgroup? Owner, PlanStanding Standing,
    IReadOnlyList<PlanActionRow> Actions, IReadOnlyList<PlanMeetingRow> History,
    bool MayGive, IReadOnlyList<SelectListItem> SubgroupChoices,
    bool MayRecord, PlanMeetingForm Form, ExportDateFilter MeetingOnTyped);
