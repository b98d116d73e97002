using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>
/// The review page's task-list lines for its meetings and documents: the next meeting, the registers of held
/// meetings still to take (to those who may take them), and documents uploaded but not yet sent to anyone (to
/// those who may circulate them). The review page has already checked that the user may see the review.
/// </summary>
public sealed class MeetingsSummaryViewComponent(LearningReviewsDbContext db, ReviewAccess access, PartnershipTime time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var today = time.Today;
        var now = TimeOnly.FromDateTime(time.Now);
        var live = db.Meetings.AsNoTracking().Where(m => m.ReviewId == review.Id && m.CancelledAt == null);
        // Today's meetings are read whole and sorted here: whether one has ended depends on its length.
        var fromToday = await live.Where(m => m.Date >= today).OrderBy(m => m.Date).ThenBy(m => m.Start).Take(10)
            .Select(m => new { m.Id, m.Kind, m.Date, m.Start, m.DurationMinutes }).ToListAsync();
        var next = fromToday.FirstOrDefault(m => m.Date > today || m.Start.AddMinutes(m.DurationMinutes) > now || m.Start.AddMinutes(m.DurationMinutes) < m.Start);

        var registers = 0;
        Guid? firstRegister = null;
        if (await access.Allows(review, ReviewOperations.ManageMeetings))
        {
            var held = await live.Where(m => m.Date <= today && m.Invitees.Any() && !m.Invitees.Any(i => i.Attendance != MeetingAttendance.NotRecorded))
                .OrderByDescending(m => m.Date).Take(50).Select(m => new { m.Id, m.Date, m.Start, m.DurationMinutes }).ToListAsync();
            var ended = held.Where(m => m.Date < today || (m.Start.AddMinutes(m.DurationMinutes) > m.Start && m.Start.AddMinutes(m.DurationMinutes) <= now)).ToList();
            registers = ended.Count;
            firstRegister = ended.FirstOrDefault()?.Id;
        }
        int? toCirculate = null;
        if (await access.Allows(review, ReviewOperations.ManageFiles))
        {
            toCirculate = await db.ReviewFiles.AsNoTracking().CountAsync(f => f.ReviewId == review.Id && !f.Circulations.Any());
        }
        return View("~/Features/Meetings/_Summary.cshtml", new MeetingsSummary(review.Id,
            next is null ? null : new NextMeeting(next.Id, next.Kind, next.Date, next.Start), registers, firstRegister, toCirculate));
    }
}

public sealed record NextMeeting(Guid Id, MeetingKind Kind, DateOnly Date, TimeOnly Start);

public sealed record MeetingsSummary(Guid ReviewId, NextMeeting? Next, int RegistersToTake, Guid? FirstRegister, int? DocumentsToCirculate);
