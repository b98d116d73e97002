using System.Globalization;
using LearningReviews.Domain.Meetings;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>
/// Books meetings and takes their registers on the review's meetings pages, as people do now that a stage's
/// meeting date is the booking itself rather than a date typed on its form.
/// </summary>
internal static class WorkflowMeetings
{
    /// <summary>
    /// Books a meeting (kind as the meetings page names it, "LearningCircle") and returns its id. With no
    /// accounts named, a lay member is invited by email, since a meeting needs someone invited.
    /// </summary>
    public static async Task<Guid> BookMeetingAsync(this TestBrowser browser, Guid review, string kind, DateOnly date, string start,
        params string[] inviteeIds)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("Form.Kind", kind),
            new("date.day", date.Day.ToString(CultureInfo.InvariantCulture)),
            new("date.month", date.Month.ToString(CultureInfo.InvariantCulture)),
            new("date.year", date.Year.ToString(CultureInfo.InvariantCulture)),
            new("Form.Start", start), new("Form.Room", "Room 4, Civic Centre"), new("Form.BookAnyway", "true"),
        ];
        fields.AddRange(inviteeIds.Select(id => new KeyValuePair<string, string>("Form.Invitees", id)));
        if (inviteeIds.Length == 0) fields.Add(new("Form.Others", "Lay Member, lay.member@example.org"));
        var booked = await browser.SubmitAsync($"/reviews/{review}/meetings/new?kind={kind}", fields, $"/reviews/{review}/meetings/new");
        Assert.True(booked.IsRedirect, booked.ErrorSummary);
        return Guid.Parse(booked.Location!.Split('/').Last());
    }

    /// <summary>Moves a booked meeting to another day and start on its "change" page, keeping who is invited.</summary>
    public static async Task RebookMeetingAsync(this TestBrowser browser, Guid review, Guid meeting, string kind, DateOnly date, string start)
    {
        var url = $"/reviews/{review}/meetings/{meeting}/change";
        var form = await browser.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, form.Status);
        List<KeyValuePair<string, string>> fields =
        [
            new("Form.ConcurrencyToken", form.Html.QuerySelector("input[name='Form.ConcurrencyToken']")!.GetAttribute("value")!),
            new("Form.Kind", kind),
            new("date.day", date.Day.ToString(CultureInfo.InvariantCulture)),
            new("date.month", date.Month.ToString(CultureInfo.InvariantCulture)),
            new("date.year", date.Year.ToString(CultureInfo.InvariantCulture)),
            new("Form.Start", start), new("Form.Room", "Room 4, Civic Centre"), new("Form.BookAnyway", "true"),
        ];
        fields.AddRange(form.Html.QuerySelectorAll("[name='Form.Invitees'] option[selected], input[name='Form.Invitees'][checked]")
            .Select(o => new KeyValuePair<string, string>("Form.Invitees", o.GetAttribute("value")!)));
        var others = form.Html.QuerySelector("[name='Form.Others']");
        fields.Add(new("Form.Others", others?.GetAttribute("value") ?? others?.TextContent.Trim() ?? ""));
        var changed = await browser.PostAsync(url, fields, form.AntiforgeryToken());
        Assert.True(changed.IsRedirect, changed.ErrorSummary);
    }

    /// <summary>
    /// A meeting booked before today, as a review begun earlier has (the booking page takes only today or later):
    /// written as the meetings page writes it, with nobody invited.
    /// </summary>
    public static Task<Guid> RecordEarlierMeetingAsync(this AppFactory app, Guid review, MeetingKind kind, DateOnly date, TimeOnly start) =>
        app.WithDbAsync(async db =>
        {
            var meeting = new Meeting { ReviewId = review, Kind = kind, Date = date, Start = start, Room = "Room 4, Civic Centre" };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });

    /// <summary>Moves an earlier meeting to another day before today.</summary>
    public static Task MoveEarlierMeetingAsync(this AppFactory app, Guid meeting, DateOnly date) =>
        app.WithDbAsync(async db =>
        {
            var booked = await db.Meetings.SingleAsync(m => m.Id == meeting);
            booked.Date = date;
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>Takes the register on the meeting's page: everyone invited came.</summary>
    public static async Task TakeRegisterAsync(this TestBrowser browser, Guid review, Guid meeting)
    {
        var page = await browser.GetAsync($"/reviews/{review}/meetings/{meeting}");
        var names = page.Html.QuerySelectorAll("select[name^='attendance[']").Select(s => s.GetAttribute("name")!).ToList();
        Assert.NotEmpty(names);
        var saved = await browser.PostAsync($"/reviews/{review}/meetings/{meeting}/attendance",
            names.Select(n => new KeyValuePair<string, string>(n, "Attended")), page.AntiforgeryToken());
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
    }
}
