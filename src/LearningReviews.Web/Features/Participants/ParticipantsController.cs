using LearningReviews.Domain.Access;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure.Authorization;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Participants;

/// <summary>
/// Who is involved in a review and in what role. Anyone who may see the review sees the list; adding
/// and removing people is the separate ManagePeople operation (not implied by seeing or by taking part). Nobody is invited from here yet:
/// this records who is involved.
/// </summary>
[Route("reviews/{id:guid}/participants")]
public sealed class ParticipantsController(
    LearningReviewsDbContext db,
    ReviewQueries queries,
    ReviewWorkflowService workflow,
    UserContextFactory users,
    ReviewAccess access,
    AuditLog audit) : Controller
{
    /// <summary>
    /// The add form's inputs are named Form.Kind, Form.Name, ...: the validator's errors arrive keyed the same
    /// way (MVC validates the form under its binding prefix), and the checks against the review follow suit.
    /// </summary>
    private const string Prefix = "Form";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id)
    {
        var user = users.Current();
        var review = await queries.FindAsync(id, where: "participants");
        if (review is null) return NotFound();
        await audit.RecordAsync(AuditActions.Viewed, nameof(Participant), null, review.Id, "Participants list");
        return View(await PageAsync(review, user, new AddParticipantForm { Kind = "internal" }));
    }

    [HttpPost("")]
    public async Task<IActionResult> Add(Guid id, [Bind(Prefix = Prefix)] AddParticipantForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = users.Current();
        var review = await queries.FindAsync(id, tracking: true, where: "participants");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManagePeople, "participants")) return Forbid();

        if (ModelState.IsValid) await CheckAgainstReviewAsync(review, form);
        if (!ModelState.IsValid) return View("Index", await PageAsync(review, user, form));

        var participant = await NewParticipantAsync(review, form);
        review.Participants.Add(participant);
        db.Participants.Add(participant);
        audit.Add(AuditActions.Created, nameof(Participant), participant.Id.ToString(), review.Id, $"Added as {participant.Role}");
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{participant.Name} added as {ReviewRoleNames.Of(participant.Role).ToLowerInvariant()}.";
        return Redirect($"/reviews/{id}/participants");
    }

    [HttpPost("{participantId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid participantId)
    {
        var user = users.Current();
        var review = await queries.FindAsync(id, tracking: true, where: "participants");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManagePeople, "participants")) return Forbid();

        var participant = review.Participants.FirstOrDefault(p => p.Id == participantId);
        if (participant is null)
        {
            // Someone else removed them first: say so rather than pretend.
            TempData["Problem"] = "That person is no longer on this review: someone else may have removed them.";
        }
        else if (participant.Role == ReviewRole.Proposer)
        {
            TempData["Problem"] = "The person who proposed the review stays on it.";
        }
        else
        {
            review.Participants.Remove(participant);
            db.Participants.Remove(participant);
            audit.Add(AuditActions.Deleted, nameof(Participant), participant.Id.ToString(), review.Id, $"Removed from {participant.Role}");
            try
            {
                await db.SaveChangesAsync();
                TempData["Notice"] = $"{participant.Name} is no longer {ReviewRoleNames.Of(participant.Role).ToLowerInvariant()} on this review.";
            }
            catch (DbUpdateConcurrencyException)
            {
                // Two presses at once, or someone else removed or changed them in the meantime.
                TempData["Problem"] = "That person is no longer on this review: someone else may have removed them.";
            }
        }
        return Redirect($"/reviews/{id}/participants");
    }

    private async Task CheckAgainstReviewAsync(Review review, AddParticipantForm form)
    {
        if (form.Kind == "internal" && !await db.Users.AnyAsync(u => u.Id == form.UserId && u.IsActive))
        {
            ModelState.AddModelError(Prefix + "." + nameof(form.UserId), "Select the person from the list");
        }
        if (form.Kind == "internal" && review.Participants.Any(p => p.UserId == form.UserId && p.Role.ToString() == form.Role))
        {
            ModelState.AddModelError(Prefix + "." + nameof(form.UserId), "That person already has this role in the review");
        }
        if (form.Kind == "external" && !string.IsNullOrEmpty(form.AgencyId)
            && !await db.Agencies.AnyAsync(a => a.Id == Guid.Parse(form.AgencyId) && a.IsActive))
        {
            ModelState.AddModelError(Prefix + "." + nameof(form.AgencyId), "Select an agency from the list");
        }
        if (!string.IsNullOrEmpty(form.CaseId) && review.Cases.All(c => c.CaseId != Guid.Parse(form.CaseId)))
        {
            ModelState.AddModelError(Prefix + "." + nameof(form.CaseId), "Select a family from the list");
        }
    }

    private async Task<Participant> NewParticipantAsync(Review review, AddParticipantForm form)
    {
        Guid? caseId = string.IsNullOrEmpty(form.CaseId) ? null : Guid.Parse(form.CaseId);
        if (form.Kind == "internal")
        {
            var account = await db.Users.SingleAsync(u => u.Id == form.UserId);
            return new Participant
            {
                ReviewId = review.Id, UserId = account.Id, Name = account.DisplayName, Email = account.Email,
                AgencyId = account.AgencyId, Role = form.ParsedRole(), CaseId = caseId,
            };
        }
        return new Participant
        {
            ReviewId = review.Id, Name = form.Name!.Trim(), Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim(),
            AgencyId = string.IsNullOrEmpty(form.AgencyId) ? null : Guid.Parse(form.AgencyId), Role = form.ParsedRole(), CaseId = caseId,
        };
    }

    private async Task<ParticipantsPage> PageAsync(Review review, UserContext user, AddParticipantForm form)
    {
        form.UserChoices = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id)).ToListAsync();
        // Ids become text in memory: SQLite would turn them into upper-case text, which no form value matches.
        form.AgencyChoices = (await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new { a.Name, a.Id }).ToListAsync()).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
        form.RoleChoices = AddParticipantForm.AddableRoles.Select(r => new SelectListItem(ReviewRoleNames.Of(r), r.ToString()));
        form.CaseChoices = review.Cases.Count > 1
            ? review.Cases.Select(c => new SelectListItem(c.Case!.Label, c.CaseId.ToString()))
            : [];
        return new ParticipantsPage(review, workflow.DefinitionOf(review).Name, await access.Allows(review, ReviewOperations.ManagePeople), form)
        {
            MaySee = participant => FamilyRestriction.MaySeeParticipant(user, review, participant),
        };
    }
}
