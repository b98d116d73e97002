using LearningReviews.Domain.Meetings;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>Questions about slots booked ahead: which rooms they would double-book, and which a review may take.</summary>
public static class MeetingSlots
{
    /// <summary>
    /// The dates on which a new slot's room is already held at an overlapping time, by a review's meeting or
    /// by another free slot (a taken slot is its meeting, so it is counted once, as the meeting).
    /// </summary>
    public static async Task<List<(DateOnly Date, string Room)>> ClashesAsync(LearningReviewsDbContext db, IReadOnlyList<MeetingSlot> slots)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(slots);
        var days = slots.Where(s => s.Room is not null).Select(s => s.Date).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => days.Contains(m.Date) && m.CancelledAt == null && m.Room != null).ToListAsync();
        var free = await db.MeetingSlots.AsNoTracking().Where(s => days.Contains(s.Date) && s.MeetingId == null && s.Room != null).ToListAsync();
        var held = meetings.Concat(free.Select(s => s.AsMeeting(MeetingKind.LearningCircle))).ToList();
        return slots.Select(s => s.AsMeeting(MeetingKind.LearningCircle))
            .Where(candidate => held.Any(candidate.ClashesWith))
            .Select(c => (c.Date, c.Room!)).ToList();
    }

    /// <summary>The free circle slots of a locality from today on, soonest first.</summary>
    public static Task<List<MeetingSlot>> FreeCirclesAsync(LearningReviewsDbContext db, Guid? localityId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.MeetingSlots.AsNoTracking()
            .Where(s => s.MeetingId == null && s.Date > today && s.Series!.Purpose == MeetingSeriesPurpose.LocalityLearningCircles
                        && s.Series.LocalityId != null && s.Series.LocalityId == localityId)
            .OrderBy(s => s.Date).ThenBy(s => s.Start).Take(12).ToListAsync();
    }
}
