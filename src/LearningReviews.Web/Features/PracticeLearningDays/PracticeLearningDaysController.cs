using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.PracticeLearningDays;

/// <summary>One Practice Learning Day in the central log, with how well it was planned.</summary>
public sealed record PracticeLearningDayRow(Guid ReviewId, string Reference, string Title, DateOnly Date, bool Joint,
    DateOnly? SaveTheDateSent, DateOnly? PlanningMeeting, bool PlannedInTime, int Attended, int FeedbackGiven, ReviewStatus Status);

public sealed record PracticeLearningDayPlan(int Year, IReadOnlyList<PracticeLearningDayRow> Days, int Unscheduled)
{
    /// <summary>Seed 001: "at least every 3 months (4 per year)".</summary>
    public const int AtLeastPerYear = 4;

    /// <summary>The days the Service Manager set ahead in the year's plan, with whether save-the-dates went.</summary>
    public IReadOnlyList<Domain.Meetings.MeetingSlot> Planned { get; init; } = [];

    /// <summary>Days held or set as reviews, or planned ahead (a planned day usually becomes a review later, so the larger count is taken, not the sum).</summary>
    public int DaysSet => Math.Max(Days.Count(d => d.Status != ReviewStatus.Withdrawn), Planned.Count);
    public bool TooFew => DaysSet < AtLeastPerYear;
    public bool NoneJoint => !Days.Any(d => d.Joint && d.Status != ReviewStatus.Withdrawn) && !Planned.Any(p => p.JointWithPartners);
}

/// <summary>
/// The QA Team Manager's central log of Practice Learning Days (seed 001: "The Team Manager for Quality
/// Assurance will keep a central log of all Practice Learning Days and report to the Service Manager with
/// regards to the effectiveness of planning"): the year's days from the reviews of that methodology the user
/// may see, read from what their stages record, with warnings when fewer than four are set or none is joint.
/// </summary>
[Authorize(Roles = Roles.QaTeamManager + "," + Roles.ServiceManager)]
[Route("practice-learning-days")]
public sealed class PracticeLearningDaysController(
    ReviewQueries queries,
    UserContextFactory users,
    ReviewWorkflowService workflow,
    WorkingDayCalendar calendar,
    LearningReviews.Infrastructure.Persistence.LearningReviewsDbContext db,
    AuditLog audit,
    PartnershipTime time) : Controller
{
    /// <summary>A partnership holds a handful of these a year; the log reads at most this many reviews.</summary>
    private const int MaxReviews = 500;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var shown = Math.Clamp(year ?? time.Today.Year, 2000, 2100);
        var reviews = await queries.VisibleTo(users.Current()).AsNoTracking()
            .Where(r => r.MethodologyKey == "practice-learning-day")
            .OrderBy(r => r.ReferenceYear).ThenBy(r => r.ReferenceNumber).Take(MaxReviews)
            .Include(r => r.Stages).AsSplitQuery().ToListAsync();
        var days = new List<PracticeLearningDayRow>();
        var unscheduled = 0;
        foreach (var review in reviews)
        {
            var state = workflow.StateOf(review);
            var scheduled = state.AnswersFor("scheduled");
            if (scheduled.Date("dayDate") is not { } date)
            {
                if (review.Status != ReviewStatus.Withdrawn) unscheduled++;
                continue;
            }
            if (date.Year != shown) continue;
            var planning = state.AnswersFor("planning").Date("planningMeetingDate");
            days.Add(new PracticeLearningDayRow(review.Id, review.Reference, review.Title, date,
                string.Equals(scheduled.Text("jointDay"), "yes", StringComparison.OrdinalIgnoreCase),
                scheduled.Date("saveTheDateSent"), planning,
                planning is { } met && calendar.IsAtLeastWorkingDaysBefore(met, date, 10),
                state.AnswersFor("day").Rows("attendance").Count, state.AnswersFor("learning").Rows("feedback").Count, review.Status));
        }
        await audit.RecordViewAsync("PracticeLearningDayPlan", null, null, $"{days.Count} days listed for {shown}");
        var planned = await db.MeetingSlots.AsNoTracking()
            .Where(s => s.Series!.Purpose == Domain.Meetings.MeetingSeriesPurpose.PracticeLearningDays && s.Series.Year == shown)
            .OrderBy(s => s.Date).Take(100).ToListAsync();
        return View(new PracticeLearningDayPlan(shown, days.OrderBy(d => d.Date).ToList(), unscheduled) { Planned = planned });
    }
}
