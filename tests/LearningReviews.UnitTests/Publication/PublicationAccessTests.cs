using LearningReviews.Domain.Access;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Publication;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;

namespace LearningReviews.UnitTests.Publication;

public sealed class PublicationAccessTests
{
    private static readonly WorkflowDefinition Practitioner = WorkflowCatalogue.BuiltIn().Newest("practitioner-learning-review")!;

    private static Review Review(ReviewStatus status = ReviewStatus.InProgress, string stage = "commissioning") => new()
    {
        Reference = "LR-2026-0002", MethodologyKey = "practitioner-learning-review", Title = "t", CurrentStageKey = stage,
        ReasonSelected = "goodPractice", CreatedBy = "someone-else", Status = status,
    };

    private static UserContext User(string id, params string[] roles) => new(id, roles.ToHashSet(), null);

    [Theory]
    [InlineData(ReviewStatus.InProgress, true)]
    [InlineData(ReviewStatus.Closed, true)]
    [InlineData(ReviewStatus.Withdrawn, false)]
    public void The_business_manager_records_publication_at_any_stage_until_the_review_is_withdrawn(ReviewStatus status, bool allowed) =>
        Assert.Equal(allowed, PublicationAccess.MayManage(User("bm", Roles.BusinessManager), Review(status), Practitioner));

    [Fact]
    public void A_subgroup_member_who_oversees_the_review_reads_but_does_not_record() =>
        Assert.False(PublicationAccess.MayManage(User("sg", Roles.SubgroupMember), Review(), Practitioner));

    [Fact]
    public void The_lead_author_records_publication_and_a_practitioner_being_reviewed_does_not()
    {
        var review = Review();
        review.Participants.Add(new Participant { UserId = "author", Name = "A", Role = ReviewRole.LeadAuthor });
        review.Participants.Add(new Participant { UserId = "p", Name = "P", Role = ReviewRole.Practitioner });
        Assert.True(PublicationAccess.MayManage(User("author", Roles.LeadReviewer), review, Practitioner));
        Assert.False(PublicationAccess.MayManage(User("p", Roles.Practitioner), review, Practitioner));
    }

    [Fact]
    public void Someone_who_cannot_see_the_review_records_nothing() =>
        Assert.False(PublicationAccess.MayManage(User("x", Roles.TeamManager), Review(), Practitioner));

    [Fact]
    public void The_concluding_stage_is_the_outcomes_form_stage_or_else_the_last_stage()
    {
        Assert.Equal("outcomes", PublicationAccess.ConcludingStage(Practitioner)!.Key);
        var circle = WorkflowCatalogue.BuiltIn().Newest("locality-learning-circle")!;
        Assert.Equal(circle.Stages[^1].Key, PublicationAccess.ConcludingStage(circle)!.Key);
    }
}
