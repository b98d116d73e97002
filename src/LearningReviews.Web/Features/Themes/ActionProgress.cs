using System.Linq.Expressions;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Themes;

/// <summary>
/// What the themes figures call an open and an overdue action, in one place, as expressions the database runs.
/// Open: the action plan's open statuses (<see cref="ActionRules.OpenStatuses"/>: not started, in progress, or not
/// embedded and due a re-check). Overdue: open, with a due date before the day counted.
/// </summary>
public static class ActionProgress
{
    /// <summary>The statuses of an action still to be done.</summary>
    public static readonly ActionStatus[] OpenStatuses = [.. ActionRules.OpenStatuses];

    public static Expression<Func<ReviewAction, bool>> Open => a => OpenStatuses.Contains(a.Status);

    public static Expression<Func<ReviewAction, bool>> OverdueOn(DateOnly today) =>
        a => OpenStatuses.Contains(a.Status) && a.DueDate != null && a.DueDate < today;
}
