using LearningReviews.Domain.Access;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;

namespace LearningReviews.UnitTests.Domain;

public sealed class ReviewAccessPolicyTests
{
    private static readonly Guid North = Guid.NewGuid();
    private static readonly Guid South = Guid.NewGuid();

    private static Review ReviewIn(Guid locality, string proposer = "proposer") => new()
    {
        Reference = "LR-2026-0001", MethodologyKey = "locality-learning-circle", Title = "t", CurrentStageKey = "proposal",
        ReasonSelected = "turning-point", LocalityId = locality, CreatedBy = proposer,
    };

    private static readonly WorkflowDefinition Circle = WorkflowCatalogue.BuiltIn().Newest("locality-learning-circle")!;

    private static UserContext User(string id, Guid? locality, params string[] roles) =>
        new(id, roles.ToHashSet(), locality);

    [Fact]
    public void A_practitioner_with_no_part_in_the_review_may_not_see_it()
    {
        Assert.False(ReviewAccessPolicy.MaySee(User("p1", North, Roles.Practitioner), ReviewIn(North), Circle));
    }

    [Fact]
    public void A_participant_may_see_the_review_whatever_their_role()
    {
        var review = ReviewIn(South);
        review.Participants.Add(new Participant { UserId = "p1", Name = "Priya", Role = ReviewRole.Learner });
        Assert.True(ReviewAccessPolicy.MaySee(User("p1", North, Roles.Practitioner), review, Circle));
    }

    [Fact]
    public void The_proposer_may_see_their_proposal()
    {
        Assert.True(ReviewAccessPolicy.MaySee(User("proposer", null, Roles.TeamManager), ReviewIn(South), Circle));
    }

    [Theory]
    [InlineData(Roles.HeadOfLocality)]
    [InlineData(Roles.ServiceManager)]
    [InlineData(Roles.TeamManager)]
    public void Locality_managers_oversee_their_own_locality_only(string role)
    {
        Assert.True(ReviewAccessPolicy.MaySee(User("m1", North, role), ReviewIn(North), Circle));
        Assert.False(ReviewAccessPolicy.MaySee(User("m1", North, role), ReviewIn(South), Circle));
        Assert.False(ReviewAccessPolicy.MaySee(User("m1", null, role), ReviewIn(North), Circle));
    }

    [Fact]
    public void The_QA_team_manager_oversees_every_locality()
    {
        Assert.True(ReviewAccessPolicy.MaySee(User("qa", null, Roles.QaTeamManager), ReviewIn(South), Circle));
    }

    [Fact]
    public void An_administrator_does_not_see_case_data_by_virtue_of_the_role()
    {
        Assert.False(ReviewAccessPolicy.MaySee(User("admin", North, Roles.Administrator), ReviewIn(North), Circle));
    }
}
