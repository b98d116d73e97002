using LearningReviews.Domain.Access;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
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
    AuditLog audit,
    RaceWindow raceWindow,
    PartnershipTime time) : Controller
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
        await audit.RecordViewAsync(nameof(Participant), null, review.Id, "Participants list");
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
        if (ModelState.IsValid) AddClash(review.Participants, form);
        if (!ModelState.IsValid) return View("Index", await PageAsync(review, user, form));

        await raceWindow.PauseAsync(RaceWindow.AddParticipant);
        var participant = await NewParticipantAsync(review, form);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            review.Participants.Add(participant);
            db.Participants.Add(participant);
            audit.Add(AuditActions.Created, nameof(Participant), participant.Id.ToString(), review.Id, $"Added as {participant.Role}");
            // The save is audited, so it takes the audit chain's lock (AuditChain) and holds it to the end of this
            // transaction: of two adds at once, the second gets here only after the first is committed, and
            // this second look at the list sees the first's person.
            await db.SaveChangesAsync();
            var others = await db.Participants.AsNoTracking().Where(p => p.ReviewId == review.Id && p.Id != participant.Id).ToListAsync();
            if (AddClash(others, form))
            {
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
                return View("Index", await PageAsync(await queries.FindAsync(id, where: "participants") ?? review, user, form));
            }
            await transaction.CommitAsync();
        }
        TempData["Notice"] = $"{participant.Name} added as {ReviewRoleNames.Of(participant.Role).ToLowerInvariant()}.";
        return Redirect($"/reviews/{id}/participants");
    }

    /// <summary>
    /// Removes one person, if they are as the page showed them: someone else may have removed them or
    /// changed them since, and then the page is shown again with the list as it is now and why nothing changed.
    /// </summary>
    [HttpPost("{participantId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid participantId, Guid participantToken)
    {
        var user = users.Current();
        var review = await queries.FindAsync(id, tracking: true, where: "participants");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManagePeople, "participants")) return Forbid();

        var participant = review.Participants.FirstOrDefault(p => p.Id == participantId);
        var problem = participant is null ? GoneMessage
            : participant.Role == ReviewRole.Proposer ? "The person who proposed the review stays on it."
            : participant.ConcurrencyToken != participantToken ? ChangedMessage(participant)
            : null;
        if (problem is null)
        {
            review.Participants.Remove(participant!);
            db.Participants.Remove(participant!);
            // Deleted only if still as the page showed them; otherwise the save changes nothing and says so.
            db.Entry(participant!).Property(p => p.ConcurrencyToken).OriginalValue = participantToken;
            audit.Add(AuditActions.Deleted, nameof(Participant), participant!.Id.ToString(), review.Id, $"Removed from {participant.Role}");
            try
            {
                await db.SaveChangesAsync();
                TempData["Notice"] = $"{participant.Name} is no longer {ReviewRoleNames.Of(participant.Role).ToLowerInvariant()} on this review.";
                return Redirect($"/reviews/{id}/participants");
            }
            catch (DbUpdateConcurrencyException)
            {
                // Two presses at once, or someone else removed or changed them in the meantime.
                db.ChangeTracker.Clear();
                problem = GoneMessage;
            }
        }
        var now = await queries.FindAsync(id, where: "participants") ?? review;
        ModelState.AddModelError("", problem);
        return View("Index", await PageAsync(now, user, new AddParticipantForm { Kind = "internal" }));
    }

    private const string GoneMessage = "That person is no longer on this review: someone else removed them. The list below is as it is now.";

    private static string ChangedMessage(Participant participant) =>
        $"Someone else changed {participant.Name}'s details while you were looking at this page, so they have not been removed. "
        + "Check the list below and try again.";

    /// <summary>
    /// A fingerprint of the list as the page showed it (who, and each person's token), sent back with the
    /// add form so an add can tell whether someone else changed the list meanwhile.
    /// </summary>
    public static string ListToken(IEnumerable<Participant> participants)
    {
        ArgumentNullException.ThrowIfNull(participants);
        var text = string.Join(";", participants.OrderBy(p => p.Id).Select(p => $"{p.Id:N}:{p.ConcurrencyToken:N}"));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>
    /// Whether the person being added is already on the list in that role: the same account (never twice
    /// in one role), or, for someone from outside, the same name added by someone else since the page was
    /// read (adding them again from a page that showed them is taken as meant: two people may share a name).
    /// Adds the message to the form when so.
    /// </summary>
    private bool AddClash(IReadOnlyCollection<Participant> others, AddParticipantForm form)
    {
        var role = form.ParsedRole();
        var changedSince = form.ListToken != ListToken(others);
        var same = form.Kind == "internal"
            ? others.FirstOrDefault(p => p.Role == role && p.UserId == form.UserId)
            : others.FirstOrDefault(p => p.Role == role && p.UserId is null
                && string.Equals(p.Name.Trim(), form.Name?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (same is null || (form.Kind == "external" && !changedSince)) return false;
        var roleName = ReviewRoleNames.Of(role).ToLowerInvariant();
        if (!changedSince)
        {
            ModelState.AddModelError(Prefix + "." + nameof(form.UserId), "That person already has this role in the review");
        }
        else if (form.Kind == "internal")
        {
            ModelState.AddModelError(Prefix + "." + nameof(form.UserId),
                $"Someone else added {same.Name} as {roleName} while you were looking at this page");
        }
        else
        {
            ModelState.AddModelError(Prefix + "." + nameof(form.Name),
                $"Someone else added {same.Name} as {roleName} while you were looking at this page. "
                + "If this is a different person with the same name, select Add to the review again");
        }
        return true;
    }

    private async Task CheckAgainstReviewAsync(Review review, AddParticipantForm form)
    {
        if (form.Kind == "internal" && !await db.Users.AnyAsync(u => u.Id == form.UserId && u.IsActive))
        {
            ModelState.AddModelError(Prefix + "." + nameof(form.UserId), "Select the person from the list");
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
        // Always the list as it is now: a refused add shown again must not carry the stale fingerprint back.
        form.ListToken = ListToken(review.Participants);
        return new ParticipantsPage(review, workflow.DefinitionOf(review).Name, await access.Allows(review, ReviewOperations.ManagePeople), form)
        {
            MaySee = participant => FamilyRestriction.MaySeeParticipant(user, review, participant),
            Meetings = await ParticipantAnswers.MeetingsAsync(db, review.Id, time.Today),
        };
    }
}
