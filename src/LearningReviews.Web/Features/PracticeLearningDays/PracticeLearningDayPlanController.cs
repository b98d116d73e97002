using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Meetings;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Email;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Email;
using LearningReviews.Web.Features.Meetings;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningReviews.Web.Features.PracticeLearningDays;

/// <summary>
/// The year's Practice Learning Days set ahead (seed 001: "these dates should be diarised by the responsible
/// Service Manager 12 months in advance, with 'save the dates' sent to all relevant parties"): the Service
/// Manager adds each day (date, service area, joint with partners or not) up to twelve months ahead, and sends
/// save-the-dates, an iCalendar invitation for the day, to the people chosen. The QA Team Manager reads the plan.
/// </summary>
[Authorize(Roles = Roles.QaTeamManager + "," + Roles.ServiceManager)]
[Route("practice-learning-days/plan")]
public sealed class PracticeLearningDayPlanController(
    LearningReviewsDbContext db,
    AuditLog audit,
    EmailOutbox outbox,
    EmailComposer composer,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    PartnershipTime time) : Controller
{
    public const string SaveTheDateKind = "PracticeLearningDaySaveTheDate";
    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    [HttpGet("{year:int}")]
    public async Task<IActionResult> Index(int year)
    {
        year = Math.Clamp(year, 2000, 2100);
        await audit.RecordViewAsync("PracticeLearningDayPlan", null, null, $"Plan for {year}");
        return View("~/Features/PracticeLearningDays/Plan.cshtml", new PlanPage(year, await SeriesAsync(year), new PlanDayForm(), ("", "", year.ToString(English)), MayChange));
    }

    [HttpPost("{year:int}")]
    public async Task<IActionResult> Add(int year, [Bind(Prefix = "Form")] PlanDayForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!MayChange) return Forbid();
        year = Math.Clamp(year, 2000, 2100);
        var today = time.Today;
        if (!GovUkDate.TryRead(Request.Form, "date", out var date)) ModelState.AddModelError("date", "Enter the date of the day as a real date, for example 12 3 2027");
        else if (date.Year != year) ModelState.AddModelError("date", $"The date must be in {year}");
        else if (date <= today) ModelState.AddModelError("date", "The date must be in the future");
        else if (date > today.AddMonths(12)) ModelState.AddModelError("date", $"The date must be within 12 months, by {today.AddMonths(12).ToString("d MMMM yyyy", English)}");
        var area = form.ServiceArea?.Trim();
        if (string.IsNullOrEmpty(area)) ModelState.AddModelError("Form.ServiceArea", "Enter the service area, for example Resources, Improvement and Partnership");
        else if (area.Length > MeetingSlot.MaxServiceAreaLength) ModelState.AddModelError("Form.ServiceArea", $"The service area must be {MeetingSlot.MaxServiceAreaLength} characters or fewer");
        if (form.Joint is not ("yes" or "no")) ModelState.AddModelError("Form.Joint", "Select whether the day is held jointly with partners");
        var start = Domain.Text.TypedTime.Read(form.Start, "Start time", out var startProblem);
        if (start is null) ModelState.AddModelError("Form.Start", startProblem ?? "Enter the start time");
        var duration = form.ParsedDuration();
        if (duration is null) ModelState.AddModelError("Form.Duration", "Enter the length in minutes, from 15 to 720, for example 360");
        var room = string.IsNullOrWhiteSpace(form.Room) ? null : form.Room.Trim();
        var link = string.IsNullOrWhiteSpace(form.VirtualLink) ? null : form.VirtualLink.Trim();
        if (room?.Length > Meeting.MaxRoomLength) ModelState.AddModelError("Form.Room", $"The place must be {Meeting.MaxRoomLength} characters or fewer");
        if (link is not null && (link.Length > Meeting.MaxLinkLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            ModelState.AddModelError("Form.VirtualLink", "Enter the online address as a full https:// link");
        }

        var series = await db.MeetingSeries.Include(s => s.Slots)
            .FirstOrDefaultAsync(s => s.Purpose == MeetingSeriesPurpose.PracticeLearningDays && s.Year == year);
        if (ModelState.IsValid && series is not null && form.ConcurrencyToken != series.ConcurrencyToken)
        {
            ModelState.AddModelError("", "Someone else changed the plan while you were looking at it. The plan below is as it is now; add the day again if it is still needed.");
        }
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return View("~/Features/PracticeLearningDays/Plan.cshtml", new PlanPage(year, await SeriesAsync(year), form, GovUkDate.Typed(Request.Form, "date"), MayChange));
        }
        if (series is null)
        {
            series = new MeetingSeries { Purpose = MeetingSeriesPurpose.PracticeLearningDays, Year = year, Title = $"Practice Learning Days {year}" };
            db.MeetingSeries.Add(series);
        }
        else
        {
            // The plan's token changes with every day added, so two people adding from stale pages are told.
            db.Entry(series).State = EntityState.Modified;
        }
        var day = new MeetingSlot
        {
            SeriesId = series.Id, Date = date, Start = start!.Value, DurationMinutes = duration!.Value, Room = room, VirtualLink = link,
            ServiceArea = area, JointWithPartners = form.Joint == "yes",
        };
        series.Slots.Add(day);
        db.MeetingSlots.Add(day); // added as new, not taken for an existing row because its id is already set
        audit.Add(AuditActions.Created, nameof(MeetingSlot), day.Id.ToString(), null,
            $"Practice Learning Day {date:yyyy-MM-dd} planned{(day.JointWithPartners ? ", joint with partners" : "")}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "Someone else changed the plan while you were looking at it. The plan below is as it is now; add the day again if it is still needed.");
            return View("~/Features/PracticeLearningDays/Plan.cshtml", new PlanPage(year, await SeriesAsync(year), form, GovUkDate.Typed(Request.Form, "date"), MayChange));
        }
        TempData["Notice"] = $"{date.ToString("dddd d MMMM yyyy", English)} added to the plan. Send its save-the-dates next.";
        return Redirect($"/practice-learning-days/plan/{year}");
    }

    /// <summary>Takes a day off the plan. Anyone already sent its save-the-date is not told: the page says so before the button.</summary>
    [HttpPost("{year:int}/days/{dayId:guid}/remove")]
    public async Task<IActionResult> Remove(int year, Guid dayId, Guid concurrencyToken)
    {
        if (!MayChange) return Forbid();
        var day = await DayAsync(year, dayId, tracking: true);
        if (day is null) return NotFound();
        db.Entry(day).Property(d => d.ConcurrencyToken).OriginalValue = concurrencyToken;
        db.MeetingSlots.Remove(day);
        audit.Add(AuditActions.Deleted, nameof(MeetingSlot), day.Id.ToString(), null, $"Practice Learning Day {day.Date:yyyy-MM-dd} taken off the plan");
        try
        {
            await db.SaveChangesAsync();
            TempData["Notice"] = $"{day.Date.ToString("dddd d MMMM yyyy", English)} taken off the plan.";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = "The day was changed while you were looking at it, so it has not been taken off the plan. Check it and try again.";
        }
        return Redirect($"/practice-learning-days/plan/{year}");
    }

    [HttpGet("{year:int}/days/{dayId:guid}/save-the-dates")]
    public async Task<IActionResult> SaveTheDates(int year, Guid dayId)
    {
        if (!MayChange) return Forbid();
        var day = await DayAsync(year, dayId);
        if (day is null) return NotFound();
        return View("~/Features/PracticeLearningDays/SaveTheDates.cshtml", await SaveTheDatesPageAsync(year, day, new MeetingForm()));
    }

    /// <summary>Queues a save-the-date, with the day's .ics, to each person chosen; the plan records when they went and to how many.</summary>
    [HttpPost("{year:int}/days/{dayId:guid}/save-the-dates")]
    public async Task<IActionResult> SendSaveTheDates(int year, Guid dayId, [Bind(Prefix = "Form")] MeetingForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!MayChange) return Forbid();
        var day = await DayAsync(year, dayId, tracking: true);
        if (day is null) return NotFound();
        var others = form.ParsedOthers(out var othersProblem);
        if (othersProblem is not null) ModelState.AddModelError("Form.Others", othersProblem);
        var ids = form.Invitees.Where(i => !string.IsNullOrEmpty(i)).Distinct(StringComparer.Ordinal).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.DisplayName, u.Email }).ToListAsync();
        if (accounts.Count != ids.Count) ModelState.AddModelError("Form.Invitees", "Select people from the list");
        if (ids.Count == 0 && others.Count == 0 && ModelState.IsValid) ModelState.AddModelError("Form.Invitees", "Choose at least one person to send the save-the-date to");
        if (form.ConcurrencyToken != day.ConcurrencyToken && ModelState.IsValid)
        {
            ModelState.AddModelError("", "The day was changed while you were looking at it, or its save-the-dates have just been sent. Check below and send again if still needed.");
        }
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return View("~/Features/PracticeLearningDays/SaveTheDates.cshtml", await SaveTheDatesPageAsync(year, (await DayAsync(year, dayId))!, form));
        }

        var people = accounts.Where(a => !string.IsNullOrEmpty(a.Email)).Select(a => (Name: a.DisplayName, Email: a.Email!)).ToList();
        people.AddRange(others.Where(o => !people.Any(p => string.Equals(p.Email, o.Email, StringComparison.OrdinalIgnoreCase))));
        var meeting = day.AsMeeting(MeetingKind.PracticeLearningDay);
        var words = Describe(day);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (name, address) in people.DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase))
        {
            var message = composer.Compose(SaveTheDateKind, address, name, "Save the date: " + words.Title,
            [
                $"Please save the date for a Practice Learning Day for {day.ServiceArea}{(day.JointWithPartners ? ", held jointly with partner agencies" : "")}.",
                $"When: {words.When}",
                $"Where: {words.Where}",
                "A calendar entry is attached. Details of the day and the case it will learn from follow nearer the time.",
            ]) with
            {
                Attachment = new EmailAttachment("save-the-date.ics", MeetingCalendar.ContentType(MeetingCalendar.RequestMethod),
                    MeetingCalendar.Request(meeting, new MeetingInvitee { Name = name, Email = address },
                        new CalendarWording(words.Title, "Practice Learning Day: save the date.", email.Value.FromAddress, email.Value.FromName), now)),
            };
            outbox.Enqueue(message);
        }
        day.SaveTheDatesSentAt = now;
        day.SaveTheDatesSent += people.Count;
        day.ConcurrencyToken = Guid.NewGuid();
        audit.Add(AuditActions.Updated, nameof(MeetingSlot), day.Id.ToString(), null, $"Save-the-dates sent to {people.Count}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "The day was changed while you were looking at it, or its save-the-dates have just been sent. Check below and send again if still needed.");
            return View("~/Features/PracticeLearningDays/SaveTheDates.cshtml", await SaveTheDatesPageAsync(year, (await DayAsync(year, dayId))!, form));
        }
        TempData["Notice"] = $"Save-the-dates are on their way to {(people.Count == 1 ? "1 person" : $"{people.Count} people")}.";
        return Redirect($"/practice-learning-days/plan/{year}");
    }

    /// <summary>Setting the days and sending save-the-dates is the Service Manager's (seed 001); the QA Team Manager reads the plan.</summary>
    private bool MayChange => User.IsInRole(Roles.ServiceManager);

    /// <summary>A planned day in words. Save-the-dates name no review and no child: the day's case is chosen later.</summary>
    public static MeetingWords Describe(MeetingSlot day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var meeting = day.AsMeeting(MeetingKind.PracticeLearningDay);
        var when = day.Date.ToString("dddd d MMMM yyyy", English) + ", " + MeetingInvitations.Clock(day.Start) + " to " + MeetingInvitations.Clock(day.End) + " (UK time)";
        return new MeetingWords($"Practice Learning Day, {day.ServiceArea}, {day.Date.ToString("d MMMM yyyy", English)}",
            "Practice Learning Day", "practice learning day", when, MeetingCalendar.Where(meeting) ?? "to be confirmed");
    }

    private Task<MeetingSeries?> SeriesAsync(int year) =>
        db.MeetingSeries.AsNoTracking().Include(s => s.Slots)
            .FirstOrDefaultAsync(s => s.Purpose == MeetingSeriesPurpose.PracticeLearningDays && s.Year == year);

    private Task<MeetingSlot?> DayAsync(int year, Guid dayId, bool tracking = false)
    {
        var slots = tracking ? db.MeetingSlots : db.MeetingSlots.AsNoTracking();
        return slots.FirstOrDefaultAsync(s => s.Id == dayId && s.Series!.Purpose == MeetingSeriesPurpose.PracticeLearningDays && s.Series.Year == year);
    }

    private async Task<SaveTheDatesPage> SaveTheDatesPageAsync(int year, MeetingSlot day, MeetingForm form)
    {
        form.ConcurrencyToken = day.ConcurrencyToken; // the page always carries the day as it is now
        var accounts = await PeopleDirectory.AccountsAsync(db);
        return new SaveTheDatesPage(year, day, form, PeopleChoices.Build(accounts.Values, new Dictionary<string, IReadOnlyList<string>>(), form.Invitees));
    }
}
