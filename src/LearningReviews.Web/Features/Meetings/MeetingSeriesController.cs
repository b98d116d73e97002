using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Meetings;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>
/// A locality's learning circles booked ahead (seed 000: "every calendar month, for 1 hour or as and when
/// required by the Head of Locality"). The locality's managers (Head of Locality, Service Manager, Team
/// Manager) book a monthly series for their own locality; its slots carry no child or family. A review of the
/// locality takes a free slot from its booking page, which makes the slot that review's meeting.
/// </summary>
[Authorize(Roles = Roles.HeadOfLocality + "," + Roles.ServiceManager + "," + Roles.TeamManager)]
[Route("meetings/series")]
public sealed class MeetingSeriesController(
    LearningReviewsDbContext db,
    ReviewQueries queries,
    UserContextFactory users,
    WorkingDayCalendar calendar,
    AuditLog audit,
    PartnershipTime time) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = users.Current();
        if (user.LocalityId is not { } locality) return Forbid();
        var today = time.Today;
        var series = await db.MeetingSeries.AsNoTracking()
            .Where(s => s.Purpose == MeetingSeriesPurpose.LocalityLearningCircles && s.LocalityId == locality)
            .Include(s => s.Slots.Where(slot => slot.Date >= today).OrderBy(slot => slot.Date))
            .OrderByDescending(s => s.CreatedAt).Take(20).AsSplitQuery().ToListAsync();
        var taken = series.SelectMany(s => s.Slots).Where(s => s.MeetingId is not null).Select(s => s.MeetingId!.Value).ToList();
        // A taken slot names its review only to someone who may see that review.
        var takenBy = await (from m in db.Meetings
                             join r in queries.VisibleTo(user) on m.ReviewId equals r.Id
                             where taken.Contains(m.Id)
                             select new { m.Id, ReviewId = r.Id, r.Reference }).ToListAsync();
        await audit.RecordViewAsync(nameof(MeetingSeries), null, null, $"{series.Count} circle series listed");
        return View("~/Features/Meetings/Series.cshtml", new SeriesListPage(await LocalityNameAsync(locality), series,
            takenBy.ToDictionary(t => t.Id, t => (t.ReviewId, t.Reference)), today));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New()
    {
        var user = users.Current();
        if (user.LocalityId is not { } locality) return Forbid();
        var next = time.Today.AddMonths(1);
        var form = new SeriesForm
        {
            FromMonth = next.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FromYear = next.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return View("~/Features/Meetings/SeriesEdit.cshtml", new SeriesFormPage(await LocalityNameAsync(locality), form, []));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] SeriesForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = users.Current();
        if (user.LocalityId is not { } locality) return Forbid();
        var localityName = await LocalityNameAsync(locality);
        var rule = form.ParsedRule();
        if (rule is null)
        {
            if (!int.TryParse(form.Week, out _)) ModelState.AddModelError("Form.Week", "Select which week of the month");
            else ModelState.AddModelError("Form.Day", "Select the day of the week, Monday to Friday");
        }
        var from = form.ParsedFrom();
        if (from is null) ModelState.AddModelError("Form.FromMonth", "Enter the first month as a month number and a year, for example 1 and 2027");
        else if (from.Value.AddMonths(1) <= new DateOnly(time.Today.Year, time.Today.Month, 1)) ModelState.AddModelError("Form.FromMonth", "The first month must be this month or later");
        var months = form.ParsedMonths();
        if (months is null) ModelState.AddModelError("Form.Months", $"Enter how many months, from 1 to {SeriesForm.MaxMonths}");
        var start = Domain.Text.TypedTime.Read(form.Start, "Start time", out var startProblem);
        if (start is null) ModelState.AddModelError("Form.Start", startProblem ?? "Enter the start time");
        var duration = form.ParsedDuration();
        if (duration is null) ModelState.AddModelError("Form.Duration", "Enter the length in minutes, from 15 to 720, for example 60");
        var room = string.IsNullOrWhiteSpace(form.Room) ? null : form.Room.Trim();
        var link = string.IsNullOrWhiteSpace(form.VirtualLink) ? null : form.VirtualLink.Trim();
        if (room?.Length > Meeting.MaxRoomLength) ModelState.AddModelError("Form.Room", $"The room must be {Meeting.MaxRoomLength} characters or fewer");
        if (link is not null && (link.Length > Meeting.MaxLinkLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            ModelState.AddModelError("Form.VirtualLink", "Enter the online meeting's address as a full https:// link");
        }
        if (room is null && link is null) ModelState.AddModelError("Form.Room", "Enter a room, an online meeting link, or both");
        if (!ModelState.IsValid) return View("~/Features/Meetings/SeriesEdit.cshtml", new SeriesFormPage(localityName, form, []));

        // A date of this month that has passed (or is today) is left out rather than booked in the past.
        var today = time.Today;
        var dates = rule!.Dates(from!.Value, months!.Value, calendar).Where(d => d.Date > today).ToList();
        var slots = dates.Select(d => new MeetingSlot
        {
            Date = d.Date, MovedFrom = d.MovedFrom, Start = start!.Value, DurationMinutes = duration!.Value, Room = room, VirtualLink = link,
        }).ToList();
        if (slots.Count == 0)
        {
            ModelState.AddModelError("Form.FromMonth", "No date is left in those months: start a month later");
            return View("~/Features/Meetings/SeriesEdit.cshtml", new SeriesFormPage(localityName, form, []));
        }
        if (room is not null && !form.BookAnyway)
        {
            var clashes = await MeetingSlots.ClashesAsync(db, slots);
            if (clashes.Count > 0)
            {
                ModelState.AddModelError("Form.BookAnyway",
                    $"{room} is already booked at an overlapping time on {clashes.Count} of the dates. Choose another room or time, or tick \"Book the room anyway\"");
                return View("~/Features/Meetings/SeriesEdit.cshtml", new SeriesFormPage(localityName, form, clashes));
            }
        }
        var series = new MeetingSeries
        {
            Purpose = MeetingSeriesPurpose.LocalityLearningCircles, LocalityId = locality, Rule = rule.Describe(),
            Title = $"{localityName} learning circles from {slots[0].Date:MMMM yyyy}", Slots = slots,
        };
        db.MeetingSeries.Add(series);
        audit.Add(AuditActions.Created, nameof(MeetingSeries), series.Id.ToString(), null, $"{series.Rule}: {slots.Count} dates");
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{slots.Count} learning circle {(slots.Count == 1 ? "date" : "dates")} booked for {localityName}. A review of the locality can take one when it books its circle.";
        return Redirect("/meetings/series");
    }

    private async Task<string> LocalityNameAsync(Guid locality) =>
        await db.Localities.AsNoTracking().Where(l => l.Id == locality).Select(l => l.Name).FirstOrDefaultAsync() ?? "Your locality";
}
