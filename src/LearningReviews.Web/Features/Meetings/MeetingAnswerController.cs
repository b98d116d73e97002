using LearningReviews.Domain.Meetings;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>
/// Answering an invitation from its email link, without signing in. The link opens a page that asks to
/// confirm (a GET changes nothing, and mail scanners that follow links answer nothing); the button posts
/// the answer, which is recorded once: the token then stops working. A forged or altered token, or one
/// already used or replaced by a later invitation, is refused and nothing is recorded.
/// </summary>
[AllowAnonymous]
[Route("meetings/answer")]
public sealed class MeetingAnswerController(LearningReviewsDbContext db, MeetingAnswerLinks links, AuditLog audit, TimeProvider clock) : Controller
{
    public const string AnsweredAction = "MeetingAnswered";
    public const string RefusedAction = "MeetingAnswerRefused";

    [HttpGet("")]
    public async Task<IActionResult> Confirm(string? t, string? a)
    {
        var (invitee, refusal) = await FindAsync(t, a);
        if (invitee is null) return await RefuseAsync(refusal!.Value, t);
        return View("~/Features/Meetings/Confirm.cshtml", new AnswerPage(t!, MeetingAnswerLinks.ParseAnswer(a)!.Value, MeetingInvitations.Describe(invitee.Meeting!, await ReferenceAsync(invitee)), null));
    }

    [HttpPost("")]
    public async Task<IActionResult> Record(string? t, string? a)
    {
        var (invitee, refusal) = await FindAsync(t, a, tracking: true);
        if (invitee is null) return await RefuseAsync(refusal!.Value, t);
        var answer = MeetingAnswerLinks.ParseAnswer(a)!.Value;
        invitee.Response = answer;
        invitee.RespondedAt = clock.GetUtcNow().UtcDateTime;
        invitee.ResponseNonce = Guid.NewGuid(); // the link is used up
        audit.Add(AnsweredAction, nameof(MeetingInvitee), invitee.Id.ToString(), invitee.Meeting!.ReviewId, answer.ToString());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same link pressed twice at once: the other press recorded the answer.
            db.ChangeTracker.Clear();
            return await RefuseAsync(Refusal.Used, t);
        }
        return View("~/Features/Meetings/Answered.cshtml", new AnswerPage("", answer, MeetingInvitations.Describe(invitee.Meeting!, await ReferenceAsync(invitee)), invitee.Name));
    }

    private enum Refusal { Invalid, Used, Cancelled }

    private async Task<(MeetingInvitee? Invitee, Refusal? Refusal)> FindAsync(string? token, string? answer, bool tracking = false)
    {
        var ticket = links.Read(token);
        if (ticket is null || MeetingAnswerLinks.ParseAnswer(answer) is null) return (null, Refusal.Invalid);
        var invitees = tracking ? db.MeetingInvitees : db.MeetingInvitees.AsNoTracking();
        var invitee = await invitees.Include(i => i.Meeting).FirstOrDefaultAsync(i => i.Id == ticket.Value.InviteeId);
        if (invitee is null || invitee.ResponseNonce != ticket.Value.Nonce) return (null, Refusal.Used);
        if (invitee.Meeting!.IsCancelled) return (null, Refusal.Cancelled);
        return (invitee, null);
    }

    private async Task<IActionResult> RefuseAsync(Refusal refusal, string? token)
    {
        // The token is not written down: it is a secret while unused. Only what happened is.
        await audit.RecordAsync(RefusedAction, nameof(MeetingInvitee), null, null, refusal.ToString());
        Response.StatusCode = refusal == Refusal.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status410Gone;
        _ = token;
        return View("~/Features/Meetings/Refused.cshtml", refusal switch
        {
            Refusal.Invalid => "This link is not a valid answer link. Use a link from the invitation email exactly as it was sent.",
            Refusal.Cancelled => "This meeting has been cancelled, so there is nothing to answer.",
            _ => "This link has already been used, or a newer invitation has replaced it. Nothing has been recorded. To change your answer, use the links in the newest invitation, or contact whoever invited you.",
        });
    }

    private Task<string> ReferenceAsync(MeetingInvitee invitee) =>
        db.Reviews.Where(r => r.Id == invitee.Meeting!.ReviewId).Select(r => r.Reference).SingleAsync();
}

public sealed record AnswerPage(string Token, MeetingResponse Answer, MeetingWords Meeting, string? Name)
{
    public string AnswerWord => MeetingAnswerLinks.AnswerWord(Answer);

    public string Sentence => Answer switch
    {
        MeetingResponse.Accepted => "you will attend",
        MeetingResponse.Declined => "you cannot attend",
        _ => "you might attend",
    };
}
