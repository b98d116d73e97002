using System.Globalization;
using LearningReviews.Domain.Meetings;
using LearningReviews.Infrastructure.Email;
using LearningReviews.Web.Features.Email;
using Microsoft.Extensions.Options;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>
/// Queues a meeting's invitations, cancellations and reminders in the outbox, in the caller's unit of
/// work. Each message names the meeting's kind, date, time, place and the review's reference, never a
/// child or family; the invitation carries the .ics and the invitee's own answer links.
/// </summary>
public sealed class MeetingInvitations(EmailOutbox outbox, EmailComposer composer, MeetingAnswerLinks links,
    IOptions<EmailOptions> email, TimeProvider clock)
{
    public const string InvitationKind = "MeetingInvitation";
    public const string CancellationKind = "MeetingCancellation";
    public const string ReminderKind = "MeetingReminder";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Sends an invitation (or an updated one) to each invitee. Each gets a fresh answer secret, so the links
    /// of an earlier invitation stop working and these work once.
    /// </summary>
    public void Invite(Meeting meeting, string reviewReference, IEnumerable<MeetingInvitee> invitees, bool isUpdate)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(invitees);
        var now = clock.GetUtcNow().UtcDateTime;
        var what = Describe(meeting, reviewReference);
        foreach (var invitee in invitees)
        {
            invitee.ResponseNonce = Guid.NewGuid();
            var subject = (isUpdate ? "Updated invitation: " : "Invitation: ") + what.Title;
            var paragraphs = new List<string>
            {
                isUpdate ? $"The {what.KindLower} for review {reviewReference} has changed. The details below replace those sent before."
                         : $"You are invited to a {what.KindLower} for review {reviewReference}.",
                $"When: {what.When}",
                $"Where: {what.Where}",
                "A calendar invitation is attached. Please say whether you will come, using one of the links below. You do not need to sign in.",
            };
            var message = composer.Compose(InvitationKind, invitee.Email, invitee.Name, subject, paragraphs,
            [
                new EmailLink("I will attend", links.PathFor(invitee, MeetingResponse.Accepted)),
                new EmailLink("I cannot attend", links.PathFor(invitee, MeetingResponse.Declined)),
                new EmailLink("I might attend", links.PathFor(invitee, MeetingResponse.Maybe)),
            ]) with
            {
                Attachment = new EmailAttachment("invitation.ics", MeetingCalendar.ContentType(MeetingCalendar.RequestMethod),
                    MeetingCalendar.Request(meeting, invitee, Wording(what), now)),
            };
            outbox.Enqueue(message);
        }
    }

    /// <summary>Tells each invitee the meeting will not take place, with a CANCEL their calendar applies to the entry it has.</summary>
    public void Cancel(Meeting meeting, string reviewReference, IEnumerable<MeetingInvitee> invitees)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(invitees);
        var now = clock.GetUtcNow().UtcDateTime;
        var what = Describe(meeting, reviewReference);
        foreach (var invitee in invitees)
        {
            invitee.ResponseNonce = Guid.NewGuid(); // the old answer links stop working
            var message = composer.Compose(CancellationKind, invitee.Email, invitee.Name, "Cancelled: " + what.Title,
            [
                $"The {what.KindLower} for review {reviewReference} on {what.When} has been cancelled, or you are no longer invited to it.",
                "The attached calendar update removes it from your calendar.",
            ], link: null) with
            {
                Attachment = new EmailAttachment("cancellation.ics", MeetingCalendar.ContentType(MeetingCalendar.CancelMethod),
                    MeetingCalendar.Cancel(meeting, invitee, Wording(what), now)),
            };
            outbox.Enqueue(message);
        }
    }

    /// <summary>The reminder of the working day before, to everyone who has not said they cannot come.</summary>
    public void Remind(Meeting meeting, string reviewReference)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var what = Describe(meeting, reviewReference);
        foreach (var invitee in meeting.Invitees.Where(i => i.Response != MeetingResponse.Declined))
        {
            outbox.Enqueue(composer.Compose(ReminderKind, invitee.Email, invitee.Name, "Reminder: " + what.Title,
            [
                $"This is a reminder of the {what.KindLower} for review {reviewReference}.",
                $"When: {what.When}",
                $"Where: {what.Where}",
            ], link: null));
        }
    }

    /// <summary>A meeting in words, as every message and the answer page say it.</summary>
    public static MeetingWords Describe(Meeting meeting, string reviewReference)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var kind = MeetingKindNames.Of(meeting.Kind);
        var when = meeting.Date.ToString("dddd d MMMM yyyy", English) + ", "
                   + Clock(meeting.Start) + " to " + Clock(meeting.End) + " (UK time)";
        return new MeetingWords($"{kind}, {reviewReference}, {meeting.Date.ToString("d MMMM yyyy", English)}",
            kind, kind.ToLowerInvariant(), when, MeetingCalendar.Where(meeting) ?? "to be confirmed");
    }

    public static string Clock(TimeOnly time) => time.ToString(time.Minute == 0 ? "h tt" : "h:mm tt", English).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    private CalendarWording Wording(MeetingWords what) =>
        new(what.Title, $"{what.Kind}. Please answer from the links in the email.", email.Value.FromAddress, email.Value.FromName);
}

/// <summary>A meeting as messages and pages put it.</summary>
public sealed record MeetingWords(string Title, string Kind, string KindLower, string When, string Where);
