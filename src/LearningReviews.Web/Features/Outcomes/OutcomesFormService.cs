using LearningReviews.Domain.Access;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Text;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;
using LearningReviews.Infrastructure;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Outcomes;

/// <summary>
/// The Learning Review Outcomes Form's lifecycle: a draft is circulated for comment until a closing
/// date; those involved comment on its sections; the lead author answers or resolves each comment and
/// makes it final, which locks it; the final form is recorded as sent; a later change makes a new
/// version with a reason. Each step checks who may take it and the form's concurrency token.
/// </summary>
public sealed class OutcomesFormService(
    LearningReviewsDbContext db,
    ReviewWorkflowService workflow,
    GateEvaluator gates,
    AuditLog audit,
    ICurrentUser currentUser,
    TimeProvider clock,
    PartnershipTime time,
    IHttpContextAccessor http,
    RaceWindow raceWindow)
{
    /// <summary>The signed-in person's name as others know them (comments and answers show it).</summary>
    private string ActorName =>
        http.HttpContext?.User.FindFirst(Infrastructure.Security.LearningReviewsClaimsPrincipalFactory.DisplayNameClaim)?.Value
        ?? currentUser.UserName ?? "Unknown";

    public static readonly string CommentTooLong = $"Your comment must be {InputLimits.Format(InputLimits.Comment)} characters or fewer";
    public static readonly string AnswerTooLong = $"Your answer must be {InputLimits.Format(InputLimits.Comment)} characters or fewer";

    public const string ConflictMessage =
        "Someone else changed this form while you were looking at it. Check the form as it is now and try again.";

    /// <summary>The newest version, or an unsaved first draft when nobody has touched the form yet.</summary>
    public static OutcomesForm Current(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.OutcomesForms.MaxBy(f => f.Version) ?? new OutcomesForm { ReviewId = review.Id, Version = 1 };
    }

    /// <summary>
    /// The lead author's moves: those who may act at the outcomes stage, while the review is at that stage or
    /// its comment stage. The same rule ReviewAuthorizationHandler applies to ManageOutcomesForm.
    /// </summary>
    public bool MayManage(UserContext user, Review review) =>
        ReviewAccessPolicy.MayManageOutcomesForm(user, review, workflow.DefinitionOf(review));

    public const string OnlyTheLeadAuthorAnswers = "Only the lead author answers comments on the form.";

    /// <summary>Whether this user answers the form's comments (see ReviewAccessPolicy.MayAnswerOutcomesComments).</summary>
    public bool MayAnswer(UserContext user, Review review) =>
        ReviewAccessPolicy.MayAnswerOutcomesComments(user, review, workflow.DefinitionOf(review));

    /// <summary>Anyone who may see the review may comment while the form is out for comment.</summary>
    public bool MayComment(OutcomesForm form) =>
        form.Status == OutcomesFormStatus.CirculatedForComment && form.CommentsCloseOn is { } close && time.Today <= close;

    public Task<MoveResult> CirculateAsync(UserContext user, Review review, Guid token, DateOnly? closeOn) =>
        ChangeAsync(user, review, token, form =>
        {
            if (form.Status != OutcomesFormStatus.Draft) return "Only a draft can be circulated for comment.";
            if (closeOn is null) return "Enter the last day for comments";
            if (closeOn <= time.Today) return "The last day for comments must be in the future";
            form.Status = OutcomesFormStatus.CirculatedForComment;
            form.CirculatedAt = clock.GetUtcNow().UtcDateTime;
            form.CommentsCloseOn = closeOn;
            return null;
        }, "Circulated for comment until " + closeOn?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + ".", mustManage: true);

    public async Task<MoveResult> CommentAsync(Review review, string? sectionKey, string? text)
    {
        ArgumentNullException.ThrowIfNull(review);
        var form = Current(review);
        if (!MayComment(form)) return MoveResult.Refused("The form is not open for comments.");
        var stage = OutcomesStage(review);
        // Any row of the form takes comments: the Lead Author row, the key learning points and the recommendations too.
        if (!OutcomesContent.Live(review, stage).HasSection(sectionKey)) return MoveResult.Refused("Select the section your comment is about");
        if (string.IsNullOrWhiteSpace(text)) return MoveResult.Refused("Enter your comment");
        if (text.Trim().Length > InputLimits.Comment) return MoveResult.Refused(CommentTooLong);
        var comment = new OutcomesComment
        {
            FormId = form.Id, SectionKey = sectionKey!, Text = text.Trim(), AuthorUserId = currentUser.UserId,
            AuthorName = ActorName, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        form.Comments.Add(comment);
        db.OutcomesComments.Add(comment);
        audit.Add(AuditActions.Created, nameof(OutcomesComment), comment.Id.ToString(), review.Id, $"Comment on {sectionKey}, version {form.Version}");
        await db.SaveChangesAsync();
        return MoveResult.Done("Your comment has been added. The lead author will answer it.");
    }

    public Task<MoveResult> RespondAsync(UserContext user, Review review, Guid token, Guid commentId, string? response, bool resolved) =>
        ChangeAsync(user, review, token, form =>
        {
            if (!ReviewAccessPolicy.MayAnswerOutcomesComments(user, review, workflow.DefinitionOf(review))) return OnlyTheLeadAuthorAnswers;
            var comment = form.Comments.FirstOrDefault(c => c.Id == commentId);
            if (comment is null) return "That comment is not on this version of the form.";
            if (string.IsNullOrWhiteSpace(response) && !resolved) return "Enter an answer to the comment, or mark it resolved";
            if (response?.Trim().Length > InputLimits.Comment) return AnswerTooLong;
            comment.Response = string.IsNullOrWhiteSpace(response) ? comment.Response : response.Trim();
            comment.Resolved = comment.Resolved || resolved;
            comment.RespondedBy = ActorName;
            comment.RespondedAt = clock.GetUtcNow().UtcDateTime;
            return null;
        }, "Your answer has been saved.", mustManage: true);

    public Task<MoveResult> FinaliseAsync(UserContext user, Review review, Guid token) =>
        ChangeAsync(user, review, token, form =>
        {
            if (form.Status == OutcomesFormStatus.Final) return "The form is already final.";
            var open = form.Comments.Count(c => !c.IsSettled);
            if (open > 0) return $"Answer or resolve every comment first ({open} still open).";
            var stage = OutcomesStage(review);
            var missing = gates.Missing(stage, workflow.StateOf(review));
            if (missing.Count > 0) return "The form is not complete: " + string.Join("; ", missing);
            form.Status = OutcomesFormStatus.Final;
            form.FinalisedAt = clock.GetUtcNow().UtcDateTime;
            form.FinalisedBy = ActorName;
            form.SnapshotJson = OutcomesContent.Live(review, stage).ToJson();
            return null;
        }, "The form is final. It can no longer be changed; a change now makes a new version.", mustManage: true);

    public Task<MoveResult> MarkSentAsync(UserContext user, Review review, Guid token) =>
        ChangeAsync(user, review, token, form =>
        {
            if (form.Status != OutcomesFormStatus.Final) return "Only a final form can be sent.";
            form.SentAt = clock.GetUtcNow().UtcDateTime;
            form.SentTo = workflow.DefinitionOf(review).OutcomesForm!.SendTo;
            return null;
        }, "Recorded as sent.", mustManage: true);

    public async Task<MoveResult> NewVersionAsync(UserContext user, Review review, Guid token, string? reason)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (string.IsNullOrWhiteSpace(reason)) return MoveResult.Refused("Enter why the form needs a new version");
        if (reason.Trim().Length > InputLimits.Reason) return MoveResult.Refused(ReviewWorkflowService.ReasonTooLong);
        var next = Current(review).Version + 1;
        return await ChangeAsync(user, review, token, form =>
            form.Status == OutcomesFormStatus.Final ? null : "Only a final form gets a new version: change the draft instead.",
            $"Version {next} is a draft. Change the form, then circulate it or make it final.", mustManage: true,
            afterChange: _ =>
            {
                var draft = new OutcomesForm { ReviewId = review.Id, Version = next, VersionReason = reason.Trim() };
                review.OutcomesForms.Add(draft);
                db.OutcomesForms.Add(draft);
            });
    }

    private StageDefinition OutcomesStage(Review review)
    {
        var definition = workflow.DefinitionOf(review);
        return definition.FindStage(definition.OutcomesForm?.Stage ?? "")
               ?? throw new InvalidOperationException($"{definition.Key} has no Learning Review Outcomes Form.");
    }

    /// <summary>Applies one change to the current version if the user may and nobody changed it since the page was read.</summary>
    private async Task<MoveResult> ChangeAsync(UserContext user, Review review, Guid token, Func<OutcomesForm, string?> change,
        string success, bool mustManage, Action<OutcomesForm>? afterChange = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (mustManage && !MayManage(user, review)) return MoveResult.Refused("Only the lead author can do that.");
        var form = Current(review);
        var isNew = !review.OutcomesForms.Contains(form);
        if (!isNew && form.ConcurrencyToken != token) return MoveResult.Refused(ConflictMessage);
        var problem = change(form);
        if (problem is not null) return MoveResult.Refused(problem);
        if (isNew)
        {
            review.OutcomesForms.Add(form);
            db.OutcomesForms.Add(form);
        }
        else
        {
            // Every step changes the form's token, even one that leaves the form itself as it was (a new
            // version): of two presses at once only the first is saved, the second is told why.
            db.Entry(form).Property(f => f.ConcurrencyToken).OriginalValue = token;
            db.Entry(form).State = EntityState.Modified;
        }
        afterChange?.Invoke(form);
        audit.Add(AuditActions.Updated, nameof(OutcomesForm), form.Id.ToString(), review.Id, $"Version {form.Version}: {success}");
        await raceWindow.PauseAsync(RaceWindow.OutcomesFormStep);
        try
        {
            await db.SaveChangesAsync();
            return MoveResult.Done(success);
        }
        catch (DbUpdateException)
        {
            // A stale token, or (on PostgreSQL, where the two saves overlap) the unique version number
            // taken by the other press: either way someone else's change won.
            db.ChangeTracker.Clear();
            return MoveResult.Refused(ConflictMessage);
        }
    }
}
