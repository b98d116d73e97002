using IcalCalendar = Ical.Net.Calendar;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Meetings;
using LearningReviews.Web.Features.Meetings;

namespace LearningReviews.UnitTests.Meetings;

public sealed class MeetingCalendarTests
{
    private static readonly CalendarWording Wording = new("Learning circle, LR-2026-0007, 16 June 2026", "Learning circle.", "reviews@partnership.example", "Learning Reviews");
    private static readonly DateTime Now = new(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc);

    private static Meeting Circle() => new()
    {
        Kind = MeetingKind.LearningCircle, Date = new DateOnly(2026, 6, 16), Start = new TimeOnly(10, 0), DurationMinutes = 60,
        Room = "Room 4", VirtualLink = "https://meet.example/abc",
    };

    private static readonly MeetingInvitee Invitee = new() { Name = "Sam Jones", Email = "sam.jones@example.org" };

    [Fact]
    public void A_request_is_a_London_time_event_with_the_meetings_uid_and_sequence()
    {
        var meeting = Circle();
        meeting.Sequence = 3;
        var calendar = IcalCalendar.Load(MeetingCalendar.Request(meeting, Invitee, Wording, Now))!;
        Assert.Equal("REQUEST", calendar.Method);
        var item = Assert.Single(calendar.Events);
        Assert.Equal(meeting.CalendarUid, item.Uid);
        Assert.Equal(3, item.Sequence);
        Assert.Equal("Europe/London", item.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 6, 16, 10, 0, 0), item.DtStart.Value);
        // 10:00 BST is 09:00 UTC: the zone's summer time is applied.
        Assert.Equal(new DateTime(2026, 6, 16, 9, 0, 0), item.DtStart.AsUtc);
        Assert.Equal("Room 4 / https://meet.example/abc", item.Location);
        Assert.Equal("NEEDS-ACTION", Assert.Single(item.Attendees).ParticipationStatus);
        Assert.True(item.Attendees[0].Rsvp);
    }

    [Fact]
    public void A_winter_meeting_is_on_GMT_and_a_cancellation_is_a_cancelled_CANCEL()
    {
        var meeting = Circle();
        meeting.Date = new DateOnly(2026, 12, 1);
        var request = IcalCalendar.Load(MeetingCalendar.Request(meeting, Invitee, Wording, Now))!;
        Assert.Equal(new DateTime(2026, 12, 1, 10, 0, 0), request.Events.Single().DtStart!.AsUtc);
        var cancel = IcalCalendar.Load(MeetingCalendar.Cancel(meeting, Invitee, Wording, Now))!;
        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal("CANCELLED", cancel.Events.Single().Status);
        Assert.Equal(meeting.CalendarUid, cancel.Events.Single().Uid);
    }

    [Fact]
    public void Every_meeting_gets_its_own_uid()
    {
        Assert.NotEqual(Circle().CalendarUid, Circle().CalendarUid);
    }

    [Theory]
    [InlineData(10, 0, 60, 10, 30, true)]   // starts inside
    [InlineData(10, 0, 60, 9, 30, true)]    // ends inside
    [InlineData(10, 0, 60, 11, 0, false)]   // starts as the other ends
    [InlineData(10, 0, 60, 9, 0, false)]    // ends as the other starts
    [InlineData(10, 0, 180, 11, 0, true)]   // inside a long one
    public void Two_bookings_of_one_room_clash_when_their_times_overlap(int h, int m, int minutes, int otherH, int otherM, bool clash)
    {
        var one = Circle();
        (one.Start, one.DurationMinutes) = (new TimeOnly(h, m), minutes);
        var other = Circle();
        (other.Start, other.Room) = (new TimeOnly(otherH, otherM), " room 4 ");
        Assert.Equal(clash, one.ClashesWith(other));
    }

    [Fact]
    public void Another_room_another_day_or_a_cancelled_meeting_is_no_clash()
    {
        var one = Circle();
        var other = Circle();
        other.Room = "Room 5";
        Assert.False(one.ClashesWith(other));
        other = Circle();
        other.Date = other.Date.AddDays(1);
        Assert.False(one.ClashesWith(other));
        other = Circle();
        other.CancelledAt = Now;
        Assert.False(one.ClashesWith(other));
        other = Circle();
        (one.Room, other.Room) = (null, null); // online only
        Assert.False(one.ClashesWith(other));
    }

    [Theory]
    [InlineData("2026-06-15", "2026-06-12", true)]   // Monday's reminder on the Friday
    [InlineData("2026-06-15", "2026-06-11", false)]
    [InlineData("2026-06-15", "2026-06-13", true)]   // a run at the weekend still sends it
    [InlineData("2026-06-16", "2026-06-15", true)]
    [InlineData("2026-06-16", "2026-06-17", false)]  // the meeting has passed
    [InlineData("2026-05-26", "2026-05-22", true)]   // after the late May bank holiday: the Friday before
    [InlineData("2026-05-26", "2026-05-21", false)]
    public void The_reminder_is_due_from_the_working_day_before(string meeting, string today, bool due)
    {
        Assert.Equal(due, MeetingReminders.IsDue(DateOnly.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), new WorkingDayCalendar()));
    }
}
