using LearningReviews.Domain.Access;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>One stage in the review's task list.</summary>
public sealed record StageRow(string Key, string Title, string Status, bool Linked)
{
    /// <summary>Earlier cycles of a repeatable stage (a first staff meeting before a second), readable on their own.</summary>
    public IReadOnlyList<int> EarlierCycles { get; init; } = [];
}

/// <summary>A deadline on the review page: the calendar date, and working days left (negative when overdue).</summary>
public sealed record DeadlineRow(string Title, DateOnly Due, int WorkingDaysLeft);

/// <summary>A review started from this one, or the one this was started from.</summary>
public sealed record LinkedReviewRow(Guid Id, string Reference, string Title, bool IsSource);

/// <summary>What the review page shows.</summary>
public sealed record ReviewDetailsView(Review Review, WorkflowDefinition? Methodology, bool ShowRestricted)
{
    public IReadOnlyList<StageRow> Stages { get; init; } = [];
    public Workflow.WorkflowMoves? Moves { get; init; }
    public IReadOnlyList<DeadlineRow> Deadlines { get; init; } = [];
    public IReadOnlyList<ReviewTransition> History { get; init; } = [];

    /// <summary>The display names of the people in the history, by user id.</summary>
    public IReadOnlyDictionary<string, string> HistoryNames { get; init; } = new Dictionary<string, string>();

    /// <summary>Who made a move, by name; the sign-in name only for someone whose account is gone.</summary>
    public string? MovedBy(ReviewTransition move) =>
        move?.UserId is { } id && HistoryNames.TryGetValue(id, out var name) && !string.IsNullOrWhiteSpace(name) ? name : move?.UserName;
    public Func<Guid, bool> MaySeeCase { get; init; } = _ => true;
    public Func<Participant, bool> MaySeeParticipant { get; init; } = _ => true;

    /// <summary>How this user reads the review's free text: another family's names replaced when they see only some families.</summary>
    public FamilyRedactor Redactor { get; init; } = FamilyRedactor.None;

    /// <summary>The title this user may see (only their families' labels in a review of several).</summary>
    public string Title { get; init; } = Review.Title;
    public IReadOnlyList<LinkedReviewRow> Linked { get; init; } = [];

    /// <summary>Methodologies this user may start from this review's decision (a rapid review's).</summary>
    public IReadOnlyList<WorkflowDefinition> MayStartLinked { get; init; } = [];

    public string MethodologyName => Methodology?.Name ?? Review.MethodologyKey;

    public string StageTitle => Methodology?.FindStage(Review.CurrentStageKey)?.Title ?? Review.CurrentStageKey;

    /// <summary>A closed or withdrawn review has no current stage: the summary says where it ended instead.</summary>
    public string StageHeading => Review.Status is ReviewStatus.Closed or ReviewStatus.Withdrawn ? "Stages" : "Current stage";

    public string StageSummary => Review.Status switch
    {
        ReviewStatus.Closed => "Every stage completed; the review is closed",
        ReviewStatus.Withdrawn => $"Withdrawn at {StageTitle}",
        _ => StageTitle,
    };

    public string ReasonText => Methodology?.FindReason(Review.ReasonSelected)?.Text ?? Review.ReasonSelected;

    /// <summary>
    /// Case-record numbers are restricted to the managers who would look the child up, and to the
    /// partnership's Business Manager, who proposes and co-ordinates reviews and types the number in.
    /// Practitioners, learners and agency people taking part never see it.
    /// </summary>
    public static bool MaySeeRestricted(UserContext user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.HeadOfLocality) || user.IsInRole(Roles.ServiceManager)
               || user.IsInRole(Roles.TeamManager) || user.IsInRole(Roles.QaTeamManager)
               || user.IsInRole(Roles.BusinessManager);
    }
}
