namespace LearningReviews.Domain.Workflows.Engine;

/// <summary>
/// The Learning Conversation's rule (002): the facilitator "is independent from the professionals
/// involved with the family", and so is not the person who requested the conversation either. One
/// rule for the gate and for the stage form, which refuses such a choice when it is saved.
/// </summary>
public static class FacilitatorIndependence
{
    /// <summary>Why this facilitator is not independent, in words for the page; null when they are.</summary>
    /// <param name="requesters">Who requested the review (its Proposer).</param>
    /// <param name="involved">The professionals involved with the family.</param>
    public static string? Refusal(ParticipantFacts facilitator, IEnumerable<ParticipantFacts> requesters, IEnumerable<ParticipantFacts> involved)
    {
        ArgumentNullException.ThrowIfNull(facilitator);
        ArgumentNullException.ThrowIfNull(requesters);
        ArgumentNullException.ThrowIfNull(involved);
        if (requesters.Any(r => SamePerson(facilitator, r)))
            return $"The independent facilitator cannot be {facilitator.Name}, who requested the learning conversation: choose someone independent of the family's professionals";
        if (involved.Any(i => SamePerson(facilitator, i)))
            return $"The independent facilitator cannot be {facilitator.Name}, who is one of the professionals involved with the family";
        return null;
    }

    /// <summary>The same account, the same email, or (for two people without accounts) the same name.</summary>
    public static bool SamePerson(ParticipantFacts a, ParticipantFacts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return (a.UserId is not null && a.UserId == b.UserId)
               || (a.Email is not null && string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase))
               || (a.UserId is null && b.UserId is null && string.Equals(a.Name.Trim(), b.Name.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
