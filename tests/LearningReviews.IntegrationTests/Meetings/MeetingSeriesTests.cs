using System.Net;
using LearningReviews.Domain.Meetings;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Meetings;

/// <summary>
/// A locality's learning circles booked ahead: the dates the monthly rule gives, the room clash warning for
/// each, and a review of the locality taking a free date, which becomes its meeting and leaves the free list.
/// </summary>
public sealed class MeetingSeriesTests
{
    private static readonly Dictionary<string, string> NoScheduledRuns = new() { ["Email:Dispatch:IntervalSeconds"] = "3600" };

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_series_books_the_first_Tuesdays_and_a_review_takes_one_as_its_circle(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider, settings: NoScheduledRuns);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var (review, reference) = await app.WithDbAsync(async db => await db.Reviews.Where(r => r.Title.EndsWith("Child B"))
            .Select(r => new ValueTuple<Guid, string>(r.Id, r.Reference)).SingleAsync());
        var facilitator = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "facilitator@demo.example").Select(u => u.Id).SingleAsync());
        // The room is already booked for another meeting on the first Tuesday of July, at an overlapping time.
        Assert.True((await tm.SubmitAsync($"/reviews/{review}/meetings/new",
        [
            new("Form.Kind", "PlanningMeeting"), new("date.day", "7"), new("date.month", "7"), new("date.year", "2026"),
            new("Form.Start", "10:30am"), new("Form.Room", "Room 4, Civic Centre"), new("Form.Invitees", facilitator),
        ])).IsRedirect);

        using var hol = await app.SignedInAsAsync("hol@demo.example");
        List<KeyValuePair<string, string>> series =
        [
            new("Form.Week", "1"), new("Form.Day", "Tuesday"), new("Form.FromMonth", "7"), new("Form.FromYear", "2026"),
            new("Form.Months", "3"), new("Form.Start", "10am"), new("Form.Room", "Room 4, Civic Centre"),
        ];
        var warned = await hol.SubmitAsync("/meetings/series/new", series);
        Assert.Equal(HttpStatusCode.OK, warned.Status);
        Assert.Contains("Room 4, Civic Centre is already booked at an overlapping time on 1 of the dates", warned.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("Tuesday 7 July 2026", warned.Html.QuerySelector(".app-series-clash")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("10am", warned.InputValue("Form_Start")); // what was typed is shown again
        Assert.Equal(0, await app.WithDbAsync(db => db.MeetingSlots.CountAsync()));

        var booked = await hol.SubmitAsync("/meetings/series/new", [.. series, new("Form.BookAnyway", "true")]);
        Assert.True(booked.IsRedirect, booked.ErrorSummary);
        var slots = await app.WithDbAsync(db => db.MeetingSlots.OrderBy(s => s.Date).ToListAsync());
        Assert.Equal([new DateOnly(2026, 7, 7), new DateOnly(2026, 8, 4), new DateOnly(2026, 9, 1)], slots.Select(s => s.Date));
        Assert.All(slots, s => Assert.Equal((new TimeOnly(10, 0), 60, (Guid?)null), (s.Start, s.DurationMinutes, s.MeetingId)));

        // A free date holds its room: an ordinary booking over it is warned about.
        var overFree = await tm.SubmitAsync($"/reviews/{review}/meetings/new",
        [
            new("Form.Kind", "StaffMeeting"), new("date.day", "1"), new("date.month", "9"), new("date.year", "2026"),
            new("Form.Start", "10:30am"), new("Form.Room", "room 4, civic centre "), new("Form.Invitees", facilitator),
        ]);
        Assert.Equal(HttpStatusCode.OK, overFree.Status);
        Assert.Contains("is already booked at an overlapping time", overFree.ErrorSummary, StringComparison.Ordinal);

        // The review's booking page offers the locality's free dates; taking one books the review's circle there.
        var form = await tm.GetAsync($"/reviews/{review}/meetings/new?kind=LearningCircle");
        Assert.Contains("Tuesday 4 August 2026, 10am to 11am, Room 4, Civic Centre", form.Text, StringComparison.Ordinal);
        var august = slots[1].Id.ToString();
        var taken = await tm.SubmitAsync($"/reviews/{review}/meetings/new?kind=LearningCircle",
            [new("Form.Kind", "LearningCircle"), new("Form.SlotId", august), new("Form.Invitees", facilitator)]);
        Assert.True(taken.IsRedirect, taken.ErrorSummary);
        var meeting = await app.WithDbAsync(db => db.Meetings.SingleAsync(m => m.ReviewId == review && m.Kind == MeetingKind.LearningCircle));
        Assert.Equal((new DateOnly(2026, 8, 4), new TimeOnly(10, 0), 60, "Room 4, Civic Centre"), (meeting.Date, meeting.Start, meeting.DurationMinutes, meeting.Room));
        Assert.Equal(meeting.Id, await app.WithDbAsync(db => db.MeetingSlots.Where(s => s.Id == slots[1].Id).Select(s => s.MeetingId).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.EmailOutbox.CountAsync(m => m.Kind == "MeetingInvitation" && m.Subject.Contains("Learning circle"))));

        // Taken, it is offered no more and cannot be taken again.
        form = await tm.GetAsync($"/reviews/{review}/meetings/new?kind=LearningCircle");
        Assert.DoesNotContain("Tuesday 4 August 2026", form.Text, StringComparison.Ordinal);
        var again = await tm.SubmitAsync($"/reviews/{review}/meetings/new?kind=LearningCircle",
            [new("Form.Kind", "LearningCircle"), new("Form.SlotId", august), new("Form.Invitees", facilitator)]);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("That date is no longer free", again.ErrorSummary, StringComparison.Ordinal);

        // The series page names the review that took the date to someone who may see it.
        var list = await hol.GetAsync("/meetings/series");
        var row = list.Html.QuerySelectorAll(".app-series tbody tr").Single(r => r.TextContent.Contains("4 Aug 2026", StringComparison.Ordinal));
        Assert.Contains(reference, row.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, list.Html.QuerySelectorAll(".app-series .govuk-tag--green").Length);
        // Someone who manages no locality books no series.
        using var facilitatorBrowser = await app.SignedInAsAsync("facilitator@demo.example");
        var refused = await facilitatorBrowser.GetAsync("/meetings/series/new");
        Assert.True(refused.IsRedirect);
        Assert.Equal(HttpStatusCode.Forbidden, (await facilitatorBrowser.FollowAsync(refused)).Status);
        Assert.Equal(3, await app.WithDbAsync(db => db.MeetingSlots.CountAsync()));
    }
}
