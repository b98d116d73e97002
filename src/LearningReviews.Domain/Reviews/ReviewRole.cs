namespace LearningReviews.Domain.Reviews;

/// <summary>The part a person plays in one review (distinct from their role in the organisation).</summary>
public enum ReviewRole
{
    Proposer,
    Chair,
    LeadAuthor,
    LeadReviewer,
    Facilitator,
    Coordinator,
    Timekeeper,
    Practitioner,
    Learner,
    Manager,
    AgencyRepresentative,
    LayMember,
}
