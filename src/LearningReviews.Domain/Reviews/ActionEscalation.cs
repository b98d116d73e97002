namespace LearningReviews.Domain.Reviews;

/// <summary>Who an overdue action is escalated to, in order: each step goes further up the partnership.</summary>
public enum EscalationStep
{
    /// <summary>The action's owner (an owner chosen from the accounts).</summary>
    Owner = 1,

    /// <summary>The safeguarding lead of the action's agency (Agency.LeadUserId).</summary>
    AgencyLead = 2,

    /// <summary>The chair or chairs of the subgroup that owns the review's action plan (Review.SubgroupId).</summary>
    SubgroupChair = 3,
}

/// <summary>
/// One escalation step sent for an overdue action. There is at most one row per action, step and due date
/// (a unique index), so a step is sent once however often the job runs, on however many instances; moving the
/// due date starts the steps again for the new date.
/// </summary>
public class ActionEscalation
{
    /// <summary>The most characters kept of the names the step was sent to.</summary>
    public const int SentToLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActionId { get; set; }
    public EscalationStep Step { get; set; }

    /// <summary>The due date the action was overdue against when the step was sent.</summary>
    public DateOnly DueDate { get; set; }

    public DateTime SentAt { get; set; }

    /// <summary>Whom the step went to, by display name, for the action's page (never written to logs or email).</summary>
    public required string SentTo { get; set; }
}

/// <summary>
/// The weekly digest sent to one owner: at most one row per owner and week (a unique index), so each owner gets
/// one digest a week however often the job runs.
/// </summary>
public class ActionDigest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The owner's user account.</summary>
    public required string UserId { get; set; }

    /// <summary>The Monday of the week the digest is for.</summary>
    public DateOnly WeekOf { get; set; }

    public DateTime SentAt { get; set; }

    /// <summary>How many open actions it listed.</summary>
    public int ActionCount { get; set; }
}

/// <summary>After how many days past its due date an open action goes to each step (configuration, validated at startup).</summary>
public sealed record EscalationThresholds(int OwnerAfterDays, int AgencyLeadAfterDays, int SubgroupChairAfterDays)
{
    /// <summary>The days for one step.</summary>
    public int DaysFor(EscalationStep step) => step switch
    {
        EscalationStep.Owner => OwnerAfterDays,
        EscalationStep.AgencyLead => AgencyLeadAfterDays,
        EscalationStep.SubgroupChair => SubgroupChairAfterDays,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>What is wrong with the settings, or null: no negative days, and each step no sooner than the one before.</summary>
    public string? Problem() =>
        OwnerAfterDays < 0 || AgencyLeadAfterDays < 0 || SubgroupChairAfterDays < 0
            ? "The days after which an overdue action is escalated cannot be negative"
            : OwnerAfterDays > AgencyLeadAfterDays || AgencyLeadAfterDays > SubgroupChairAfterDays
                ? "An overdue action must go to its owner no later than to its agency's lead, and to the lead no later than to the subgroup's chair"
                : null;
}

/// <summary>When an overdue action is escalated, and which week a digest belongs to.</summary>
public static class EscalationRules
{
    public static readonly IReadOnlyList<EscalationStep> Steps = [EscalationStep.Owner, EscalationStep.AgencyLead, EscalationStep.SubgroupChair];

    /// <summary>
    /// Calendar days since the due date: 1 on the day after it, the first day the action is overdue. Calendar
    /// days, not working days, because the thresholds are weeks ("two weeks overdue") as people say them.
    /// </summary>
    public static int DaysPastDue(DateOnly due, DateOnly today) => today.DayNumber - due.DayNumber;

    /// <summary>
    /// The steps whose time has come for an action: it is open and overdue, and at least the step's number of days
    /// have passed since its due date (0 and 1 both mean "as soon as it is overdue"). Which of them were sent
    /// already is for the caller to know.
    /// </summary>
    public static IReadOnlyList<EscalationStep> StepsDue(ActionStatus status, DateOnly? due, DateOnly today, EscalationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (!ActionRules.IsOpen(status) || due is not { } date || date >= today) return [];
        var past = DaysPastDue(date, today);
        return [.. Steps.Where(step => past >= thresholds.DaysFor(step))];
    }

    /// <summary>The last due date for which any step can be due on <paramref name="today"/>: what the job reads up to.</summary>
    public static DateOnly LatestDueDateToEscalate(DateOnly today, EscalationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return today.AddDays(-Math.Max(1, thresholds.OwnerAfterDays));
    }

    /// <summary>The Monday of the week <paramref name="day"/> falls in: the week a digest is counted in.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// Whether this week's digest may go on <paramref name="today"/>: on the digest day or any later day of the same
    /// week (Monday to Sunday), so a day the job did not run is made up the next day and never in the next week.
    /// </summary>
    public static bool DigestDue(DateOnly today, DayOfWeek digestDay) =>
        ((int)today.DayOfWeek + 6) % 7 >= ((int)digestDay + 6) % 7;
}
