using LearningReviews.Domain.Workflows.Engine;

namespace LearningReviews.UnitTests.Workflows;

/// <summary>002: the facilitator is independent of the professionals involved with the family, and is not the one who asked for the conversation.</summary>
public sealed class FacilitatorIndependenceTests
{
    private static readonly ParticipantFacts Fran = new("Facilitator", "u-fran", "Fran Ellis", "fran@example.org", null);
    private static readonly ParticipantFacts Tariq = new("Proposer", "u-tariq", "Tariq Malik", "tariq@example.org", null);
    private static readonly ParticipantFacts Priya = new("Practitioner", "u-priya", "Priya Shah", null, null);

    [Fact]
    public void Someone_outside_the_family_s_professionals_who_did_not_ask_for_it_is_independent() =>
        Assert.Null(FacilitatorIndependence.Refusal(Fran, [Tariq], [Priya]));

    [Fact]
    public void The_person_who_requested_the_conversation_is_refused()
    {
        var asked = Fran with { UserId = "u-tariq", Name = "Tariq Malik" };
        Assert.Equal("The independent facilitator cannot be Tariq Malik, who requested the learning conversation: choose someone independent of the family's professionals",
            FacilitatorIndependence.Refusal(asked, [Tariq], [Priya]));
    }

    [Fact]
    public void One_of_the_professionals_involved_is_refused_whether_known_by_account_email_or_name()
    {
        Assert.Contains("who is one of the professionals involved with the family",
            FacilitatorIndependence.Refusal(Fran with { UserId = "u-priya", Name = "Priya Shah" }, [Tariq], [Priya]), StringComparison.Ordinal);
        // An external professional without an account, listed by email in another case.
        var byEmail = new ParticipantFacts("Practitioner", null, "F. Ellis", "FRAN@example.org", "Health");
        Assert.NotNull(FacilitatorIndependence.Refusal(Fran, [Tariq], [byEmail]));
        // Two people without accounts are the same person only by the same name.
        var externalFacilitator = new ParticipantFacts("Facilitator", null, " Jo Bell ", null, null);
        Assert.NotNull(FacilitatorIndependence.Refusal(externalFacilitator, [], [new("Practitioner", null, "jo bell", null, null)]));
        Assert.Null(FacilitatorIndependence.Refusal(externalFacilitator, [], [new("Practitioner", "u-jo", "Jo Bell", null, null)]));
    }
}
