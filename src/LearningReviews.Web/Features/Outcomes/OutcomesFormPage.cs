using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;

namespace LearningReviews.Web.Features.Outcomes;

/// <summary>What the Outcomes Form page shows: one version of the form, its comments, and what this user may do.</summary>
public sealed record OutcomesFormPage(
    Review Review,
    WorkflowDefinition Definition,
    OutcomesForm Form,
    OutcomesContent Content,
    IReadOnlyList<OutcomesForm> Versions,
    bool MayManage,
    bool MayComment,
    bool IsCurrent)
{
    public string StatusText => Form.Status switch
    {
        OutcomesFormStatus.Draft => "Draft",
        OutcomesFormStatus.CirculatedForComment => "Circulated for comment",
        _ => "Final",
    };

    /// <summary>How this user reads the form's free text and comments (another family's names replaced when they see only some families).</summary>
    public Reviews.FamilyRedactor Redactor { get; init; } = Reviews.FamilyRedactor.None;

    /// <summary>The section whose "Comment on this section" link was followed: its comment box is shown under it.</summary>
    public string? CommentingOn { get; init; }

    /// <summary>Whether this user is offered "Save answer" on comments: the lead author only (see ReviewAccessPolicy.MayAnswerOutcomesComments).</summary>
    public bool MayAnswer { get; init; }

    public IEnumerable<OutcomesComment> CommentsOn(string sectionKey) =>
        Form.Comments.Where(c => c.SectionKey == sectionKey).OrderBy(c => c.CreatedAt);
}
