using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.UnitTests.Domain;

public sealed class ReviewRulesTests
{
    [Theory]
    [InlineData(2026, 1, "LR-2026-0001")]
    [InlineData(2026, 42, "LR-2026-0042")]
    [InlineData(2027, 12345, "LR-2027-12345")]
    public void References_read_year_then_number(int year, int number, string expected)
    {
        Assert.Equal(expected, Review.FormatReference(year, number));
    }

    [Fact]
    public void An_action_is_smart_enough_only_with_an_owner_and_a_due_date()
    {
        var action = new ReviewAction { What = "Update the template" };
        Assert.False(action.HasOwnerAndDueDate);
        action.OwnerName = "Team Manager North";
        Assert.False(action.HasOwnerAndDueDate);
        action.DueDate = new DateOnly(2027, 1, 31);
        Assert.True(action.HasOwnerAndDueDate);
    }

    [Fact]
    public void An_action_is_overdue_after_its_due_date_until_it_is_done()
    {
        var today = new DateOnly(2026, 11, 22);
        var action = new ReviewAction { What = "x", DueDate = today.AddDays(-1), Status = ActionStatus.InProgress };
        Assert.True(action.IsOverdue(today));
        Assert.False(new ReviewAction { What = "x", DueDate = today, Status = ActionStatus.NotStarted }.IsOverdue(today));
        action.Status = ActionStatus.CompletedAwaitingEvidence;
        Assert.False(action.IsOverdue(today));
    }

    [Fact]
    public void The_learning_circle_offers_the_reasons_its_document_gives_and_managers_may_propose_it()
    {
        var circle = WorkflowCatalogue.BuiltIn().Newest("locality-learning-circle")!;
        Assert.Equal(
        [
            "An outstanding or inadequate audit outcome",
            "Escalation of risk to the child and family members",
            "Manager identification through exceptions reporting / dashboard scrutiny",
            "A turning point or event in the child's story",
        ], circle.Reasons.Select(r => r.Text));
        Assert.Equal([Roles.HeadOfLocality, Roles.ServiceManager, Roles.TeamManager], circle.MayStart);
        Assert.Null(circle.FindReason("made-up"));
    }

    [Fact]
    public void Every_role_the_issue_names_exists_exactly_once()
    {
        Assert.Equal(11, Roles.All.Count);
        Assert.Equal(Roles.All.Count, Roles.All.Distinct().Count());
        Assert.True(Roles.Exists("Head of Locality"));
        Assert.False(Roles.Exists("head of locality"));
    }
}
