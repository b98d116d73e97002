using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Participants;

/// <summary>The people involved in a review, and whether the signed-in user may change who they are.</summary>
public sealed record ParticipantsPage(Review Review, string MethodologyName, bool MayManage, AddParticipantForm Form)
{
    /// <summary>In a review of several families, someone involved with one family sees only the people of that family.</summary>
    public Func<Participant, bool> MaySee { get; init; } = _ => true;

    /// <summary>The review's next (or latest) meetings, whose invitation answers the list shows for each person.</summary>
    public IReadOnlyList<Domain.Meetings.Meeting> Meetings { get; init; } = [];

    public string? CaseLabel(Guid? caseId) =>
        caseId is null ? null : Review.Cases.FirstOrDefault(c => c.CaseId == caseId)?.Case?.Label;
}
