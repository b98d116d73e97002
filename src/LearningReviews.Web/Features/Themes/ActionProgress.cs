using System.Linq.Expressions;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Themes;

/// <summary>
/// What the themes figures call an open and an overdue action, in one place, as expressions the database runs.
/// Open: not finished with (not started or in progress). Overdue: open, with a due date before the day counted.
/// (The action plan's statuses are changing: when they do, <see cref="OpenStatuses"/> is the one line to change.)
/// </summary>
public static class ActionProgress
{
    /// <summary>The statuses of an action still to be done.</summary>
    public static readonly ActionStatus[] OpenStatuses = [ActionStatus.NotStarted, ActionStatus.InProgress];

    public static Expression<Func<ReviewAction, bool>> Open => a => OpenStatuses.Contains(a.Status);

    public static Expression<Func<ReviewAction, bool>> OverdueOn(DateOnly today) =>
        a => OpenStatuses.Contains(a.Status) && a.DueDate != null && a.DueDate < today;
}
