using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using LearningReviews.Domain.Meetings;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>What an invitation says besides the meeting itself: its title, who sends it and a line of description.</summary>
public sealed record CalendarWording(string Summary, string Description, string OrganiserAddress, string OrganiserName);

/// <summary>
/// Writes a meeting as an iCalendar (RFC 5545) object with Ical.Net, for one invitee. The UID is the
/// meeting's and never changes, and SEQUENCE is the meeting's, raised on every change, so a calendar
/// updates the one entry it already has. Times are the partnership's wall-clock times in Europe/London,
/// with the zone's definition included, so they stay right across the clocks changing.
/// </summary>
public static class MeetingCalendar
{
    public const string TimeZoneId = "Europe/London";
    public const string RequestMethod = "REQUEST";
    public const string CancelMethod = "CANCEL";

    /// <summary>The content type a mail program needs to offer the invitation as one (RFC 6047).</summary>
    public static string ContentType(string method) => $"text/calendar; method={method}";

    public static string Request(Meeting meeting, MeetingInvitee invitee, CalendarWording wording, DateTime nowUtc) =>
        Write(meeting, invitee, wording, nowUtc, RequestMethod);

    public static string Cancel(Meeting meeting, MeetingInvitee invitee, CalendarWording wording, DateTime nowUtc) =>
        Write(meeting, invitee, wording, nowUtc, CancelMethod);

    private static string Write(Meeting meeting, MeetingInvitee invitee, CalendarWording wording, DateTime nowUtc, string method)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(invitee);
        ArgumentNullException.ThrowIfNull(wording);
        var calendar = new Calendar { Method = method, ProductId = "-//Learning Reviews//Meetings//EN" };
        calendar.AddTimeZone(new VTimeZone(TimeZoneId));
        var start = meeting.Date.ToDateTime(meeting.Start);
        var item = new CalendarEvent
        {
            Uid = meeting.CalendarUid,
            Sequence = meeting.Sequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            DtStart = new CalDateTime(start, TimeZoneId),
            DtEnd = new CalDateTime(start.AddMinutes(meeting.DurationMinutes), TimeZoneId),
            Summary = wording.Summary,
            Description = wording.Description,
            Location = Where(meeting),
            Status = method == CancelMethod ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer("mailto:" + wording.OrganiserAddress) { CommonName = wording.OrganiserName },
        };
        item.Attendees.Add(new Attendee("mailto:" + invitee.Email)
        {
            CommonName = invitee.Name,
            Role = ParticipationRole.RequiredParticipant,
            ParticipationStatus = method == CancelMethod ? EventParticipationStatus.Declined : PartStat(invitee.Response),
            Rsvp = method == RequestMethod,
        });
        calendar.Events.Add(item);
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The calendar could not be written.");
    }

    /// <summary>The room, the online meeting's address, or both.</summary>
    public static string? Where(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var parts = new[] { meeting.Room, meeting.VirtualLink }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
        return parts.Count == 0 ? null : string.Join(" / ", parts);
    }

    private static string PartStat(MeetingResponse response) => response switch
    {
        MeetingResponse.Accepted => EventParticipationStatus.Accepted,
        MeetingResponse.Declined => EventParticipationStatus.Declined,
        MeetingResponse.Maybe => EventParticipationStatus.Tentative,
        _ => EventParticipationStatus.NeedsAction,
    };
}
