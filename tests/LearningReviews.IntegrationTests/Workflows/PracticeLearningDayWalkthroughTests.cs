using LearningReviews.Domain.Meetings;
using System.Globalization;
using System.Net;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LearningReviews.IntegrationTests.Workflows.WorkflowClientB;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>A Practice Learning Day from its scheduling to the learning and feedback, over HTTP, as the people who act at each stage.</summary>
public sealed class PracticeLearningDayWalkthroughTests
{
    private const string PlanningDeadline = "Latest date for the planning meeting (10 working days before the day)";

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_practice_learning_day_runs_from_scheduling_to_closure_with_its_planning_meeting_10_working_days_before(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var sm = await app.SignedInAsAsync("sm@demo.example");
        var north = await app.LocalityIdAsync("North Locality");
        var people = await app.UserIdsAsync("practitioner@demo.example", "tm@demo.example");
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var today = app.Today;
        var theDay = today; // held today, so the day stage can be completed
        var latestPlanning = calendar.AddWorkingDays(theDay, -10);

        // The Service Manager starts it for the service area's day.
        var review = await sm.StartReviewAsync("practice-learning-day",
        [
            new("CaseLabel", "Child P"), new("LocalityId", north.ToString()),
            new("ReasonDetail", "The Early Support practice learning day on plans, held jointly with the Front Door."),
        ]);
        var started = await sm.GetAsync($"/reviews/{review}");
        Assert.Equal("Scheduled", started.CurrentStageTitle());
        // A practice learning day has no reasons to choose from: no empty "Reason selected" row, the detail still shown.
        var summaryKeys = started.Html.QuerySelectorAll(".govuk-summary-list__key").Select(k => k.TextContent.Trim()).ToList();
        Assert.DoesNotContain("Reason selected", summaryKeys);
        Assert.Contains("Detail", summaryKeys);

        // Scheduled, by the Service Manager: diarised well ahead, jointly with partners.
        // The day itself is booked on the meetings page.
        await sm.BookMeetingAsync(review, "PracticeLearningDay", theDay, "09:30", people["practitioner@demo.example"]);
        var saved = await sm.SaveStageAsync(review, "scheduled",
        [
            new("f.serviceArea", "Early Support North"), new("f.jointDay", "yes"),
            new("f.jointWith", "Front Door and A&I"), .. WorkflowClient.Date("saveTheDateSent", today.AddMonths(-11)),
        ]);
        await sm.AssertSavedAsync(saved);
        var page = await sm.AdvanceAsync(review);
        Assert.Equal("Planning", page.CurrentStageTitle());
        Assert.StartsWith($"{PlanningDeadline}: {latestPlanning.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}",
            page.Deadline(PlanningDeadline), StringComparison.Ordinal);

        // Planning, by the QA Team Manager: a planning meeting 9 working days before the day is too late.
        using var qa = await app.SignedInAsAsync("qa@demo.example");
        KeyValuePair<string, string>[] planning =
        [
            new("checklist", "partnersInvited"), new("checklist", "systemsTogether"), new("checklist", "naAnswers"), new("checklist", "partnerCase"),
            new("f.theme", "Plans: are they SMART and do they reflect the child's voice?"),
            new("f.agenda", "09:30 welcome and ground rules; 10:00 KLOE audits side by side with practitioners; 13:30 themes; 15:00 feedback and close."),
            .. Row("kloe", 0, ("kloe", "Is the plan SMART?"), ("practiceStandard", "Plans standard 2")),
            .. Row("kloe", 1, ("kloe", "Can the child's voice be seen in the plan?"), ("practiceStandard", "Voice of the child standard 1")),
            new("f.sampleSize", "6"), new("f.formFormat", "Microsoft Forms, one response per case"),
            new("f.independentScrutiny", "A Front Door team manager audits two cases they have not worked on."),
            .. Row("selectedCases", 0, ("case", "Child P"), ("practitioner", "Priya Shah"), ("auditor", "Tariq Malik")),
            .. Row("selectedCases", 1, ("case", "Child Q"), ("practitioner", "Priya Shah"), ("auditor", "Quinn Adams")),
            .. Row("selectedCases", 2, ("case", "Child S"), ("practitioner", "Early Help worker"), ("auditor", "Sam Mitchell")),
            new("f.practitioners", people["practitioner@demo.example"]),
        ];
        var planningMeeting = await app.RecordEarlierMeetingAsync(review, MeetingKind.PlanningMeeting, calendar.AddWorkingDays(theDay, -9), new TimeOnly(10, 0));
        saved = await qa.SaveStageAsync(review, "planning",
        [
            .. planning, .. WorkflowClient.Date("practitionersInvited", calendar.AddWorkingDays(theDay, -9)),
        ]);
        await qa.AssertSavedAsync(saved);
        var blocked = await qa.GetAsync($"/reviews/{review}");
        Assert.Equal(["The planning meeting should take place at least 10 working days before the Practice Learning Day"], blocked.Missing());
        Assert.False(blocked.OffersAdvance(review));

        // Held 10 working days before, it is in time.
        await app.MoveEarlierMeetingAsync(planningMeeting, latestPlanning);
        saved = await qa.SaveStageAsync(review, "planning",
        [
            .. planning, .. WorkflowClient.Date("practitionersInvited", latestPlanning),
        ]);
        await qa.AssertSavedAsync(saved);
        Assert.Equal("Evidence gathering", (await qa.AdvanceAsync(review)).CurrentStageTitle());

        // The area's Team Manager, one of the auditors, does not see the day until the QA Team Manager adds them to it.
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await tm.GetAsync($"/reviews/{review}")).Status);
        var added = await qa.SubmitAsync($"/reviews/{review}/participants",
            [new("Form.Kind", "internal"), new("Form.UserId", people["tm@demo.example"]), new("Form.Role", "Manager")]);
        Assert.True(added.IsRedirect, added.ErrorSummary);

        // Evidence gathering, by the practitioner chosen at planning: the child's voice and KLOE audits side by side.
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        saved = await practitioner.SaveStageAsync(review, "evidence",
        [
            .. Row("childsVoice", 0, ("case", "Child P"), ("byWhom", "Class teacher"), ("relationship", "Has taught Child P for two years"),
                ("view", "Child P said the plan's star chart helps; Dad said he had not seen the plan.")),
            .. Row("childsVoice", 1, ("case", "Child Q"), ("byWhom", "Nursery key worker"), ("relationship", "Key worker since Child Q started"),
                ("view", "Child Q is too young to say; Mum said the plan felt like a list of what she did wrong.")),
            .. Row("childsVoice", 2, ("case", "Child S"), ("byWhom", "Not sought"), ("relationship", ""),
                ("view", "The family moved out of the area before the day.")),
            .. Row("kloeAudits", 0, ("case", "Child P"), ("kloe", "Is the plan SMART?"), ("completedBy", "Tariq Malik with Priya Shah"),
                ("applies", "answered"), ("answer", "Actions have owners but no dates; attendance improved since the star chart.")),
            .. Row("kloeAudits", 1, ("case", "Child Q"), ("kloe", "Can the child's voice be seen in the plan?"), ("completedBy", "Quinn Adams with Priya Shah"),
                ("applies", "na"), ("answer", "Pre-verbal: observations of Child Q at nursery are recorded instead.")),
            new("f.dipSamples", "4"), new("f.otherTools", "One practice observation of a home visit for Child P."),
        ]);
        await practitioner.AssertSavedAsync(saved);
        Assert.Equal("The day", (await practitioner.AdvanceAsync(review)).CurrentStageTitle());

        // The day, recorded by the Team Manager: attendance, what is going well and what could be better, the learning.
        saved = await tm.SaveStageAsync(review, "day",
        [
            .. Row("attendance", 0, ("name", "Priya Shah"), ("roleOrAgency", "Practitioner, Early Support"), ("attended", "yes")),
            .. Row("attendance", 1, ("name", "Tariq Malik"), ("roleOrAgency", "Team Manager, Early Support"), ("attended", "yes")),
            .. Row("attendance", 2, ("name", "Front Door team manager"), ("roleOrAgency", "Front Door"), ("attended", "apologies")),
            new("f.goingWell", "Plans are written with families and the star chart approach is working for school-age children."),
            new("f.couldBeBetter", "Actions rarely have dates, and fathers are not always given a copy of the plan."),
            .. LearningPoint(0, "Give every action in a plan a date as well as an owner"),
            .. LearningPoint(1, "Share the plan with both parents, including a parent who does not live with the child"),
        ]);
        await tm.AssertSavedAsync(saved);
        Assert.Equal("Learning and feedback", (await tm.AdvanceAsync(review)).CurrentStageTitle());

        // Learning and feedback, by the QA Team Manager; then the day is closed.
        saved = await qa.SaveStageAsync(review, "learning",
        [
            .. Row("feedback", 0, ("name", "Priya Shah"), ("givenBy", "Tariq Malik")), .. RowDate("feedback", 0, "givenOn", today),
            .. Row("feedback", 1, ("name", "Tariq Malik"), ("givenBy", "Sam Mitchell")), .. RowDate("feedback", 1, "givenOn", today),
            new("f.dissemination", "practiceLearningEvents"), new("f.dissemination", "qaPlan"),
            new("f.disseminationNotes", "Dated actions become a focus of the next quarter's quality assurance plan and a practice learning event on plans."),
            new("f.recordedOnFiles", "yes"),
        ]);
        await qa.AssertSavedAsync(saved);
        Assert.Contains("is closed", (await qa.AdvanceAsync(review)).Text, StringComparison.Ordinal);

        var (status, transitions, points, actions) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == review).Select(r => r.Status).SingleAsync(),
            await db.Transitions.Where(t => t.ReviewId == review).OrderBy(t => t.OccurredAt).Select(t => t.Kind).ToListAsync(),
            await db.LearningPoints.CountAsync(p => p.ReviewId == review),
            await db.Actions.Where(a => a.ReviewId == review).Select(a => a.Source).ToListAsync()));
        Assert.Equal(ReviewStatus.Closed, status);
        Assert.Equal([TransitionKind.Started, .. Enumerable.Repeat(TransitionKind.Advanced, 4), TransitionKind.Closed], transitions);
        Assert.Equal(2, points);
        // Each finding of the day is an action of the action plan (docs/action-plans.md).
        Assert.Equal([ActionSource.PracticeLearningDayFinding, ActionSource.PracticeLearningDayFinding], actions);
    }
}
