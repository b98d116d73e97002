using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>
/// Stage forms filled in during a meeting, over HTTP: rows posted with gaps (the page's script removes a
/// row by removing its inputs), times as people write them, and deadlines checked for sense.
/// </summary>
public sealed class StageFormsInTheMeetingTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Rows_with_gaps_and_a_time_written_as_2pm_are_saved_and_shown_again_in_order(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var north = await app.LocalityIdAsync("North Locality");
        var started = await hol.SubmitAsync("/reviews/propose",
            [new("CaseLabel", "Child R"), new("LocalityId", north.ToString()), new("Reason", "turning-point"), new("ReasonDetail", "Moved school twice")]);
        var review = Guid.Parse(started.Location!.Split('/').Last());
        var today = app.Today;

        // A form without rows offers no row controls.
        var proposal = await hol.GetAsync($"/reviews/{review}/stages/proposal");
        Assert.Null(proposal.Html.QuerySelector("[data-app-more-rows]"));
        Assert.DoesNotContain("Save and add more rows", proposal.Text, StringComparison.Ordinal);
        Assert.Null(proposal.Html.QuerySelector("[data-app-rows]"));
        await hol.SaveStageAsync(review, "proposal", [.. WorkflowClient.Date("meetingDate", today), new("f.decision", "agreed")]);
        await hol.AdvanceAsync(review);

        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var form = await tm.GetAsync($"/reviews/{review}/stages/preparation");
        Assert.NotNull(form.Html.QuerySelector("[data-app-more-rows]"));
        // The circle's date is not typed here: the form says it is not booked and links to booking it.
        Assert.Null(form.Html.QuerySelector("input[name='f.circleAt.day']"));
        Assert.Contains("Not booked yet", form.Html.GetElementById("f_circleAt")!.TextContent, StringComparison.Ordinal);
        var facilitator = (await app.UserIdsAsync("facilitator@demo.example"))["facilitator@demo.example"];
        await tm.BookMeetingAsync(review, "LearningCircle", today.AddDays(7), "2pm", facilitator);
        // The blank row the page's script copies, with the marks it replaces.
        Assert.Contains(form.Html.QuerySelectorAll("template[data-app-row-template]"),
            t => t is AngleSharp.Html.Dom.IHtmlTemplateElement template
                 && template.Content.QuerySelector("input[name='f.chronology[__index__].event']") is not null);

        var saved = await tm.SaveStageAsync(review, "preparation",
        [
            .. WorkflowClient.Date("chronology[0].date", today.AddDays(-30)), new("f.chronology[0].event", "Moved school"),
            // Row 1 was added and removed in the page; row 2 is the one kept.
            .. WorkflowClient.Date("chronology[2].date", today.AddDays(-10)), new("f.chronology[2].event", "Moved school again"),
            new("f.venue", "Room 4"),
        ]);
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        // Saving the form writes nothing for the circle's date: the booking is the answer.
        var answers = await app.WithDbAsync(db => db.StageRecords.Where(s => s.ReviewId == review && s.StageKey == "preparation").Select(s => s.AnswersJson).SingleAsync());
        Assert.DoesNotContain("circleAt", answers, StringComparison.Ordinal);

        var again = await tm.GetAsync($"/reviews/{review}/stages/preparation");
        Assert.Equal("Moved school", InputByName(again, "f.chronology[0].event"));
        Assert.Equal("Moved school again", InputByName(again, "f.chronology[1].event"));
        Assert.Equal("", InputByName(again, "f.chronology[2].event")); // the blank row for the next one
        Assert.Contains("17 June 2026 at 14:00, Room 4, Civic Centre", again.Html.GetElementById("f_circleAt")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 of 1 invited have accepted", again.Html.GetElementById("f_circleAt")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_date_posted_for_the_circle_is_not_read_it_is_booked_on_the_meetings_page(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var north = await app.LocalityIdAsync("North Locality");
        var started = await hol.SubmitAsync("/reviews/propose",
            [new("CaseLabel", "Child T"), new("LocalityId", north.ToString()), new("Reason", "turning-point"), new("ReasonDetail", "Moved school twice")]);
        var review = Guid.Parse(started.Location!.Split('/').Last());
        await hol.SaveStageAsync(review, "proposal", [.. WorkflowClient.Date("meetingDate", app.Today), new("f.decision", "agreed")]);
        await hol.AdvanceAsync(review);
        using var tm = await app.SignedInAsAsync("tm@demo.example");

        // A date posted for the circle (an old page, say) is not read, so it neither books the circle nor
        // fails the save: the circle is booked on the meetings page only.
        var saved = await tm.SaveStageAsync(review, "preparation", [.. WorkflowClient.DateTime("circleAt", app.Today.AddDays(7), "2.30"), new("f.venue", "Room 4")]);
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        Assert.Equal("Room 4", InputByName(await tm.GetAsync($"/reviews/{review}/stages/preparation"), "f.venue"));
        var missing = (await tm.GetAsync($"/reviews/{review}")).Html.QuerySelectorAll(".app-missing li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Book the learning circle", missing);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_past_report_deadline_is_refused_with_the_text_kept_and_a_Saturday_one_becomes_the_Monday(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var east = await app.LocalityIdAsync("East Locality");
        var lead = (await app.UserIdsAsync("lead@demo.example"))["lead@demo.example"];
        var today = app.Today; // Wednesday 10 June 2026
        var review = await bm.StartReviewAsync("desktop-review",
        [
            new("CaseLabel", "Child D"), new("OtherCaseLabels", ""), new("LocalityId", east.ToString()), new("Reason", "serviceImprovement"),
            new("ReasonDetail", "Absences from school that no agency followed up."),
        ]);
        using var subgroup = await app.SignedInAsAsync("subgroup@demo.example");
        const string scope = "How agencies responded to persistent absence from school.";
        KeyValuePair<string, string>[] Commissioning(DateOnly deadline) =>
        [
            .. WorkflowClient.Date("agreedOn", today), new("f.scope", scope),
            .. WorkflowClientB.Row("kloe", 0, ("kloe", "Who was expected to see Child D?")),
            .. WorkflowClient.Date("informationDeadline", today.AddDays(14)), .. WorkflowClient.Date("reportDeadline", deadline),
            new("f.leadAuthor", lead),
        ];

        var refused = await subgroup.SaveStageAsync(review, "commissioning", Commissioning(today.AddDays(-1)));
        Assert.False(refused.IsRedirect);
        Assert.Contains("'Deadline for completion of the report' must be today or in the future: Tuesday 9 June 2026 has passed", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(scope, refused.TextareaValue("f_scope")?.Trim());
        Assert.Equal("9", InputByName(refused, "f.reportDeadline.day"));

        var saturday = new DateOnly(2026, 6, 27);
        var saved = await subgroup.SaveStageAsync(review, "commissioning", Commissioning(saturday));
        Assert.True(saved.IsRedirect, saved.ErrorSummary);
        var check = await subgroup.FollowAsync(saved);
        Assert.Contains("Saturday 27 June 2026 is not a working day; the deadline is Monday 29 June 2026.",
            check.Html.QuerySelector(".app-dates-moved")?.TextContent, StringComparison.Ordinal);
        var answers = await app.WithDbAsync(db => db.StageRecords.Where(s => s.ReviewId == review && s.StageKey == "commissioning").Select(s => s.AnswersJson).SingleAsync());
        Assert.Contains("\"reportDeadline\":\"2026-06-29\"", answers, StringComparison.Ordinal);
    }

    private static string? InputByName(TestBrowser.Page page, string name) =>
        page.Html.QuerySelectorAll("input").FirstOrDefault(i => i.GetAttribute("name") == name)?.GetAttribute("value");
}
