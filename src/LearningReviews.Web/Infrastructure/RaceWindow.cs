namespace LearningReviews.Web.Infrastructure;

/// <summary>
/// The moment between reading what a save depends on and writing it back, in the steps where two
/// people pressing at once could collide: a new version of the Outcomes Form (and its other steps),
/// adding someone to a review, and a proposal's reference number. In the application it does nothing.
/// Tests replace it to hold several requests at that moment together, so the race they guard against
/// happens on every run instead of when the timing happens to fall that way.
/// </summary>
public class RaceWindow
{
    /// <summary>Names of the places, for tests to choose which one to hold.</summary>
    public const string OutcomesFormStep = "outcomes-form-step";
    public const string AddParticipant = "add-participant";
    public const string ProposalReference = "proposal-reference";

    public virtual Task PauseAsync(string place, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
