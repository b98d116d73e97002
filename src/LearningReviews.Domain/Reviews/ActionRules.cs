using LearningReviews.Domain.Calendar;

namespace LearningReviews.Domain.Reviews;

/// <summary>Red, amber or green from the due date; None for an action that is finished or cancelled.</summary>
public enum ActionRag { None, Green, Amber, Red }

/// <summary>A status change as asked for on the action's page.</summary>
public sealed record ActionStatusChange(
    ActionStatus To, string? Evidence = null, DateOnly? RecheckOn = null, string? CancellationReason = null, string? Note = null);

/// <summary>
/// The rules of an action's life: what a status change needs, how red/amber/green follows the due date, and
/// when a re-check comes due. Kept apart from the web layer so the same rules serve the page, My work, the
/// exports and the reminders of phase 2.
/// </summary>
public static class ActionRules
{
    /// <summary>
    /// An open action due within this many working days is amber: two working weeks, long enough to do
    /// something about it before it turns red.
    /// </summary>
    public const int AmberWorkingDays = 10;

    public const int EvidenceMaxLength = 4000;
    public const int ReasonMaxLength = 2000;
    public const int NoteMaxLength = 2000;

    /// <summary>Statuses in which the action still has work to do (and so has a RAG, and can be overdue).</summary>
    public static bool IsOpen(ActionStatus status) =>
        status is ActionStatus.NotStarted or ActionStatus.InProgress or ActionStatus.NotEmbedded;

    /// <summary>Open statuses as a list, for queries that cannot call <see cref="IsOpen"/>.</summary>
    public static readonly IReadOnlyList<ActionStatus> OpenStatuses = [ActionStatus.NotStarted, ActionStatus.InProgress, ActionStatus.NotEmbedded];

    /// <summary>The last due date that is still amber (not green) seen from <paramref name="today"/>.</summary>
    public static DateOnly AmberUntil(DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(today, AmberWorkingDays);
    }

    /// <summary>
    /// Red when past its due date, amber when due within <see cref="AmberWorkingDays"/> working days (today
    /// included), green otherwise or with no due date. Completed and cancelled actions have none.
    /// </summary>
    public static ActionRag Rag(ActionStatus status, DateOnly? due, DateOnly today, WorkingDayCalendar calendar)
    {
        if (!IsOpen(status)) return ActionRag.None;
        if (due is not { } date) return ActionRag.Green;
        if (date < today) return ActionRag.Red;
        return date <= AmberUntil(today, calendar) ? ActionRag.Amber : ActionRag.Green;
    }

    /// <summary>
    /// A closed or not-embedded action whose re-check date has come: a task for its owner (check the change
    /// has lasted, then close it again or mark it not embedded with a later re-check).
    /// </summary>
    public static bool IsRecheckDue(ActionStatus status, DateOnly? recheckOn, DateOnly today) =>
        status is ActionStatus.CompletedAndEmbedded or ActionStatus.NotEmbedded && recheckOn is { } on && on <= today;

    /// <summary>What stops a change, keyed by the form field it concerns; empty when it may be made.</summary>
    public static IReadOnlyDictionary<string, string> Problems(ActionStatusChange change, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(change);
        var problems = new Dictionary<string, string>();
        if (change.To == ActionStatus.CompletedAndEmbedded && string.IsNullOrWhiteSpace(change.Evidence))
            problems["Evidence"] = "Enter the evidence of impact before closing the action";
        if (change.To is ActionStatus.CompletedAndEmbedded or ActionStatus.NotEmbedded)
        {
            if (change.RecheckOn is not { } recheck)
                problems["RecheckOn"] = "Enter the date to check again that the change has lasted";
            else if (recheck <= today)
                problems["RecheckOn"] = "The re-check date must be in the future";
        }
        if (change.To == ActionStatus.Cancelled && string.IsNullOrWhiteSpace(change.CancellationReason))
            problems["CancellationReason"] = "Enter why the action is cancelled";
        if (change.Evidence is { Length: > EvidenceMaxLength })
            problems["Evidence"] = $"The evidence of impact must be {EvidenceMaxLength:N0} characters or fewer";
        if (change.CancellationReason is { Length: > ReasonMaxLength })
            problems["CancellationReason"] = $"The reason must be {ReasonMaxLength:N0} characters or fewer";
        if (change.Note is { Length: > NoteMaxLength })
            problems["Note"] = $"The note must be {NoteMaxLength:N0} characters or fewer";
        return problems;
    }

    /// <summary>
    /// Makes the change (after <see cref="Problems"/> found none) and records it in the action's history.
    /// Evidence typed with any status is kept; the cancellation reason only while cancelled.
    /// </summary>
    /// <returns>The history row written.</returns>
    public static ActionHistory Apply(ReviewAction action, ActionStatusChange change, DateTime at, string? byUserId, string byName)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(change);
        var from = action.Status;
        action.Status = change.To;
        if (!string.IsNullOrWhiteSpace(change.Evidence)) action.EvidenceOfImpact = change.Evidence.Trim();
        if (change.RecheckOn is not null || change.To is ActionStatus.CompletedAndEmbedded or ActionStatus.NotEmbedded)
            action.RecheckOn = change.RecheckOn;
        action.CancellationReason = change.To == ActionStatus.Cancelled ? change.CancellationReason?.Trim() : null;
        action.CompletedAt = change.To is ActionStatus.CompletedAwaitingEvidence or ActionStatus.CompletedAndEmbedded
            ? action.CompletedAt ?? at
            : null;
        var history = new ActionHistory
        {
            ActionId = action.Id, At = at, ByUserId = byUserId, ByName = byName, FromStatus = from, ToStatus = change.To,
            Note = change.To == ActionStatus.Cancelled ? change.CancellationReason?.Trim() : string.IsNullOrWhiteSpace(change.Note) ? null : change.Note.Trim(),
        };
        action.History.Add(history);
        return history;
    }

    /// <summary>How a status reads on pages and in exports.</summary>
    public static string Name(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.CompletedAwaitingEvidence => "Completed, awaiting evidence",
        ActionStatus.CompletedAndEmbedded => "Completed and embedded",
        ActionStatus.NotEmbedded => "Not embedded (re-check due)",
        ActionStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string Name(ActionSource source) => source switch
    {
        ActionSource.CircleAction => "Learning circle action",
        ActionSource.OutcomesRecommendation => "Outcomes Form recommendation",
        ActionSource.LscbActionPlan => "LSCB action plan",
        ActionSource.LscbKeyFinding => "LSCB key finding",
        ActionSource.PracticeLearningDayFinding => "Practice learning day finding",
        ActionSource.LearningConversationPlanChange => "Learning conversation change to the plan",
        _ => "Stage action",
    };

    /// <summary>The source of an action typed in a stage's "actions" field, from the review's methodology.</summary>
    public static ActionSource SourceOfActionsField(string methodologyKey) => methodologyKey switch
    {
        "locality-learning-circle" => ActionSource.CircleAction,
        "lscb-learning-review" => ActionSource.LscbActionPlan,
        "rapid-review" => ActionSource.StageActions,
        _ => ActionSource.OutcomesRecommendation,
    };
}
