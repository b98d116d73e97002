using LearningReviews.Domain.Access;
using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>
/// What meetings ask of the signed-in user, for My work: the meetings they are invited to in the next few
/// weeks and any later invitation they have not answered; and the meetings already held whose register
/// nobody has taken, on reviews where they may take it (ManageMeetings). Each is one small query over the
/// reviews the user may see, limited to what the page shows; no review's graph is loaded for it.
/// </summary>
public static class MeetingWork
{
    /// <summary>How far ahead "upcoming" reaches.</summary>
    public const int UpcomingDays = 28;

    /// <summary>At most this many lines of each list: the meetings page of each review has the rest.</summary>
    public const int MaxRows = 20;

    public static async Task<List<MyMeeting>> InvitedAsync(LearningReviewsDbContext db, IQueryable<Review> visible, UserContext user,
        PartnershipTime time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(time);
        var today = time.Today;
        var horizon = today.AddDays(UpcomingDays);
        var rows = await (
            from i in db.MeetingInvitees
            join m in db.Meetings on i.MeetingId equals m.Id
            join r in visible on m.ReviewId equals r.Id
            where i.UserId == user.UserId && m.CancelledAt == null && m.Date >= today
                  && (m.Date <= horizon || i.Response == MeetingResponse.NoAnswer)
                  && (r.Status == ReviewStatus.Proposed || r.Status == ReviewStatus.InProgress)
            orderby m.Date, m.Start
            select new MyMeeting(r.Id, r.Reference, m.Id, m.Kind, m.Date, m.Start, m.DurationMinutes, i.Response))
            .Take(MaxRows).ToListAsync(cancellationToken);
        // A meeting earlier today that has ended is no longer upcoming.
        var now = TimeOnly.FromDateTime(time.Now);
        return rows.Where(m => m.Date > today || m.Start.AddMinutes(m.DurationMinutes) > now).ToList();
    }

    /// <summary>
    /// Meetings held (ended) on open reviews the user may see, not cancelled, with nobody's attendance recorded;
    /// kept only where the user may take the register. The few candidate reviews are loaded with the user's
    /// own participant rows, which is all the ManageMeetings rule reads of them.
    /// </summary>
    public static async Task<List<MyMeeting>> RegistersToTakeAsync(LearningReviewsDbContext db, IQueryable<Review> visible, UserContext user,
        PartnershipTime time, Func<Review, Task<bool>> mayManage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(mayManage);
        var today = time.Today;
        var candidates = await (
            from m in db.Meetings
            join r in visible on m.ReviewId equals r.Id
            where m.CancelledAt == null && m.Date <= today
                  && (r.Status == ReviewStatus.Proposed || r.Status == ReviewStatus.InProgress)
                  && m.Invitees.Any() && !m.Invitees.Any(i => i.Attendance != MeetingAttendance.NotRecorded)
            orderby m.Date descending, m.Start descending
            select new MyMeeting(r.Id, r.Reference, m.Id, m.Kind, m.Date, m.Start, m.DurationMinutes, MeetingResponse.NoAnswer))
            .Take(MaxRows).ToListAsync(cancellationToken);
        var now = TimeOnly.FromDateTime(time.Now);
        // Held means ended: today's meeting counts once its end has passed (one running past midnight has not ended today).
        candidates = candidates.Where(m => m.Date < today || (m.Start.AddMinutes(m.DurationMinutes) > m.Start && m.Start.AddMinutes(m.DurationMinutes) <= now)).ToList();
        if (candidates.Count == 0) return candidates;

        var reviewIds = candidates.Select(c => c.ReviewId).Distinct().ToList();
        var reviews = await db.Reviews.AsNoTracking().Where(r => reviewIds.Contains(r.Id))
            .Include(r => r.Participants.Where(p => p.UserId == user.UserId))
            .AsSplitQuery().ToListAsync(cancellationToken);
        var allowed = new HashSet<Guid>();
        foreach (var review in reviews)
        {
            if (await mayManage(review)) allowed.Add(review.Id);
        }
        return candidates.Where(c => allowed.Contains(c.ReviewId)).ToList();
    }
}

/// <summary>A meeting on My work: which review (by reference only), what, when, and the user's answer.</summary>
public sealed record MyMeeting(Guid ReviewId, string Reference, Guid MeetingId, MeetingKind Kind, DateOnly Date, TimeOnly Start,
    int DurationMinutes, MeetingResponse Answer);
