using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Authorization;
using LearningReviews.Web.Infrastructure.GovUk;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>
/// A review's meetings: anyone who may see the review sees them, their invitees' answers and attendance;
/// booking, changing, cancelling and taking the register is the ManageMeetings operation (those who act at
/// the review's current stage, as for adding people). Every view and change is audited.
/// </summary>
[Route("reviews/{id:guid}/meetings")]
public sealed class MeetingsController(
    LearningReviewsDbContext db,
    ReviewQueries queries,
    UserContextFactory users,
    ReviewAccess access,
    AuditLog audit,
    MeetingInvitations invitations,
    PartnershipTime time) : Controller
{
    private const string Where = "meetings";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, int page = 1)
    {
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        const int pageSize = 25;
        page = Math.Max(1, page);
        var query = db.Meetings.AsNoTracking().Where(m => m.ReviewId == id);
        var total = await query.CountAsync();
        var meetings = await query.OrderByDescending(m => m.Date).ThenByDescending(m => m.Start)
            .Skip((page - 1) * pageSize).Take(pageSize).Include(m => m.Invitees).ToListAsync();
        await audit.RecordViewAsync(nameof(Meeting), null, id, "Meetings list");
        return View(new MeetingListPage(review, meetings, await access.Allows(review, ReviewOperations.ManageMeetings), page, total, pageSize));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(Guid id, string? kind)
    {
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManageMeetings, Where)) return Forbid();
        var form = new MeetingForm { Kind = Enum.TryParse<MeetingKind>(kind, out var k) ? k.ToString() : null };
        return View("Edit", await FormPageAsync(review, null, form, ("", "", ""), []));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(Guid id, [Bind(Prefix = "Form")] MeetingForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManageMeetings, Where)) return Forbid();

        var meeting = new Meeting { ReviewId = id };
        var slot = await SlotAsync(review, form);
        var read = await ReadAsync(review, meeting, form, slot);
        if (read is null) return View("Edit", await FormPageAsync(review, null, form, Typed(), ClashesShown(meeting)));

        meeting.Invitees = read;
        db.Meetings.Add(meeting);
        invitations.Invite(meeting, review.Reference, meeting.Invitees, isUpdate: false);
        audit.Add(AuditActions.Created, nameof(Meeting), meeting.Id.ToString(), id,
            $"{meeting.Kind} on {meeting.Date:yyyy-MM-dd}, {meeting.Invitees.Count} invited");
        if (slot is not null)
        {
            slot.MeetingId = meeting.Id;
            slot.ConcurrencyToken = Guid.NewGuid();
            audit.Add(AuditActions.Updated, nameof(MeetingSlot), slot.Id.ToString(), id, $"Taken for the meeting {meeting.Id}");
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException) when (slot is not null)
        {
            // Another review took the slot between this page reading it and saving: nothing was booked or sent.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Form.SlotId", "Another review has just taken that date. Choose another date");
            return View("Edit", await FormPageAsync(review, null, form, Typed(), []));
        }
        TempData["Notice"] = $"{MeetingKindNames.Of(meeting.Kind)} booked. Invitations are on their way to {Count(meeting.Invitees.Count)}.";
        return Redirect($"/reviews/{id}/meetings/{meeting.Id}");
    }

    [HttpGet("{meetingId:guid}")]
    public async Task<IActionResult> Show(Guid id, Guid meetingId)
    {
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitees).FirstOrDefaultAsync(m => m.Id == meetingId && m.ReviewId == id);
        if (meeting is null) return NotFound();
        await audit.RecordViewAsync(nameof(Meeting), meeting.Id.ToString(), id);
        return View(new MeetingPage(review, meeting, await access.Allows(review, ReviewOperations.ManageMeetings),
            meeting.Date.ToDateTime(meeting.Start) <= time.Now));
    }

    [HttpGet("{meetingId:guid}/change")]
    public async Task<IActionResult> Edit(Guid id, Guid meetingId)
    {
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManageMeetings, Where)) return Forbid();
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitees).FirstOrDefaultAsync(m => m.Id == meetingId && m.ReviewId == id);
        if (meeting is null || meeting.IsCancelled) return NotFound();
        var boxes = (meeting.Date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            meeting.Date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            meeting.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return View("Edit", await FormPageAsync(review, meeting, MeetingForm.From(meeting), boxes, []));
    }

    /// <summary>
    /// Saves a change and sends everyone still invited an updated invitation (the same UID, a higher SEQUENCE),
    /// new invitees their first, and anyone taken off a cancellation.
    /// </summary>
    [HttpPost("{meetingId:guid}/change")]
    public async Task<IActionResult> Update(Guid id, Guid meetingId, [Bind(Prefix = "Form")] MeetingForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManageMeetings, Where)) return Forbid();
        var meeting = await db.Meetings.Include(m => m.Invitees).FirstOrDefaultAsync(m => m.Id == meetingId && m.ReviewId == id);
        if (meeting is null || meeting.IsCancelled) return NotFound();
        if (form.ConcurrencyToken != meeting.ConcurrencyToken)
        {
            ModelState.AddModelError("", "Someone else changed this meeting while you were looking at it. The form below shows it as it is now; make your change again.");
            db.ChangeTracker.Clear();
            return await Edit(id, meetingId) is ViewResult view ? view : NotFound();
        }
        var (oldDate, oldStart, oldDuration) = (meeting.Date, meeting.Start, meeting.DurationMinutes);
        var read = await ReadAsync(review, meeting, form);
        if (read is null)
        {
            var shown = ClashesShown(meeting);
            db.ChangeTracker.Clear();
            var current = await db.Meetings.AsNoTracking().Include(m => m.Invitees).FirstAsync(m => m.Id == meetingId);
            return View("Edit", await FormPageAsync(review, current, form, Typed(), shown));
        }

        var keep = meeting.Invitees.Where(i => read.Any(r => Same(r, i))).ToList();
        var removed = meeting.Invitees.Except(keep).ToList();
        var added = read.Where(r => !meeting.Invitees.Any(i => Same(r, i))).ToList();
        var timeChanged = (oldDate, oldStart, oldDuration) != (meeting.Date, meeting.Start, meeting.DurationMinutes);
        if (timeChanged)
        {
            // An answer was to the old time: everyone is asked again, and reminded again.
            foreach (var invitee in keep) (invitee.Response, invitee.RespondedAt) = (MeetingResponse.NoAnswer, null);
            meeting.ReminderSentAt = null;
        }
        meeting.Sequence++;
        invitations.Cancel(meeting, review.Reference, removed);
        foreach (var invitee in removed) db.MeetingInvitees.Remove(invitee);
        foreach (var invitee in added)
        {
            invitee.MeetingId = meeting.Id;
            meeting.Invitees.Add(invitee);
            db.MeetingInvitees.Add(invitee);
        }
        invitations.Invite(meeting, review.Reference, keep.Concat(added), isUpdate: true);
        audit.Add(AuditActions.Updated, nameof(Meeting), meeting.Id.ToString(), id,
            $"Changed (sequence {meeting.Sequence}): {added.Count} added, {removed.Count} taken off");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "Someone else changed this meeting while you were looking at it. The form below shows it as it is now; make your change again.");
            return await Edit(id, meetingId) is ViewResult view ? view : NotFound();
        }
        TempData["Notice"] = "Meeting changed. Updated invitations are on their way.";
        return Redirect($"/reviews/{id}/meetings/{meeting.Id}");
    }

    [HttpPost("{meetingId:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, Guid meetingId, Guid concurrencyToken)
    {
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManageMeetings, Where)) return Forbid();
        var meeting = await db.Meetings.Include(m => m.Invitees).FirstOrDefaultAsync(m => m.Id == meetingId && m.ReviewId == id);
        if (meeting is null) return NotFound();
        if (!meeting.IsCancelled)
        {
            db.Entry(meeting).Property(m => m.ConcurrencyToken).OriginalValue = concurrencyToken;
            meeting.CancelledAt = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(time.Now, time.Zone), DateTimeKind.Utc);
            meeting.Sequence++;
            invitations.Cancel(meeting, review.Reference, meeting.Invitees);
            audit.Add(AuditActions.Updated, nameof(Meeting), meeting.Id.ToString(), id, $"Cancelled (sequence {meeting.Sequence})");
            try
            {
                await db.SaveChangesAsync();
                TempData["Notice"] = "Meeting cancelled. Everyone invited is being told.";
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Notice"] = "Someone else changed this meeting while you were looking at it, so it has not been cancelled. Check it and try again.";
            }
        }
        return Redirect($"/reviews/{id}/meetings/{meetingId}");
    }

    /// <summary>The attendance register: one answer per invitee, posted as attendance[inviteeId].</summary>
    [HttpPost("{meetingId:guid}/attendance")]
    public async Task<IActionResult> Attendance(Guid id, Guid meetingId, Dictionary<Guid, MeetingAttendance> attendance)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        var review = await queries.FindAsync(id, where: Where);
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.ManageMeetings, Where)) return Forbid();
        var meeting = await db.Meetings.Include(m => m.Invitees).FirstOrDefaultAsync(m => m.Id == meetingId && m.ReviewId == id);
        if (meeting is null || meeting.IsCancelled) return NotFound();
        foreach (var invitee in meeting.Invitees)
        {
            if (attendance.TryGetValue(invitee.Id, out var value) && Enum.IsDefined(value)) invitee.Attendance = value;
        }
        audit.Add(AuditActions.Updated, nameof(Meeting), meeting.Id.ToString(), id,
            $"Attendance: {meeting.Invitees.Count(i => i.Attendance == MeetingAttendance.Attended)} attended");
        await db.SaveChangesAsync();
        TempData["Notice"] = "Attendance saved.";
        return Redirect($"/reviews/{id}/meetings/{meetingId}");
    }

    private static bool Same(MeetingInvitee a, MeetingInvitee b) =>
        a.UserId is not null ? a.UserId == b.UserId : b.UserId is null && string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase);

    private static string Count(int people) => people == 1 ? "1 person" : $"{people} people";

    private (string, string, string) Typed() => GovUkDate.Typed(Request.Form, "date");

    private List<Meeting> ClashesShown(Meeting meeting) => HttpContext.Items[nameof(ClashesShown)] as List<Meeting> ?? [];

    /// <summary>
    /// Reads the form into the meeting; the invitees it names, or null with the problems in ModelState (a room
    /// already booked at an overlapping time is one, until the user ticks "book it anyway").
    /// </summary>
    /// <summary>
    /// The free slot of the review's locality chosen on the booking form, tracked so taking it is checked
    /// against its concurrency token; null when none was chosen, or with the problem in ModelState when the
    /// choice is not a free slot of this review's locality.
    /// </summary>
    private async Task<MeetingSlot?> SlotAsync(Review review, MeetingForm form)
    {
        if (form.SlotId is not { } slotId) return null;
        var slot = await db.MeetingSlots.Include(s => s.Series).FirstOrDefaultAsync(s => s.Id == slotId);
        if (slot is null || slot.MeetingId is not null || slot.Date <= time.Today || !MeetingSlots.MayTake(slot, review.LocalityId, review.MethodologyKey))
        {
            ModelState.AddModelError("Form.SlotId", "That date is no longer free. Choose another date");
            return null;
        }
        return slot;
    }

    private async Task<List<MeetingInvitee>?> ReadAsync(Review review, Meeting meeting, [Bind(Prefix = "Form")] MeetingForm form, MeetingSlot? slot = null)
    {
        var kind = form.ParsedKind();
        if (kind is null) ModelState.AddModelError("Form.Kind", "Select the kind of meeting");
        DateOnly date;
        TimeOnly? start;
        int? duration;
        string? room, link;
        if (slot is not null)
        {
            // A slot booked ahead brings its date, time and place (its room was checked for clashes when booked).
            var slotKind = MeetingSlots.SlotsFor(review.MethodologyKey)!.Value.Kind;
            if (kind is not null && kind != slotKind)
            {
                ModelState.AddModelError("Form.Kind", $"A date booked ahead is for a {MeetingKindNames.Of(slotKind).ToLowerInvariant()}: choose that kind, or none of the dates");
            }
            (date, start, duration, room, link) = (slot.Date, slot.Start, slot.DurationMinutes, slot.Room, slot.VirtualLink);
        }
        else
        {
            if (!GovUkDate.TryRead(Request.Form, "date", out date)) ModelState.AddModelError("date", "Enter the date of the meeting as a real date, for example 27 3 2027");
            else if (date < time.Today) ModelState.AddModelError("date", "The date of the meeting must be today or in the future");
            start = form.ParsedStart(out var startProblem);
            if (start is null) ModelState.AddModelError("Form.Start", startProblem ?? "Enter the start time");
            duration = kind is null ? 60 : form.ParsedDuration(kind.Value);
            if (duration is null) ModelState.AddModelError("Form.Duration", "Enter the length in minutes, from 15 to 720, for example 60");
            room = string.IsNullOrWhiteSpace(form.Room) ? null : form.Room.Trim();
            link = string.IsNullOrWhiteSpace(form.VirtualLink) ? null : form.VirtualLink.Trim();
            if (room?.Length > Meeting.MaxRoomLength) ModelState.AddModelError("Form.Room", $"The room must be {Meeting.MaxRoomLength} characters or fewer");
            if (link is not null && (link.Length > Meeting.MaxLinkLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            {
                ModelState.AddModelError("Form.VirtualLink", "Enter the online meeting's address as a full https:// link");
            }
            if (room is null && link is null) ModelState.AddModelError("Form.Room", "Enter a room, an online meeting link, or both");
        }
        var others = form.ParsedOthers(out var othersProblem);
        if (othersProblem is not null) ModelState.AddModelError("Form.Others", othersProblem);
        var ids = form.Invitees.Where(i => !string.IsNullOrEmpty(i)).Distinct(StringComparer.Ordinal).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync();
        if (accounts.Count != ids.Count) ModelState.AddModelError("Form.Invitees", "Select people from the list");
        if (ids.Count == 0 && others.Count == 0 && ModelState.IsValid) ModelState.AddModelError("Form.Invitees", "Invite at least one person");
        if (!ModelState.IsValid) return null;

        (meeting.Kind, meeting.Date, meeting.Start, meeting.DurationMinutes, meeting.Room, meeting.VirtualLink) =
            (kind!.Value, date, start!.Value, duration!.Value, room, link);
        if (room is not null && !form.BookAnyway && slot is null)
        {
            var sameDay = await db.Meetings.AsNoTracking().Where(m => m.Date == date && m.CancelledAt == null && m.Id != meeting.Id && m.Room != null).ToListAsync();
            // A locality's circle booked ahead holds its room too while it is free (once taken, it is a meeting above).
            sameDay.AddRange((await db.MeetingSlots.AsNoTracking().Where(s => s.Date == date && s.MeetingId == null && s.Room != null).ToListAsync())
                .Select(s => s.AsMeeting(MeetingKind.LearningCircle)));
            var clashes = sameDay.Where(meeting.ClashesWith).ToList();
            if (clashes.Count > 0)
            {
                HttpContext.Items[nameof(ClashesShown)] = clashes;
                ModelState.AddModelError("Form.BookAnyway",
                    $"{room} is already booked at an overlapping time. Choose another room or time, or tick \"Book the room anyway\"");
                return null;
            }
        }
        var invitees = accounts.Where(a => !string.IsNullOrEmpty(a.Email))
            .Select(a => new MeetingInvitee { UserId = a.Id, Name = a.DisplayName, Email = a.Email! }).ToList();
        invitees.AddRange(others.DistinctBy(o => o.Email, StringComparer.OrdinalIgnoreCase)
            .Where(o => !invitees.Any(i => string.Equals(i.Email, o.Email, StringComparison.OrdinalIgnoreCase)))
            .Select(o => new MeetingInvitee { Name = o.Name, Email = o.Email }));
        return invitees;
    }

    private async Task<MeetingFormPage> FormPageAsync(Review review, Meeting? existing, MeetingForm form,
        (string, string, string) dateBoxes, IReadOnlyList<Meeting> clashes)
    {
        var user = users.Current();
        var accounts = await PeopleDirectory.AccountsAsync(db);
        var visible = PeopleDirectory.VisibleParticipants(user, review);
        return new MeetingFormPage(review.Id, review.Reference, existing, form, PeopleChoices.Build(accounts.Values, visible, form.Invitees),
            dateBoxes, clashes)
        {
            // Only a new meeting takes a slot; a booked meeting is changed like any other.
            FreeSlots = existing is null ? await MeetingSlots.FreeForAsync(db, review.LocalityId, review.MethodologyKey, time.Today) : [],
            SlotKind = MeetingSlots.SlotsFor(review.MethodologyKey)?.Kind,
        };
    }
}

public sealed record MeetingListPage(Review Review, IReadOnlyList<Meeting> Meetings, bool MayManage, int Page, int Total, int PageSize);

public sealed record MeetingPage(Review Review, Meeting Meeting, bool MayManage, bool HasStarted);
