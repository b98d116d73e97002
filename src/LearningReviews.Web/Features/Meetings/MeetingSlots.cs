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

    /// <summary>
    /// What kind of slot a review may take, and the meeting it becomes: a locality learning circle review takes
    /// its locality's circle dates; a Practice Learning Day review takes a day of the year's plan. Other
    /// methodologies take none.
    /// </summary>
    public static (MeetingSeriesPurpose Purpose, MeetingKind Kind)? SlotsFor(string methodologyKey) => methodologyKey switch
    {
        "locality-learning-circle" => (MeetingSeriesPurpose.LocalityLearningCircles, MeetingKind.LearningCircle),
        "practice-learning-day" => (MeetingSeriesPurpose.PracticeLearningDays, MeetingKind.PracticeLearningDay),
        _ => null,
    };

    /// <summary>Whether a free slot is one this review may take (its locality's circle, or a planned day).</summary>
    public static bool MayTake(MeetingSlot slot, Guid? localityId, string methodologyKey)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.Series is null || SlotsFor(methodologyKey) is not { } slots || slot.Series.Purpose != slots.Purpose) return false;
        return slots.Purpose != MeetingSeriesPurpose.LocalityLearningCircles || (slot.Series.LocalityId is not null && slot.Series.LocalityId == localityId);
    }

    /// <summary>The free slots a review may take from tomorrow on, soonest first: its locality's circles, or the plan's days.</summary>
    public static Task<List<MeetingSlot>> FreeForAsync(LearningReviewsDbContext db, Guid? localityId, string methodologyKey, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        return SlotsFor(methodologyKey)?.Purpose switch
        {
            MeetingSeriesPurpose.LocalityLearningCircles => FreeCirclesAsync(db, localityId, today),
            MeetingSeriesPurpose.PracticeLearningDays => db.MeetingSlots.AsNoTracking()
                .Where(s => s.MeetingId == null && s.Date > today && s.Series!.Purpose == MeetingSeriesPurpose.PracticeLearningDays)
                .OrderBy(s => s.Date).ThenBy(s => s.Start).Take(12).ToListAsync(),
            _ => Task.FromResult(new List<MeetingSlot>()),
        };
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
