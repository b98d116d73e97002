using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;

namespace LearningReviews.Domain.Access;

/// <summary>Who is asking: enough about the signed-in user to decide what they may see.</summary>
public sealed record UserContext(string UserId, IReadOnlySet<string> Roles, Guid? LocalityId)
{
    public bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>
/// The rules about who may do what with a review, written once. The web app asks them through ASP.NET
/// Core's IAuthorizationService (ReviewAuthorizationHandler); nothing else decides.
/// <list type="bullet">
/// <item>Seeing: the review's participants (and whoever proposed it), the roles its methodology names as
/// overseeing that kind of review, and, for locality-based methodologies, the managers of the review's
/// own locality. Administrators manage accounts and do not see case data by virtue of that role.</item>
/// <item>Acting at a stage: a review role the stage names; or an organisational role the stage names
/// together with a standing in the review that justifies it (an overseeing role of this kind, the
/// locality's managers for a locality methodology, or taking part in the review in a role that is not
/// a subject's, from the review's own locality when the methodology is locality-based). Someone taking
/// part as a Learner or as a practitioner being reviewed acts only where a stage names that role.</item>
/// <item>Managing people: acting at the current stage of an open review other than as a subject.</item>
/// <item>Outcomes Form steps: only at the Outcomes Form stage or its comment stage (the stage whose gate
/// needs the final form), never once that gate is passed.</item>
/// </list>
/// </summary>
public static class ReviewAccessPolicy
{
    public static readonly IReadOnlyList<string> LocalityManagerRoles =
        [Roles.HeadOfLocality, Roles.ServiceManager, Roles.TeamManager];

    /// <summary>Review roles of the people a review is about or learns from, which carry no standing of their own.</summary>
    public static readonly IReadOnlySet<ReviewRole> SubjectRoles = new HashSet<ReviewRole> { ReviewRole.Learner, ReviewRole.Practitioner };

    public static bool MaySee(UserContext user, Review review, WorkflowDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);

        if (review.CreatedBy == user.UserId) return true;
        if (review.Participants.Any(p => p.UserId == user.UserId)) return true;
        if (definition is null) return false;
        if (definition.Oversight.Any(user.IsInRole)) return true;

        return definition.LocalityOversight && IsLocalityManager(user, review);
    }

    public static bool IsOpen(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Status is ReviewStatus.Proposed or ReviewStatus.InProgress;
    }

    /// <summary>The review roles this user holds in the review (the one who proposed it counts as its Proposer).</summary>
    public static IReadOnlySet<ReviewRole> RolesIn(UserContext user, Review review)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);
        var roles = review.Participants.Where(p => p.UserId == user.UserId).Select(p => p.Role).ToHashSet();
        if (review.CreatedBy == user.UserId) roles.Add(ReviewRole.Proposer);
        return roles;
    }

    /// <summary>How a user may act at a stage, if at all.</summary>
    public static ActingBy ActingAt(UserContext user, Review review, WorkflowDefinition definition, StageDefinition stage)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(stage);
        var mine = RolesIn(user, review);
        var named = mine.Where(r => stage.Actors.ReviewRoles.Contains(r.ToString())).ToList();
        if (named.Any(r => !SubjectRoles.Contains(r))) return ActingBy.ReviewRole;
        if (mine.Any(SubjectRoles.Contains)) return named.Count > 0 ? ActingBy.SubjectRole : ActingBy.None;
        return stage.Actors.Roles.Any(role => user.IsInRole(role) && Justifies(user, review, definition, role, mine))
            ? ActingBy.Standing
            : ActingBy.None;
    }

    public static bool MayActAt(UserContext user, Review review, WorkflowDefinition definition, StageDefinition stage) =>
        ActingAt(user, review, definition, stage) != ActingBy.None;

    /// <summary>Filling in, saving and moving the current stage of an open review.</summary>
    public static bool MayActNow(UserContext user, Review review, WorkflowDefinition definition) =>
        IsOpen(review) && CurrentStage(review, definition) is { } stage && MayActAt(user, review, definition, stage);

    /// <summary>Adding and removing people: acting at the current stage of an open review, and not only as a subject.</summary>
    public static bool MayManagePeople(UserContext user, Review review, WorkflowDefinition definition) =>
        IsOpen(review) && CurrentStage(review, definition) is { } stage
        && ActingAt(user, review, definition, stage) is ActingBy.ReviewRole or ActingBy.Standing;

    /// <summary>Review roles of the people who run a review (003: the lead author or reviewer, the chair, the co-ordinator).</summary>
    public static readonly IReadOnlySet<ReviewRole> RunningRoles = new HashSet<ReviewRole>
        { ReviewRole.LeadAuthor, ReviewRole.LeadReviewer, ReviewRole.Chair, ReviewRole.Coordinator };

    /// <summary>
    /// Uploading documents to an open review and circulating them: whoever acts at its current stage (not only
    /// as a subject), or runs the review (<see cref="RunningRoles"/>), and sees all of its families (a document
    /// may belong to any of them).
    /// </summary>
    public static bool MayManageFiles(UserContext user, Review review, WorkflowDefinition definition) =>
        IsOpen(review) && !IsFamilyRestricted(user, review)
        && (MayManagePeople(user, review, definition) || RolesIn(user, review).Any(RunningRoles.Contains));

    /// <summary>Whether the review is where Outcomes Form steps belong: its Outcomes Form stage or the comment stage that needs the final form.</summary>
    public static bool IsInOutcomesFormWindow(Review review, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.OutcomesForm is null || !IsOpen(review)) return false;
        if (review.CurrentStageKey == definition.OutcomesForm.Stage) return true;
        return definition.FindStage(review.CurrentStageKey) is { } current
               && current.Gates.Any(g => g.Kind == GateKind.OutcomesFormFinal);
    }

    /// <summary>Circulating, answering comments, making final, marking sent and new versions: those who act at the Outcomes Form stage.</summary>
    public static bool MayManageOutcomesForm(UserContext user, Review review, WorkflowDefinition definition) =>
        IsInOutcomesFormWindow(review, definition)
        && definition.FindStage(definition.OutcomesForm!.Stage) is { } stage
        && MayActAt(user, review, definition, stage);

    /// <summary>
    /// Answering comments on the form: its lead author, who wrote it (003: the lead author completes and
    /// circulates it). The stage's other actors (the business manager) answer only on a review with no lead author.
    /// </summary>
    public static bool MayAnswerOutcomesComments(UserContext user, Review review, WorkflowDefinition definition) =>
        MayManageOutcomesForm(user, review, definition)
        && (review.Participants.All(p => p.Role != ReviewRole.LeadAuthor)
            || ActingAt(user, review, definition, definition.FindStage(definition.OutcomesForm!.Stage)!) == ActingBy.ReviewRole);

    /// <summary>Commenting on a circulated form: anyone who may see the review, while the review is in the form's window.</summary>
    public static bool MayComment(UserContext user, Review review, WorkflowDefinition definition) =>
        MaySee(user, review, definition) && IsInOutcomesFormWindow(review, definition);

    /// <summary>
    /// In a review of several families, the cases this user may see the details of: a participant tied
    /// to one family sees that family only; everyone else who may see the review sees them all.
    /// </summary>
    public static bool MaySeeCase(UserContext user, Review review, Guid caseId)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(review);
        var mine = review.Participants.Where(p => p.UserId == user.UserId).ToList();
        if (mine.Count == 0 || mine.Any(p => p.CaseId is null)) return true;
        return mine.Any(p => p.CaseId == caseId);
    }

    /// <summary>True when the user sees only some of the review's families.</summary>
    public static bool IsFamilyRestricted(UserContext user, Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Cases.Any(c => !MaySeeCase(user, review, c.CaseId));
    }

    private static StageDefinition? CurrentStage(Review review, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.FindStage(review.CurrentStageKey);
    }

    private static bool IsLocalityManager(UserContext user, Review review) =>
        review.LocalityId is { } locality && user.LocalityId == locality && LocalityManagerRoles.Any(user.IsInRole);

    /// <summary>Whether an organisational role the stage names counts for this user in this review.</summary>
    private static bool Justifies(UserContext user, Review review, WorkflowDefinition definition, string role, IReadOnlySet<ReviewRole> mine)
    {
        if (definition.Oversight.Contains(role)) return true;
        var sameLocality = review.LocalityId is { } locality && user.LocalityId == locality;
        if (definition.LocalityOversight && LocalityManagerRoles.Contains(role) && sameLocality) return true;
        // Taking part (not as a subject) gives standing, but never across localities in a locality methodology.
        return mine.Count > 0 && (!definition.LocalityOversight || sameLocality);
    }
}

/// <summary>How someone may act at a stage.</summary>
public enum ActingBy
{
    None,
    /// <summary>Only through a subject's review role (Learner, Practitioner) that the stage names.</summary>
    SubjectRole,
    /// <summary>Through a review role the stage names.</summary>
    ReviewRole,
    /// <summary>Through an organisational role the stage names, justified by a standing in the review.</summary>
    Standing,
}
