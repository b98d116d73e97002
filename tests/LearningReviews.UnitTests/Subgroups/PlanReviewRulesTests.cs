using LearningReviews.Domain.Subgroups;

namespace LearningReviews.UnitTests.Subgroups;

public sealed class PlanReviewRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);
    private static readonly DateTime Met = new(2026, 6, 1, 16, 0, 0, DateTimeKind.Utc);

    private static List<(string Field, string Message)> Problems(PlanMeetingInput input) =>
        PlanReviewRules.Problems(input, Today, (i, name) => $"Items[{i}].{name}").ToList();

    [Fact]
    public void A_plan_awaits_its_subgroup_until_approved_and_again_when_actions_are_added_after_approval()
    {
        Assert.Equal(PlanStanding.NoSubgroup, PlanReviewRules.Standing(false, 3, null, null, Met));
        Assert.Equal(PlanStanding.NoActions, PlanReviewRules.Standing(true, 0, null, null, null));
        Assert.Equal(PlanStanding.NotYetReviewed, PlanReviewRules.Standing(true, 2, null, null, Met));
        Assert.Equal(PlanStanding.Challenged, PlanReviewRules.Standing(true, 2, PlanDecision.Challenged, Met, Met.AddDays(-5)));
        Assert.Equal(PlanStanding.Approved, PlanReviewRules.Standing(true, 2, PlanDecision.Approved, Met, Met.AddDays(-5)));
        Assert.Equal(PlanStanding.ChangedSinceApproval, PlanReviewRules.Standing(true, 3, PlanDecision.Approved, Met, Met.AddDays(1)));
        Assert.True(PlanReviewRules.Awaits(PlanStanding.ChangedSinceApproval));
        Assert.False(PlanReviewRules.Awaits(PlanStanding.Approved));
        Assert.False(PlanReviewRules.Awaits(PlanStanding.NoSubgroup));
    }

    [Fact]
    public void A_challenge_needs_a_comment_and_the_meeting_a_date_not_in_the_future()
    {
        var problems = Problems(new PlanMeetingInput(Today.AddDays(1), PlanDecision.Challenged, " ",
            [new PlanItemInput(Guid.NewGuid(), null, null), new PlanItemInput(Guid.NewGuid(), PlanDecision.Challenged, "")]));
        Assert.Equal(["MeetingOn", "Items[1].Comment", "Comment"], problems.Select(p => p.Field));
        Assert.Contains("action 2", problems[1].Message, StringComparison.Ordinal);

        Assert.Equal(["MeetingOn", "Outcome"], Problems(new PlanMeetingInput(null, null, null, [])).Select(p => p.Field));
    }

    [Fact]
    public void An_approved_plan_with_a_challenged_action_that_says_why_is_accepted()
    {
        Assert.Empty(Problems(new PlanMeetingInput(Today, PlanDecision.Approved, null,
            [new PlanItemInput(Guid.NewGuid(), PlanDecision.Challenged, "Say how the audit will sample cases"), new PlanItemInput(Guid.NewGuid(), PlanDecision.Approved, null)])));
    }

    [Fact]
    public void Comments_longer_than_the_column_are_refused()
    {
        var longText = new string('x', ActionPlanReview.CommentLength + 1);
        var problems = Problems(new PlanMeetingInput(Today, PlanDecision.Approved, longText, [new PlanItemInput(Guid.NewGuid(), PlanDecision.Approved, longText)]));
        Assert.Equal(["Items[0].Comment", "Comment"], problems.Select(p => p.Field));
    }
}
