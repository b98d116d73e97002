using LearningReviews.Domain.Reviews;

namespace LearningReviews.UnitTests.Domain;

/// <summary>When an overdue action goes to its owner, its agency's lead and its subgroup's chair, and which week a digest is for.</summary>
public sealed class EscalationRulesTests
{
    private static readonly EscalationThresholds Defaults = new(0, 14, 28);
    private static readonly DateOnly Due = new(2027, 3, 1);

    private static IReadOnlyList<EscalationStep> On(int daysAfterDue, ActionStatus status = ActionStatus.InProgress, EscalationThresholds? thresholds = null) =>
        EscalationRules.StepsDue(status, Due, Due.AddDays(daysAfterDue), thresholds ?? Defaults);

    [Fact]
    public void Nothing_is_escalated_on_or_before_the_due_date()
    {
        Assert.Empty(On(-10));
        Assert.Empty(On(0));
    }

    [Fact]
    public void The_owner_is_told_the_day_after_the_due_date_then_the_lead_after_14_days_then_the_chair_after_28()
    {
        Assert.Equal([EscalationStep.Owner], On(1));
        Assert.Equal([EscalationStep.Owner], On(13));
        Assert.Equal([EscalationStep.Owner, EscalationStep.AgencyLead], On(14));
        Assert.Equal([EscalationStep.Owner, EscalationStep.AgencyLead], On(27));
        Assert.Equal([EscalationStep.Owner, EscalationStep.AgencyLead, EscalationStep.SubgroupChair], On(28));
        Assert.Equal([EscalationStep.Owner, EscalationStep.AgencyLead, EscalationStep.SubgroupChair], On(400));
    }

    [Fact]
    public void Thresholds_are_configurable_and_0_and_1_both_mean_as_soon_as_overdue()
    {
        var later = new EscalationThresholds(7, 21, 42);
        Assert.Empty(On(6, thresholds: later));
        Assert.Equal([EscalationStep.Owner], On(7, thresholds: later));
        Assert.Equal([EscalationStep.Owner, EscalationStep.AgencyLead], On(41, thresholds: later));
        Assert.Equal(On(1), On(1, thresholds: new EscalationThresholds(1, 14, 28)));
        Assert.Equal(Due.AddDays(-1), EscalationRules.LatestDueDateToEscalate(Due, Defaults));
        Assert.Equal(Due.AddDays(-7), EscalationRules.LatestDueDateToEscalate(Due, later));
    }

    [Theory]
    [InlineData(ActionStatus.CompletedAwaitingEvidence)]
    [InlineData(ActionStatus.CompletedAndEmbedded)]
    [InlineData(ActionStatus.Cancelled)]
    public void Finished_and_cancelled_actions_are_never_escalated(ActionStatus status) => Assert.Empty(On(100, status));

    [Fact]
    public void A_not_embedded_action_is_open_and_escalated_and_one_with_no_due_date_is_not()
    {
        Assert.Equal([EscalationStep.Owner], On(3, ActionStatus.NotEmbedded));
        Assert.Empty(EscalationRules.StepsDue(ActionStatus.NotStarted, null, Due.AddDays(100), Defaults));
    }

    [Fact]
    public void Thresholds_must_not_be_negative_or_out_of_order()
    {
        Assert.Null(Defaults.Problem());
        Assert.Null(new EscalationThresholds(0, 0, 0).Problem());
        Assert.Contains("negative", new EscalationThresholds(-1, 14, 28).Problem(), StringComparison.Ordinal);
        Assert.Contains("no later than", new EscalationThresholds(0, 30, 28).Problem(), StringComparison.Ordinal);
        Assert.Contains("no later than", new EscalationThresholds(15, 14, 28).Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_digest_week_runs_Monday_to_Sunday_and_its_digest_goes_on_the_digest_day_or_later_that_week()
    {
        var monday = new DateOnly(2027, 3, 1);
        for (var d = 0; d < 7; d++) Assert.Equal(monday, EscalationRules.WeekOf(monday.AddDays(d)));
        Assert.Equal(monday.AddDays(7), EscalationRules.WeekOf(monday.AddDays(7)));

        Assert.True(EscalationRules.DigestDue(monday, DayOfWeek.Monday));
        Assert.True(EscalationRules.DigestDue(monday.AddDays(6), DayOfWeek.Monday)); // a missed Monday is made up by Sunday
        Assert.False(EscalationRules.DigestDue(monday.AddDays(1), DayOfWeek.Wednesday));
        Assert.True(EscalationRules.DigestDue(monday.AddDays(2), DayOfWeek.Wednesday));
        Assert.False(EscalationRules.DigestDue(monday.AddDays(5), DayOfWeek.Sunday));
        Assert.True(EscalationRules.DigestDue(monday.AddDays(6), DayOfWeek.Sunday));
    }
}
