using System.Net;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Workflows.WorkflowClientB;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>
/// A Desktop Review from commissioning to closure, over HTTP, as the people who act at each stage,
/// with a second staff meeting after further information is gathered.
/// </summary>
public sealed class DesktopReviewWalkthroughTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_desktop_review_meets_again_for_further_information_and_runs_to_closure(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var east = await app.LocalityIdAsync("East Locality");
        var people = await app.UserIdsAsync("lead@demo.example", "agency@demo.example");
        var today = app.Today;

        // The Business Manager starts it for one child.
        var review = await bm.StartReviewAsync("desktop-review",
        [
            new("CaseLabel", "Child E"), new("OtherCaseLabels", ""), new("LocalityId", east.ToString()), new("Reason", "serviceImprovement"),
            new("ReasonDetail", "A fourteen-year-old missed most of a school year while each agency believed another was following up the absences."),
        ]);
        Assert.Equal("Commissioning by the Learning and Improvement group", (await bm.GetAsync($"/reviews/{review}")).CurrentStageTitle());
        using var lead = await app.SignedInAsAsync("lead@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/reviews/{review}")).Status); // not chosen yet

        // Commissioning, by the Learning and Improvement Subgroup: without the independence confirmed it cannot go on.
        using var subgroup = await app.SignedInAsAsync("subgroup@demo.example");
        KeyValuePair<string, string>[] commissioning =
        [
            .. WorkflowClient.Date("agreedOn", today.AddDays(-49)),
            new("f.scope", "How agencies responded to persistent absence from school, and who took responsibility for following it up."),
            .. Row("kloe", 0, ("kloe", "How was the absence recorded and shared between school, early help and health?")),
            .. Row("kloe", 1, ("kloe", "Who was expected to see Child E, and did anyone?")),
            .. WorkflowClient.Date("informationDeadline", today.AddDays(-28)), .. WorkflowClient.Date("reportDeadline", today.AddDays(21)),
            new("f.leadAuthor", people["lead@demo.example"]),
            new("f.publicationRisks", "A summary could be published; the school is small and the child could be identified from the details."),
        ];
        var saved = await subgroup.SaveStageAsync(review, "commissioning", commissioning);
        await subgroup.AssertSavedAsync(saved);
        var blocked = await subgroup.GetAsync($"/reviews/{review}");
        Assert.Equal(["Confirm 'The lead author is independent of the circumstances'"], blocked.Missing());
        Assert.False(blocked.OffersAdvance(review));
        saved = await subgroup.SaveStageAsync(review, "commissioning", [new("checklist", "authorIndependent"), .. commissioning]);
        await subgroup.AssertSavedAsync(saved);
        Assert.Equal("Information gathering", (await subgroup.AdvanceAsync(review)).CurrentStageTitle());

        // Information gathering, co-ordinated by the Business Manager, who names the agency representative.
        saved = await bm.SaveStageAsync(review, "information",
        [
            new("checklist", "reasonsGiven"), new("checklist", "timescaleGiven"), new("f.agencyRepresentatives", people["agency@demo.example"]),
            .. Row("requests", 0, ("agency", "Education")), .. RowDate("requests", 0, "sent", today.AddDays(-42)),
            .. RowDate("requests", 0, "deadline", today.AddDays(-28)), .. RowDate("requests", 0, "received", today.AddDays(-30)),
            .. Row("requests", 1, ("agency", "Early Help")), .. RowDate("requests", 1, "sent", today.AddDays(-42)),
            .. RowDate("requests", 1, "deadline", today.AddDays(-28)), .. RowDate("requests", 1, "received", today.AddDays(-28)),
            .. Row("responses", 0, ("agency", "Education"), ("goodPractice", "The attendance officer wrote to the family every fortnight."),
                ("doneDifferently", "No home visit was made after the letters went unanswered."), ("issuesOfNote", "Child E was on a part-time timetable not recorded as such.")),
        ]);
        await bm.AssertSavedAsync(saved);
        Assert.Equal("Family engagement", (await bm.AdvanceAsync(review)).CurrentStageTitle());

        // Family engagement, by the lead author.
        saved = await lead.SaveStageAsync(review, "family",
        [
            new("checklist", "impactDiscussed"), new("f.decision", "notInvolved"), new("f.meetingOffered", "yes"),
            new("f.notInvolvedReason", "Child E's mother was offered a meeting with a lay member and said she did not want to revisit that year."),
        ]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("Staff meeting", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // The first staff meeting, booked on the meetings page (earlier today) and recorded by the lead author:
        // the health records are missing, so more is asked for.
        await lead.BookMeetingAsync(review, "StaffMeeting", today, "00:00");
        saved = await lead.SaveStageAsync(review, "meeting",
        [
            .. Row("attendance", 0, ("name", "Attendance officer"), ("agency", "Education"), ("attended", "yes")),
            .. Row("attendance", 1, ("name", "Early help worker"), ("agency", "Early Help"), ("attended", "yes")),
            .. Row("attendance", 2, ("name", "School nurse"), ("agency", "Health"), ("attended", "apologies")),
            new("f.learning", "Each agency saw the absence and assumed another was leading; nobody saw Child E for four months."),
            new("f.furtherInformation", "yes"),
            .. Row("furtherRequests", 0, ("agency", "Health"), ("what", "School nurse and GP contacts with Child E during the year.")),
            .. RowDate("furtherRequests", 0, "deadline", today.AddDays(-14)),
        ]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("Learning Review Outcomes Form", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // From the outcomes form the lead author sends it back, as the review page's form does, to meet again.
        const string Reason = "The GP and school nurse records have arrived; the staff need to meet again to consider them.";
        var page = await lead.GetAsync($"/reviews/{review}");
        var sendBack = page.Html.QuerySelector($"form[action='/reviews/{review}/send-back']")!;
        Assert.Contains("Send back to Staff meeting", sendBack.TextContent, StringComparison.Ordinal);
        var token = sendBack.QuerySelector("input[name=reviewToken]")!.GetAttribute("value")!;
        var sent = await lead.PostAsync($"/reviews/{review}/send-back", [new("reviewToken", token), new("reason", Reason)], page.AntiforgeryToken());
        Assert.True(sent.IsRedirect);
        page = await lead.FollowAsync(sent);
        Assert.Equal("Staff meeting", page.CurrentStageTitle());
        Assert.Contains(Reason, HistoryReasons(page));

        // A fresh form for the second meeting; the first is kept.
        var fresh = await lead.GetAsync($"/reviews/{review}/stages/meeting");
        Assert.Equal("", fresh.TextareaValue("f_learning") ?? "");
        Assert.Null(fresh.Html.QuerySelector("input[name='f.furtherInformation'][checked]"));
        var cycles = await app.WithDbAsync(db => db.StageRecords.Where(s => s.ReviewId == review && s.StageKey == "meeting")
            .OrderBy(s => s.Cycle).Select(s => new { s.Cycle, s.Status, s.AnswersJson }).ToListAsync());
        Assert.Equal([1, 2], cycles.Select(c => c.Cycle));
        Assert.Equal(StageStatus.Completed, cycles[0].Status);
        Assert.Contains("nobody saw Child E", cycles[0].AnswersJson, StringComparison.Ordinal);
        Assert.Equal(StageStatus.InProgress, cycles[1].Status);

        // The first meeting stays readable from the review page, and cannot be changed.
        var earlierLink = page.Html.QuerySelector($"a[href='/reviews/{review}/stages/meeting?cycle=1']");
        Assert.NotNull(earlierLink);
        var firstMeeting = await lead.GetAsync($"/reviews/{review}/stages/meeting?cycle=1");
        Assert.Contains("nobody saw Child E", firstMeeting.Html.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(firstMeeting.Html.QuerySelector("fieldset[disabled]"));

        // The second meeting, first booked for next week, has not happened yet, so it cannot go on.
        KeyValuePair<string, string>[] second =
        [
            .. Row("attendance", 0, ("name", "Attendance officer"), ("agency", "Education"), ("attended", "yes")),
            .. Row("attendance", 1, ("name", "School nurse"), ("agency", "Health"), ("attended", "yes")),
            new("f.newInformation", "The GP saw Child E twice for anxiety; the school nurse was not told of the absence."),
            new("f.learning", "Anxiety behind the absence was known to health but not to school; a shared plan would have reached Child E sooner."),
            new("f.furtherInformation", "no"),
        ];
        var secondMeeting = await lead.BookMeetingAsync(review, "StaffMeeting", today.AddDays(7), "14:00");
        saved = await lead.SaveStageAsync(review, "meeting", second);
        await lead.AssertSavedAsync(saved);
        blocked = await lead.GetAsync($"/reviews/{review}");
        var booked = today.AddDays(7).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        Assert.Equal([$"The staff meeting booked for {booked} at 14:00 has not happened yet"], blocked.Missing());
        Assert.False(blocked.OffersAdvance(review));

        // It was brought forward and held early this morning.
        await lead.RebookMeetingAsync(review, secondMeeting, "StaffMeeting", today, "01:00");
        Assert.Equal("Learning Review Outcomes Form", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // The outcomes form, by the lead author.
        saved = await lead.SaveStageAsync(review, "outcomes",
        [
            new("f.familyDetails", "Child E, aged fourteen, living with their mother and a younger sibling."),
            new("f.howUndertaken", "A desktop review of agency records and two staff meetings."),
            new("f.contributors", "Staff from Education, Early Help and Health."), .. WorkflowClient.Date("undertakenOn", today.AddDays(-1)),
            new("f.synopsis", "Child E missed most of Year 9; letters were sent but nobody saw the child for four months."),
            new("f.findings", "Absence was treated as an attendance matter rather than a welfare concern; health knew of anxiety that school did not."),
            .. LearningPoint(0, "Treat persistent absence as a welfare concern and see the child"),
            .. LearningPoint(1, "Share health concerns about anxiety with school when absence is known"),
            new("f.background", "Child E moved school in Year 8 and attendance fell from the spring term."),
            new("f.strengths", "The attendance officer kept writing; early help responded quickly once asked."),
            new("f.doBetter", "Agree who leads when more than one agency is concerned about absence."),
            .. Action(0, "Add a home-visit step to the attendance procedure after two unanswered letters", "Education safeguarding lead", today.AddDays(60),
                "Share of persistent absence cases with a home visit"),
            .. Action(1, "Brief school nurses on sharing anxiety concerns with schools", "Health safeguarding lead", today.AddDays(90),
                "School nurse audit in six months"),
            new("f.dissemination", "A learning bulletin and a briefing for attendance officers and school nurses."),
            new("f.familyDecisions", "Child E's mother was told of the review and chose not to take part."),
        ]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("Action plan and dissemination", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // The subgroup agrees the action plan; the Business Manager records the publication decision.
        saved = await subgroup.SaveStageAsync(review, "actionPlan",
        [
            new("checklist", "measuresImpact"), .. WorkflowClient.Date("discussedOn", today),
            new("f.implementation", "bulletins"), new("f.implementation", "policies"),
            new("f.themes", "Persistent absence; emotional health"),
        ]);
        await subgroup.AssertSavedAsync(saved);
        await lead.FinaliseOutcomesFormAsync(review);
        Assert.Equal("Publication decision", (await subgroup.AdvanceAsync(review)).CurrentStageTitle());
        saved = await bm.SaveStageAsync(review, "publication",
        [
            new("f.decision", "summary"), new("f.risksAndBenefits", "A summary spreads the learning to schools; the full report could identify Child E."),
            .. WorkflowClient.Date("decidedOn", today),
        ]);
        await bm.AssertSavedAsync(saved);
        Assert.Contains("is closed", (await bm.AdvanceAsync(review)).Text, StringComparison.Ordinal);

        var (status, transitions, reasons, points, actions) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == review).Select(r => r.Status).SingleAsync(),
            await db.Transitions.Where(t => t.ReviewId == review).OrderBy(t => t.OccurredAt).Select(t => t.Kind).ToListAsync(),
            await db.Transitions.Where(t => t.ReviewId == review && t.Reason != null).Select(t => t.Reason).ToListAsync(),
            await db.LearningPoints.CountAsync(p => p.ReviewId == review),
            await db.Actions.Where(a => a.ReviewId == review).OrderBy(a => a.DueDate).Select(a => a.OwnerName).ToListAsync()));
        Assert.Equal(ReviewStatus.Closed, status);
        Assert.Equal(
        [
            TransitionKind.Started, .. Enumerable.Repeat(TransitionKind.Advanced, 4), TransitionKind.SentBack,
            .. Enumerable.Repeat(TransitionKind.Advanced, 3), TransitionKind.Closed,
        ], transitions);
        Assert.Equal([Reason], reasons);
        Assert.Equal(2, points);
        Assert.Equal(["Education safeguarding lead", "Health safeguarding lead"], actions);
        Assert.Equal([1, 2], await app.WithDbAsync(db => db.StageRecords
            .Where(s => s.ReviewId == review && s.StageKey == "meeting" && s.Status == StageStatus.Completed).OrderBy(s => s.Cycle).Select(s => s.Cycle).ToListAsync()));
    }

    /// <summary>The "Why" column of the review page's history.</summary>
    private static List<string> HistoryReasons(TestBrowser.Page page) =>
        page.Html.QuerySelectorAll("table.govuk-table tbody tr")
            .Select(row => row.QuerySelectorAll("td").ToList())
            .Where(cells => cells.Count == 4)
            .Select(cells => cells[3].TextContent.Trim())
            .Where(reason => reason.Length > 0)
            .ToList();
}
