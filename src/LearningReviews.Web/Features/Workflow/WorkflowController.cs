using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Authorization;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>Stage forms, check-your-answers, and the moves between stages.</summary>
[Route("reviews/{id:guid}")]
public sealed class WorkflowController(
    LearningReviewsDbContext db,
    ReviewQueries queries,
    ReviewWorkflowService workflow,
    StageAnswersWriter writer,
    UserContextFactory users,
    AuditLog audit,
    ReviewAccess access,
    TimeProvider clock,
    PartnershipTime time,
    LearningReviews.Domain.Calendar.WorkingDayCalendar calendar) : Controller
{
    [HttpGet("stages/{stageKey}")]
    /// <param name="cycle">An earlier cycle of a repeatable stage (a first staff meeting, say), shown read-only.</param>
    public async Task<IActionResult> Stage(Guid id, string stageKey, int? cycle)
    {
        var page = await LoadAsync(id, stageKey, cycle);
        if (page is null) return NotFound();
        await audit.RecordViewAsync("Stage", stageKey, id);
        return View(page);
    }

    [HttpPost("stages/{stageKey}")]
    public async Task<IActionResult> Stage(Guid id, string stageKey, Guid recordToken, string? next)
    {
        var page = await LoadAsync(id, stageKey);
        if (page is null) return NotFound();
        if (!await access.Demand(page.Review, ReviewOperations.EditStage, $"save stage {stageKey}")) return Forbid();
        if (!page.Editable) return Forbid();

        var submission = StageFormReader.Read(page.Stage, Request.Form, ModelState, time.Today, calendar);
        FacilitatorIndependenceCheck.Check(page.Stage, page.Review, submission, page.Accounts, ModelState);
        // Fields read from records (a booked meeting, a document) show the records again, not what was posted.
        var answers = Domain.Workflows.Engine.RecordAnswers.Apply(page.Stage, new Domain.Workflows.Engine.StageAnswers(submission.Answers, submission.Ticked), page.Records);
        if (!ModelState.IsValid)
        {
            // Show the form again with everything as typed.
            return View(page with { Answers = answers, TypedLearningPoints = submission.LearningPoints, TypedActions = submission.Actions });
        }

        if (db.Entry(page.Record).State == EntityState.Detached)
        {
            page.Review.Stages.Add(page.Record);
            db.StageRecords.Add(page.Record);
        }
        else
        {
            // Every save of the stage changes the record's token, even one that changes only learning
            // points or actions, so a save from a page read before it is refused instead of quietly
            // removing what the other person added.
            db.Entry(page.Record).Property(r => r.ConcurrencyToken).OriginalValue = recordToken;
            db.Entry(page.Record).State = EntityState.Modified;
        }
        await writer.SaveAsync(page.Review, page.Stage, page.Record, submission);
        audit.Add(AuditActions.Updated, "Stage", stageKey, id, "Answers saved");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else saved this stage while you were editing it. Your answers are below: check them against the review and save again.");
            db.ChangeTracker.Clear();
            var fresh = await LoadAsync(id, stageKey);
            return View(fresh! with { Answers = answers, TypedLearningPoints = submission.LearningPoints, TypedActions = submission.Actions });
        }
        // Built by hand, not with RedirectToAction: routing writes lower-case URLs, and stage keys such as
        // "actionPlan" are matched exactly, so "/stages/actionplan/check" would not be found.
        var stageUrl = $"/reviews/{id}/stages/{page.Stage.Key}";
        if (submission.Notices.Count > 0) TempData["DatesMoved"] = string.Join('\n', submission.Notices);
        return Redirect(next == "more" ? stageUrl : stageUrl + "/check");
    }

    [HttpGet("stages/{stageKey}/check")]
    public async Task<IActionResult> Check(Guid id, string stageKey)
    {
        var page = await LoadAsync(id, stageKey);
        if (page is null) return NotFound();
        await audit.RecordViewAsync("Stage", stageKey, id, "Check answers");
        return View(page);
    }

    /// <summary>
    /// "Complete stage and continue": someone who also acts at the next stage goes straight to its form
    /// (a chair recording stage after stage in the meeting does not pass through the review page each
    /// time); anyone else, and everyone once the review closes, goes back to the review page.
    /// </summary>
    [HttpPost("advance")]
    public Task<IActionResult> Advance(Guid id, Guid reviewToken) =>
        MoveAsync(id, (user, review) => workflow.AdvanceAsync(user, review, reviewToken), continueToNextStage: true);

    [HttpPost("send-back")]
    public Task<IActionResult> SendBack(Guid id, Guid reviewToken, string? reason) =>
        MoveAsync(id, (user, review) => workflow.SendBackAsync(user, review, reviewToken, reason), (SendBackReasonField, reason));

    [HttpPost("withdraw")]
    public Task<IActionResult> Withdraw(Guid id, Guid reviewToken, string? reason) =>
        MoveAsync(id, (user, review) => workflow.WithdrawAsync(user, review, reviewToken, reason), (WithdrawReasonField, reason));

    /// <summary>
    /// Where a refused reason is kept (and its error shown): each box has its own key, because both
    /// forms post "reason" and only the refused one should show what was typed. The keys are the boxes' ids.
    /// </summary>
    public const string SendBackReasonField = "send-back-reason";
    public const string WithdrawReasonField = "withdraw-reason";

    /// <summary>
    /// Makes a move. A refused move with a typed reason shows the current stage's check page again, with
    /// the message in the error summary and the reason still in its box: a redirect would lose the text,
    /// and it is too long to carry in a cookie.
    /// </summary>
    private async Task<IActionResult> MoveAsync(Guid id, Func<Domain.Access.UserContext, Review, Task<MoveResult>> move,
        (string Field, string? Text)? typed = null, bool continueToNextStage = false)
    {
        var user = users.Current();
        var review = await queries.FindAsync(id, tracking: true);
        if (review is null) return NotFound();
        var allowed = await access.Demand(review, ReviewOperations.Move, "move");
        var result = allowed ? await move(user, review) : MoveResult.Refused("You cannot move this review at this stage.");
        // Someone who may not move the review has no box to keep the text in: they are told so on the review page.
        if (allowed && !result.Succeeded && typed is var (field, text))
        {
            // Read again: a refused save left nothing changed, and a lost race cleared the tracked review.
            var page = await LoadAsync(id, (await queries.FindAsync(id))?.CurrentStageKey ?? review.CurrentStageKey);
            if (page is not null)
            {
                ModelState.SetModelValue(field, text, text);
                ModelState.AddModelError(field, result.Message);
                return View("Check", page);
            }
        }
        TempData[result.Succeeded ? "Notice" : "Problem"] = result.Message;
        if (result.Succeeded && continueToNextStage && await NextStageFormAsync(id) is { } next) return Redirect(next);
        return Redirect($"/reviews/{id}");
    }

    /// <summary>The form of the stage the review has just moved to, when it is open and this user acts there; otherwise null.</summary>
    private async Task<string?> NextStageFormAsync(Guid id)
    {
        var moved = await queries.FindAsync(id);
        if (moved is null || moved.Status is ReviewStatus.Closed or ReviewStatus.Withdrawn) return null;
        // Allows, not Demand: not acting at the next stage is no refusal to record, just the review page instead.
        if (!await access.Allows(moved, ReviewOperations.EditStage)) return null;
        return $"/reviews/{id}/stages/{moved.CurrentStageKey}";
    }

    private async Task<StagePage?> LoadAsync(Guid id, string stageKey, int? cycle = null)
    {
        var user = users.Current();
        var review = await queries.FindAsync(id, tracking: true, where: $"stage {stageKey}");
        if (review is null) return null;
        var definition = workflow.DefinitionOf(review);
        var stage = definition.FindStage(stageKey);
        if (stage is null) return null;
        var latest = ReviewWorkflowService.LatestRecords(review).GetValueOrDefault(stageKey);
        var record = cycle is { } wanted ? review.Stages.FirstOrDefault(s => s.StageKey == stageKey && s.Cycle == wanted) : latest;
        if (cycle is not null && record is null) return null;
        if (record is null)
        {
            // A stage not reached yet has nothing to show. The current stage's record (missing only in
            // data made before records existed) is made here but saved only with the first answers:
            // reading a page never changes anything.
            if (stageKey != review.CurrentStageKey) return null;
            record = new ReviewStageRecord { ReviewId = review.Id, StageKey = stageKey, Status = StageStatus.InProgress, StartedAt = clock.GetUtcNow().UtcDateTime };
        }
        var moves = workflow.MovesFor(user, review);
        // A final Outcomes Form is locked: changing it means making a new version first.
        var lockedForm = definition.OutcomesForm?.Stage == stageKey && Outcomes.OutcomesFormService.Current(review).IsLocked;
        // Someone who sees only some families sees only their rows, so saving would drop the others' rows.
        var hidesRows = FamilyRows.AnyHidden(user, review, stage, ReviewWorkflowService.AnswersOf(record));
        // The same for text naming another family: shown with markers, which saving would write over the original.
        var redactor = FamilyRedaction.For(user, review);
        var rows = FamilyRows.VisibleTo(user, review, stage, ReviewWorkflowService.AnswersOf(record));
        var hidesFamilies = hidesRows || redactor.ChangesAny(review, stage, rows);
        var editable = stageKey == review.CurrentStageKey && await access.Allows(review, ReviewOperations.EditStage)
                       && !lockedForm && record == latest && !hidesFamilies;
        // Names of every account, closed ones too, so an answer given before an account closed still reads as a name.
        var accounts = await PeopleDirectory.AccountsAsync(db);
        var people = accounts.Values.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(a => new SelectListItem(a.Name, a.Id)).ToList();
        var visible = PeopleDirectory.VisibleParticipants(user, review);
        var records = workflow.RecordsOf(review);
        return new StagePage(review, definition, stage, record, Domain.Workflows.Engine.RecordAnswers.Apply(stage, redactor.Redact(stage, rows), records), editable, moves, people)
        {
            Records = records,
            ThemeList = await db.Themes.AsNoTracking().ToListAsync(),
            Redactor = redactor,
            HidesFamilies = hidesFamilies,
            Accounts = accounts,
            PeopleChoices = PeopleChoices.Build(accounts.Values, visible, PeopleDirectory.ChosenOn(stage, rows, review)),
            HiddenPeople = PeopleDirectory.HiddenFrom(user, review, visible),
        };
    }
}
