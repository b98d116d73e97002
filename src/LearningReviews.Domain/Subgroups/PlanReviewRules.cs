namespace LearningReviews.Domain.Subgroups;

/// <summary>Where a review's action plan stands with the subgroup that owns it.</summary>
public enum PlanStanding
{
    /// <summary>No subgroup owns the plan yet.</summary>
    NoSubgroup,

    /// <summary>The plan has no actions, so there is nothing for a subgroup to review.</summary>
    NoActions,

    /// <summary>The owning subgroup has not met about it yet.</summary>
    NotYetReviewed,

    /// <summary>The owning subgroup's last meeting challenged it.</summary>
    Challenged,

    /// <summary>Approved, but actions have been added since: the subgroup should see it again.</summary>
    ChangedSinceApproval,

    /// <summary>The owning subgroup's last meeting approved it, and nothing has been added since.</summary>
    Approved,
}

/// <summary>What one action's part of a meeting's record says, as typed: no decision means the meeting did not discuss it.</summary>
public sealed record PlanItemInput(Guid ActionId, PlanDecision? Outcome, string? Comment);

/// <summary>A meeting's record as typed, before it is saved.</summary>
public sealed record PlanMeetingInput(DateOnly? MeetingOn, PlanDecision? Outcome, string? Comment, IReadOnlyList<PlanItemInput> Items);

/// <summary>
/// The rules of a subgroup's review of an action plan: what a meeting's record needs, and whether a plan awaits
/// its subgroup. Plain functions of their inputs, so they are tested without a database; the pages and the home
/// page's list ask the database the same question (<see cref="Standing"/>).
/// </summary>
public static class PlanReviewRules
{
    /// <summary>
    /// Which plans await the subgroup: those it has not reviewed, those its last meeting challenged, and those
    /// given actions after its last approval.
    /// </summary>
    public static PlanStanding Standing(bool hasSubgroup, int actions, PlanDecision? lastOutcome, DateTime? lastRecordedAt, DateTime? newestActionAddedAt)
    {
        if (!hasSubgroup) return PlanStanding.NoSubgroup;
        if (actions == 0) return PlanStanding.NoActions;
        return lastOutcome switch
        {
            null => PlanStanding.NotYetReviewed,
            PlanDecision.Challenged => PlanStanding.Challenged,
            _ => newestActionAddedAt > lastRecordedAt ? PlanStanding.ChangedSinceApproval : PlanStanding.Approved,
        };
    }

    public static bool Awaits(PlanStanding standing) => standing is PlanStanding.NotYetReviewed or PlanStanding.Challenged or PlanStanding.ChangedSinceApproval;

    public static string Describe(PlanStanding standing) => standing switch
    {
        PlanStanding.NoSubgroup => "Not given to a subgroup yet",
        PlanStanding.NoActions => "No actions yet",
        PlanStanding.NotYetReviewed => "Awaiting the subgroup's first review",
        PlanStanding.Challenged => "Challenged: awaiting the subgroup's review again",
        PlanStanding.ChangedSinceApproval => "Actions added since it was approved: awaiting the subgroup's review",
        _ => "Approved",
    };

    /// <summary>
    /// What is wrong with a meeting's record, as (field, message) pairs in the order of the page's fields: the
    /// meeting's date (a real day, not in the future), a decision on the plan, and a comment for every challenge
    /// (saying what is challenged is the point of a challenge). <paramref name="itemField"/> names an action's field.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Problems(PlanMeetingInput input, DateOnly today, Func<int, string, string> itemField)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(itemField);
        if (input.MeetingOn is not { } on) yield return ("MeetingOn", "Enter the date of the meeting, for example 27 3 2027");
        else if (on > today) yield return ("MeetingOn", "The meeting's date must be today or in the past");
        for (var i = 0; i < input.Items.Count; i++)
        {
            var item = input.Items[i];
            if (item.Comment?.Length > ActionPlanReview.CommentLength)
                yield return (itemField(i, "Comment"), $"The comment on action {i + 1} must be {ActionPlanReview.CommentLength:N0} characters or fewer");
            else if (item.Outcome == PlanDecision.Challenged && string.IsNullOrWhiteSpace(item.Comment))
                yield return (itemField(i, "Comment"), $"Say what the meeting challenged about action {i + 1}");
        }
        if (input.Outcome is not (PlanDecision.Approved or PlanDecision.Challenged))
            yield return ("Outcome", "Choose whether the meeting approved or challenged the plan");
        if (input.Comment?.Length > ActionPlanReview.CommentLength)
            yield return ("Comment", $"The comment on the plan must be {ActionPlanReview.CommentLength:N0} characters or fewer");
        else if (input.Outcome == PlanDecision.Challenged && string.IsNullOrWhiteSpace(input.Comment))
            yield return ("Comment", "Say what the meeting challenged about the plan");
    }
}
