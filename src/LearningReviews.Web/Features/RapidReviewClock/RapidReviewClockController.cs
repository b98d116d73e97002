using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.InformationRequests;
using LearningReviews.Domain.RapidReviews;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Authorization;
using LearningReviews.Web.Infrastructure.GovUk;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.RapidReviewClock;

/// <summary>What the rapid review clock page shows.</summary>
public sealed record RapidReviewClockPage(Review Review, DateOnly? NotifiedOn, IReadOnlyList<RapidReviewStep> Steps, DateOnly Today,
    int? DayNumber, NationalPanelResponse? Response, bool MayRecordResponse)
{
    public DateOnly? Ratified { get; init; }
    public string? Decision { get; init; }
    public (string? Day, string? Month, string? Year) Received { get; init; }
}

/// <summary>
/// The rapid review's clock: the 15 working days from the serious incident notification as a day-by-day
/// plan with dates, each step with the date the review's own records give for it (requests sent and
/// answered from the Individual Agency Summaries; the meeting, decision and ratification from the stages),
/// and the national panel's response, recorded here.
/// </summary>
[Route("reviews/{id:guid}/rapid-review-clock")]
public sealed class RapidReviewClockController(
    LearningReviewsDbContext db,
    ReviewQueries queries,
    ReviewWorkflowService workflow,
    ReviewAccess access,
    AuditLog audit,
    WorkingDayCalendar calendar,
    PartnershipTime time) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id)
    {
        var review = await queries.FindAsync(id, where: "rapid review clock");
        if (review is null || review.MethodologyKey != RapidReviewAccess.MethodologyKey) return NotFound();
        await audit.RecordViewAsync("RapidReviewClock", null, review.Id, "Rapid review clock");
        return View(await PageAsync(review));
    }

    [HttpPost("national-panel")]
    public async Task<IActionResult> RecordResponse(Guid id, string? outcome, string? notes)
    {
        var review = await queries.FindAsync(id, where: "rapid review clock");
        if (review is null || review.MethodologyKey != RapidReviewAccess.MethodologyKey) return NotFound();
        if (!await access.Demand(review, ReviewOperations.RecordNationalPanelResponse, "national panel response")) return Forbid();

        DateOnly? received = GovUkDate.TryRead(Request.Form, "received", out var date) ? date : null;
        if (received is null) ModelState.AddModelError("received", "Enter the date the response was received as a real date, for example 27 3 2027");
        else if (received > time.Today) ModelState.AddModelError("received", "The date the response was received must be today or in the past");
        if (!Enum.TryParse<NationalPanelOutcome>(outcome, out var parsed) || !Enum.IsDefined(parsed)) ModelState.AddModelError("outcome", "Select what the national panel said");
        if (notes?.Trim().Length > 4000) ModelState.AddModelError("notes", "The notes must be 4,000 characters or fewer");
        if (!ModelState.IsValid)
        {
            var (day, month, year) = GovUkDate.Typed(Request.Form, "received");
            return View("Index", await PageAsync(review) with { Received = (day, month, year) });
        }

        var response = await db.NationalPanelResponses.FirstOrDefaultAsync(r => r.ReviewId == review.Id);
        var first = response is null;
        response ??= db.NationalPanelResponses.Add(new NationalPanelResponse { ReviewId = review.Id }).Entity;
        response.ReceivedOn = received!.Value;
        response.Outcome = parsed;
        response.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        response.RecordedByName = User.FindFirst(LearningReviewsClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity?.Name;
        audit.Add(first ? AuditActions.Created : AuditActions.Updated, nameof(NationalPanelResponse), response.Id.ToString(), review.Id,
            $"National panel response: {parsed}, received {received:yyyy-MM-dd}");
        await db.SaveChangesAsync();
        TempData["Notice"] = "The national panel's response has been recorded.";
        return Redirect($"/reviews/{id}/rapid-review-clock");
    }

    private async Task<RapidReviewClockPage> PageAsync(Review review)
    {
        var state = workflow.StateOf(review);
        var notifiedOn = state.AnswersFor("notification").Date("notifiedOn");
        var decision = state.AnswersFor("decision");
        var recorded = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var requests = await db.InformationRequests.AsNoTracking().Where(r => r.ReviewId == review.Id && r.Kind == InformationRequestKind.AgencySummary)
            .Select(r => new { r.SentAt, r.AnsweredAt }).ToListAsync();
        if (requests.Count > 0)
        {
            recorded["requests"] = time.LocalDate(requests.Min(r => r.SentAt));
            if (requests.All(r => r.AnsweredAt is not null)) recorded["summaries"] = time.LocalDate(requests.Max(r => r.AnsweredAt!.Value));
        }
        if (state.AnswersFor("meeting").Date("meetingAt") is { } met) recorded["meeting"] = met;
        if (decision.Date("decidedOn") is { } decided) recorded["decision"] = decided;
        if (decision.Date("ratifiedOn") is { } ratified) recorded["ratified"] = ratified;
        var definition = workflow.DefinitionOf(review);
        var choice = decision.Text("decision");
        var decisionText = definition.FindStage("decision")?.Fields.FirstOrDefault(f => f.Key == "decision")?.Options
            .FirstOrDefault(o => o.Value == choice)?.Text ?? choice;
        var today = time.Today;
        return new RapidReviewClockPage(review, notifiedOn,
            notifiedOn is { } from ? Domain.RapidReviews.RapidReviewClock.For(from, calendar, recorded) : [], today,
            notifiedOn is { } start ? Domain.RapidReviews.RapidReviewClock.DayNumber(start, today, calendar) : null,
            await db.NationalPanelResponses.AsNoTracking().FirstOrDefaultAsync(r => r.ReviewId == review.Id),
            await access.Allows(review, ReviewOperations.RecordNationalPanelResponse))
        {
            Ratified = decision.Date("ratifiedOn"), Decision = decisionText,
        };
    }
}
