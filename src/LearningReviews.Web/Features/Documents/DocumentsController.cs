using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Documents;
using LearningReviews.Web.Features.Outcomes;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure.Authorization;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace LearningReviews.Web.Features.Documents;

/// <summary>
/// PDF downloads of a review's Outcomes Form and record. Each asks IAuthorizationService for View (otherwise
/// "not found") and Export, prints only the families the user may see, and is written to the audit log.
/// </summary>
[Route("reviews/{id:guid}")]
public sealed class DocumentsController(
    ReviewQueries queries,
    ReviewWorkflowService workflow,
    ReviewDocuments documents,
    PdfDocumentRenderer renderer,
    UserContextFactory users,
    ReviewAccess access,
    AuditLog audit) : Controller
{
    /// <param name="version">The version to print; the current one when omitted.</param>
    [HttpGet("outcomes-form.pdf")]
    public async Task<IActionResult> OutcomesForm(Guid id, int? version)
    {
        var review = await queries.FindAsync(id, where: "outcomes-form.pdf");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.Export, "outcomes-form.pdf")) return Forbid();
        var definition = workflow.DefinitionOf(review);
        if (definition.OutcomesForm is null) return NotFound();
        var form = version is { } wanted
            ? review.OutcomesForms.FirstOrDefault(f => f.Version == wanted)
            : OutcomesFormService.Current(review);
        if (form is null) return NotFound();
        return await PdfAsync(review, documents.OutcomesForm(review, definition, form, Author(review), users.Current()), $"Outcomes Form version {form.Version}");
    }

    [HttpGet("record.pdf")]
    public async Task<IActionResult> Record(Guid id)
    {
        var review = await queries.FindAsync(id, where: "record.pdf");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.Export, "record.pdf")) return Forbid();
        return await PdfAsync(review, documents.Record(review, workflow.DefinitionOf(review), Author(review), users.Current(), workflow.RecordsOf(review)), "Review record");
    }

    private async Task<IActionResult> PdfAsync(Review review, PrintedDocument document, string what)
    {
        var bytes = renderer.Render(document);
        await audit.RecordAsync(AuditActions.Exported, nameof(Review), review.Id.ToString(), review.Id, $"{what} as PDF");
        return File(bytes, "application/pdf", DocumentFileName.For(document));
    }

    /// <summary>The lead author (or lead reviewer) when there is one, else whoever proposed the review.</summary>
    private static string Author(Review review) =>
        review.Participants.FirstOrDefault(p => p.Role == ReviewRole.LeadAuthor)?.Name
        ?? review.Participants.FirstOrDefault(p => p.Role == ReviewRole.LeadReviewer)?.Name
        ?? review.Participants.FirstOrDefault(p => p.Role == ReviewRole.Proposer)?.Name
        ?? "Learning Reviews";
}
