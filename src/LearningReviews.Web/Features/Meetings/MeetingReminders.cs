using LearningReviews.Domain.Calendar;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>
/// Sends each meeting's reminder on the working day before it (a Monday meeting's on the Friday, a meeting
/// after a bank holiday's on the day before the holiday). A meeting booked later than that is reminded at
/// the next run before it starts. The reminder is recorded in the same save that queues it, so it goes once.
/// </summary>
public sealed class MeetingReminders(LearningReviewsDbContext db, MeetingInvitations invitations, PartnershipTime time, WorkingDayCalendar calendar)
{
    /// <summary>How far ahead to look: more than any run of non-working days (Christmas with a weekend).</summary>
    private const int LookAheadDays = 14;

    /// <summary>Whether the reminder of a meeting on <paramref name="meetingDate"/> is due on <paramref name="today"/>.</summary>
    public static bool IsDue(DateOnly meetingDate, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return today >= calendar.AddWorkingDays(meetingDate, -1) && today <= meetingDate;
    }

    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var today = time.Today;
        var now = time.Now;
        var horizon = today.AddDays(LookAheadDays);
        var candidates = await db.Meetings.AsNoTracking().Include(m => m.Invitees)
            .Where(m => m.CancelledAt == null && m.ReminderSentAt == null && m.Date >= today && m.Date <= horizon)
            .ToListAsync(cancellationToken);
        var due = candidates.Where(m => IsDue(m.Date, today, calendar) && m.Date.ToDateTime(m.Start) > now).ToList();
        if (due.Count == 0) return 0;
        var reviewIds = due.Select(m => m.ReviewId).Distinct().ToList();
        var references = await db.Reviews.Where(r => reviewIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Reference, cancellationToken);
        var sentAt = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(now, time.Zone), DateTimeKind.Utc);
        var sent = 0;
        foreach (var meeting in due)
        {
            // Each meeting is claimed with one conditional UPDATE, in the transaction that queues its messages:
            // of two instances (or runs) at once only one changes the row and sends; one cancelled meanwhile is
            // not reminded. (A change of time clears ReminderSentAt, so a moved meeting is reminded for its new day.)
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Meetings
                .Where(m => m.Id == meeting.Id && m.ReminderSentAt == null && m.CancelledAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ReminderSentAt, sentAt).SetProperty(m => m.ConcurrencyToken, Guid.NewGuid()), cancellationToken);
            if (claimed == 0) continue;
            invitations.Remind(meeting, references[meeting.ReviewId]);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            sent++;
        }
        return sent;
    }
}

/// <summary>Runs the reminders every hour of the working day (docs/meetings.md).</summary>
[DisallowConcurrentExecution]
public sealed class SendMeetingRemindersJob(MeetingReminders reminders) : IJob
{
    public const string Name = "send-meeting-reminders";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await reminders.SendDueAsync(cancellationToken);
}
