using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Participants;

/// <summary>
/// The participants list's columns of invitation answers: the review's next meetings (up to
/// <see cref="MaxMeetings"/>, soonest first), topped up with the latest ones held when fewer are coming.
/// A participant is matched to an invitee by their account, or by email for someone without one.
/// </summary>
public static class ParticipantAnswers
{
    public const int MaxMeetings = 3;

    public static async Task<IReadOnlyList<Meeting>> MeetingsAsync(LearningReviewsDbContext db, Guid reviewId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        var live = db.Meetings.AsNoTracking().Where(m => m.ReviewId == reviewId && m.CancelledAt == null);
        var coming = await live.Where(m => m.Date >= today).OrderBy(m => m.Date).ThenBy(m => m.Start).Take(MaxMeetings)
            .Include(m => m.Invitees).ToListAsync();
        var held = coming.Count == MaxMeetings ? [] : await live.Where(m => m.Date < today).OrderByDescending(m => m.Date).ThenByDescending(m => m.Start)
            .Take(MaxMeetings - coming.Count).Include(m => m.Invitees).ToListAsync();
        return held.AsEnumerable().Reverse().Concat(coming).ToList();
    }

    /// <summary>The participant's invitation to the meeting, or null when they were not invited.</summary>
    public static MeetingInvitee? InvitationOf(Participant participant, Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(meeting);
        return participant.UserId is { } userId
            ? meeting.Invitees.FirstOrDefault(i => i.UserId == userId)
            : string.IsNullOrWhiteSpace(participant.Email) ? null
            : meeting.Invitees.FirstOrDefault(i => i.UserId is null && string.Equals(i.Email, participant.Email.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
