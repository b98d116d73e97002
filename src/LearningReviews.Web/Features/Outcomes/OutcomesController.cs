using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure.Authorization;
using LearningReviews.Web.Infrastructure.GovUk;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace LearningReviews.Web.Features.Outcomes;

/// <summary>The Learning Review Outcomes Form of a review: read it, comment on it, and take it to final.</summary>
[Route("reviews/{id:guid}/outcomes-form")]
public sealed class OutcomesController(
    ReviewQueries queries,
    ReviewWorkflowService workflow,
    OutcomesFormService forms,
    UserContextFactory users,
    ReviewAccess access,
    AuditLog audit,
    Infrastructure.PartnershipTime time) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, string? section)
    {
        var review = await queries.FindAsync(id, where: "outcomes form");
        if (review is null || workflow.DefinitionOf(review).OutcomesForm is null) return NotFound();
        var form = OutcomesFormService.Current(review);
        await audit.RecordViewAsync(nameof(OutcomesForm), form.Id.ToString(), review.Id, $"Version {form.Version}");
        var page = await PageForAsync(review, form);
        return View(page with { CommentingOn = page.Content.HasSection(section) ? section : null });
    }

    [HttpGet("versions/{version:int}")]
    public async Task<IActionResult> Version(Guid id, int version)
    {
        var review = await queries.FindAsync(id, where: "outcomes form");
        var form = review?.OutcomesForms.FirstOrDefault(f => f.Version == version);
        if (review is null || form is null) return NotFound();
        await audit.RecordViewAsync(nameof(OutcomesForm), form.Id.ToString(), review.Id, $"Version {form.Version}");
        return View("Index", await PageForAsync(review, form));
    }

    [HttpPost("circulate")]
    public async Task<IActionResult> Circulate(Guid id, Guid formToken)
    {
        // The GOV.UK date input "close" posts close.day, close.month and close.year; its error sits
        // under "close", the id of its Day box, so the error summary link lands there.
        DateOnly? close = GovUkDate.TryRead(Request.Form, "close", out var date) ? date : null;
        var problem = close is null ? "Enter the last day for comments as a real date, for example 27 3 2027"
            : close <= time.Today ? "The last day for comments must be in the future" : null;
        if (problem is not null)
        {
            var (day, month, year) = GovUkDate.Typed(Request.Form, "close");
            var (dayName, monthName, yearName) = GovUkDate.PartNames("close");
            return await ShowAgainAsync(id, "close", problem, (dayName, day), (monthName, month), (yearName, year));
        }
        return await ChangeAsync(id, ReviewOperations.ManageOutcomesForm, review => forms.CirculateAsync(users.Current(), review, formToken, close));
    }

    [HttpPost("comments")]
    public async Task<IActionResult> Comment(Guid id, string? section, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > Domain.Text.InputLimits.Comment)
        {
            var problem = string.IsNullOrWhiteSpace(text) ? "Enter your comment" : OutcomesFormService.CommentTooLong;
            return await ShowAgainAsync(id, "text", problem, ("section", section), ("text", text));
        }
        return await ChangeAsync(id, ReviewOperations.Comment, review => forms.CommentAsync(review, section, text));
    }

    [HttpPost("comments/{commentId:guid}/answer")]
    public Task<IActionResult> Answer(Guid id, Guid commentId, Guid formToken, string? response, bool resolved) =>
        ChangeAsync(id, ReviewOperations.ManageOutcomesForm, review => forms.RespondAsync(users.Current(), review, formToken, commentId, response, resolved),
            keep: [(AnswerField(commentId), response), (ResolvedField(commentId), resolved ? "true" : null)]);

    [HttpPost("finalise")]
    public Task<IActionResult> Finalise(Guid id, Guid formToken) =>
        ChangeAsync(id, ReviewOperations.ManageOutcomesForm, review => forms.FinaliseAsync(users.Current(), review, formToken));

    [HttpPost("sent")]
    public Task<IActionResult> Sent(Guid id, Guid formToken) =>
        ChangeAsync(id, ReviewOperations.ManageOutcomesForm, review => forms.MarkSentAsync(users.Current(), review, formToken));

    [HttpPost("new-version")]
    public async Task<IActionResult> NewVersion(Guid id, Guid formToken, string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? await ShowAgainAsync(id, "reason", "Enter why the form needs a new version", ("reason", reason))
            : reason.Trim().Length > Domain.Text.InputLimits.Reason
                ? await ShowAgainAsync(id, "reason", ReviewWorkflowService.ReasonTooLong, ("reason", reason))
                : await ChangeAsync(id, ReviewOperations.ManageOutcomesForm, review => forms.NewVersionAsync(users.Current(), review, formToken, reason),
                    keep: [("reason", reason)]);

    /// <summary>
    /// Where a refused answer to one comment is kept and its error shown: every answer box posts "response",
    /// so each comment has its own key, the id of its box.
    /// </summary>
    public static string AnswerField(Guid commentId) => $"answer-{commentId}";

    /// <summary>Where a refused answer's "Mark as resolved" tick is kept, the id of its checkbox.</summary>
    public static string ResolvedField(Guid commentId) => $"resolved-{commentId}";

    /// <summary>Shows the form page again with the error summary and what the user typed, changing nothing.</summary>
    private async Task<IActionResult> ShowAgainAsync(Guid id, string field, string problem, params (string Key, string? Value)[] typed)
    {
        var review = await queries.FindAsync(id, where: "outcomes form");
        if (review is null || workflow.DefinitionOf(review).OutcomesForm is null) return NotFound();
        foreach (var (key, value) in typed) ModelState.SetModelValue(key, value, value);
        ModelState.AddModelError(field, problem);
        return View("Index", await PageForAsync(review, OutcomesFormService.Current(review)));
    }

    private async Task<OutcomesFormPage> PageForAsync(Review review, OutcomesForm form)
    {
        var definition = workflow.DefinitionOf(review);
        var current = OutcomesFormService.Current(review);
        var content = form.SnapshotJson is { } snapshot
            ? OutcomesContent.FromJson(snapshot)
            : OutcomesContent.Live(review, definition.FindStage(definition.OutcomesForm!.Stage)!);
        var isCurrent = form.Version == current.Version;
        var redactor = FamilyRedaction.For(users.Current(), review);
        return new OutcomesFormPage(review, definition, form, content.RedactedFor(redactor), review.OutcomesForms.OrderBy(f => f.Version).ToList(),
            isCurrent && await access.Allows(review, ReviewOperations.ManageOutcomesForm),
            isCurrent && forms.MayComment(form) && await access.Allows(review, ReviewOperations.Comment), isCurrent)
        {
            Redactor = redactor,
            MayAnswer = isCurrent && forms.MayAnswer(users.Current(), review),
        };
    }

    /// <summary>
    /// Takes one step. A refused step with typed text (an answer, a reason) shows the page again with the
    /// message in the error summary and the text kept: a redirect would lose it, and it is too long for a cookie.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Guid id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation,
        Func<Review, Task<MoveResult>> change, (string Field, string? Text)[]? keep = null)
    {
        var review = await queries.FindAsync(id, tracking: true, where: "outcomes form");
        if (review is null || workflow.DefinitionOf(review).OutcomesForm is null) return NotFound();
        var allowed = await access.Demand(review, operation, "outcomes form");
        var result = allowed
            ? await change(review)
            : MoveResult.Refused(operation == ReviewOperations.Comment
                ? "The form is not open for comments."
                : "Only the lead author can do that, and only while the review is at the Outcomes Form or its comment stage.");
        // Someone who may not take the step has no box to keep the text in: they are told so on the form's page.
        if (allowed && !result.Succeeded && keep is [var (field, _), ..])
        {
            // The message goes with the first box (the text); the rest of what was chosen is kept as well.
            return await ShowAgainAsync(id, field, result.Message, keep);
        }
        TempData[result.Succeeded ? "Notice" : "Problem"] = result.Message;
        return Redirect($"/reviews/{id}/outcomes-form");
    }
}
