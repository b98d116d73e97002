using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.UnitTests.Domain;

public sealed class ActionRulesTests
{
    // A Monday with no bank holiday in the next three weeks.
    private static readonly DateOnly Today = new(2027, 3, 1);
    private static readonly WorkingDayCalendar Calendar = new();

    [Fact]
    public void An_action_cannot_be_closed_without_evidence_of_impact_and_a_recheck_date()
    {
        var problems = ActionRules.Problems(new ActionStatusChange(ActionStatus.CompletedAndEmbedded), Today);
        Assert.Equal(["Evidence", "RecheckOn"], problems.Keys.Order());

        var noRecheck = ActionRules.Problems(new ActionStatusChange(ActionStatus.CompletedAndEmbedded, Evidence: "Audit of 10 plans: all had the child's view"), Today);
        Assert.Equal(["RecheckOn"], noRecheck.Keys);

        var pastRecheck = ActionRules.Problems(new ActionStatusChange(ActionStatus.CompletedAndEmbedded, "Audit", RecheckOn: Today), Today);
        Assert.Contains("future", pastRecheck["RecheckOn"], StringComparison.Ordinal);

        Assert.Empty(ActionRules.Problems(new ActionStatusChange(ActionStatus.CompletedAndEmbedded, "Audit", Today.AddMonths(6)), Today));
    }

    [Fact]
    public void Cancelling_needs_a_reason_and_other_statuses_need_nothing()
    {
        Assert.Equal(["CancellationReason"], ActionRules.Problems(new ActionStatusChange(ActionStatus.Cancelled, CancellationReason: "  "), Today).Keys);
        Assert.Empty(ActionRules.Problems(new ActionStatusChange(ActionStatus.Cancelled, CancellationReason: "Replaced by the regional protocol"), Today));
        Assert.Empty(ActionRules.Problems(new ActionStatusChange(ActionStatus.InProgress), Today));
        Assert.Empty(ActionRules.Problems(new ActionStatusChange(ActionStatus.CompletedAwaitingEvidence), Today));
        Assert.Equal(["RecheckOn"], ActionRules.Problems(new ActionStatusChange(ActionStatus.NotEmbedded), Today).Keys);
    }

    [Fact]
    public void Applying_a_change_keeps_its_history_and_the_evidence()
    {
        var action = new ReviewAction { What = "Refresh the neglect toolkit training" };
        var at = new DateTime(2027, 3, 1, 9, 30, 0, DateTimeKind.Utc);
        ActionRules.Apply(action, new ActionStatusChange(ActionStatus.InProgress, Note: "Started"), at, "u1", "Beth Morgan");
        var closing = ActionRules.Apply(action, new ActionStatusChange(ActionStatus.CompletedAndEmbedded, " Audit found it used ", Today.AddMonths(6)), at.AddDays(30), "u1", "Beth Morgan");

        Assert.Equal(ActionStatus.CompletedAndEmbedded, action.Status);
        Assert.Equal("Audit found it used", action.EvidenceOfImpact);
        Assert.Equal(Today.AddMonths(6), action.RecheckOn);
        Assert.Equal(at.AddDays(30), action.CompletedAt);
        Assert.Equal(2, action.History.Count);
        Assert.Equal((ActionStatus?)ActionStatus.NotStarted, action.History[0].FromStatus);
        Assert.Equal("Started", action.History[0].Note);
        Assert.Equal((ActionStatus?)ActionStatus.InProgress, closing.FromStatus);
        Assert.Equal(ActionStatus.CompletedAndEmbedded, closing.ToStatus);

        ActionRules.Apply(action, new ActionStatusChange(ActionStatus.Cancelled, CancellationReason: "No longer needed"), at.AddDays(40), "u2", "Ann Lee");
        Assert.Equal("No longer needed", action.CancellationReason);
        Assert.Null(action.CompletedAt);
        Assert.Equal("No longer needed", action.History[^1].Note);
    }

    [Theory]
    [InlineData(-1, ActionRag.Red)]
    [InlineData(0, ActionRag.Amber)]
    [InlineData(14, ActionRag.Amber)] // Monday two weeks on: the 10th working day
    [InlineData(15, ActionRag.Green)]
    public void Rag_follows_the_due_date_in_working_days(int daysFromToday, ActionRag expected)
    {
        Assert.Equal(expected, ActionRules.Rag(ActionStatus.InProgress, Today.AddDays(daysFromToday), Today, Calendar));
        Assert.Equal(expected, ActionRules.Rag(ActionStatus.NotEmbedded, Today.AddDays(daysFromToday), Today, Calendar));
    }

    [Theory]
    [InlineData(ActionStatus.CompletedAwaitingEvidence)]
    [InlineData(ActionStatus.CompletedAndEmbedded)]
    [InlineData(ActionStatus.Cancelled)]
    public void Completed_and_cancelled_actions_have_no_rag_and_are_never_overdue(ActionStatus status)
    {
        Assert.Equal(ActionRag.None, ActionRules.Rag(status, Today.AddDays(-30), Today, Calendar));
        Assert.False(new ReviewAction { What = "x", Status = status, DueDate = Today.AddDays(-30) }.IsOverdue(Today));
    }

    [Fact]
    public void A_recheck_comes_due_on_its_date_for_closed_and_not_embedded_actions()
    {
        Assert.False(ActionRules.IsRecheckDue(ActionStatus.CompletedAndEmbedded, Today.AddDays(1), Today));
        Assert.True(ActionRules.IsRecheckDue(ActionStatus.CompletedAndEmbedded, Today, Today));
        Assert.True(ActionRules.IsRecheckDue(ActionStatus.NotEmbedded, Today.AddDays(-3), Today));
        Assert.False(ActionRules.IsRecheckDue(ActionStatus.Cancelled, Today.AddDays(-3), Today));
        Assert.False(ActionRules.IsRecheckDue(ActionStatus.CompletedAndEmbedded, null, Today));
    }

    [Theory]
    [InlineData("locality-learning-circle", ActionSource.CircleAction)]
    [InlineData("lscb-learning-review", ActionSource.LscbActionPlan)]
    [InlineData("desktop-review", ActionSource.OutcomesRecommendation)]
    [InlineData("rapid-review", ActionSource.StageActions)]
    public void Actions_typed_on_a_form_take_their_source_from_the_methodology(string methodology, ActionSource expected)
    {
        Assert.Equal(expected, ActionRules.SourceOfActionsField(methodology));
    }
}
