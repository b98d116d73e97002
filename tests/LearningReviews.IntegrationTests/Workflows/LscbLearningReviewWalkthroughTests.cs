using LearningReviews.Domain.Meetings;
using System.Globalization;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Workflows.WorkflowClientB;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>An LSCB Learning Review through its four phases, over HTTP, as the people who act in each.</summary>
public sealed class LscbLearningReviewWalkthroughTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_lscb_learning_review_runs_through_its_four_phases_once_every_agency_has_sent_its_chronology(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var lead = await app.SignedInAsAsync("lead@demo.example");
        var north = await app.LocalityIdAsync("North Locality");
        var people = await app.UserIdsAsync("lead@demo.example", "practitioner@demo.example", "tm@demo.example", "agency@demo.example");
        var today = app.Today;

        // The Lead Reviewer starts it on a concern about a practice area.
        var review = await lead.StartReviewAsync("lscb-learning-review",
        [
            new("CaseLabel", "Child L"), new("LocalityId", north.ToString()), new("Reason", "practiceConcern"),
            new("ReasonDetail", "Repeated police call-outs to Child L's home were not shared with the school or the GP."),
        ]);
        Assert.Equal("Preparation", (await lead.GetAsync($"/reviews/{review}")).CurrentStageTitle());

        // Preparation, by the Lead Reviewer. The staff come from Children's Social Care and the agency representative from
        // Police; the Police chronology has been asked for but not received, so the review cannot move on.
        KeyValuePair<string, string>[] preparation =
        [
            new("checklist", "prepare"), new("checklist", "lineManager"),
            .. WorkflowClient.Date("leadAgreedOn", today.AddDays(-40)), new("f.leadReviewer", people["lead@demo.example"]),
            .. Row("kloe", 0, ("kloe", "What did each agency know about the call-outs, and when?")),
            .. Row("kloe", 1, ("kloe", "What stopped the information reaching the school and the GP?")),
            .. WorkflowClient.Date("kloeSharedOn", today.AddDays(-38)),
            new("f.staff", people["practitioner@demo.example"]), new("f.staff", people["tm@demo.example"]),
            .. WorkflowClient.Date("staffNotifiedOn", today.AddDays(-35)), new("f.agencyRepresentatives", people["agency@demo.example"]),
            .. Row("chronologies", 0, ("agency", "Children's Social Care")), .. RowDate("chronologies", 0, "received", today.AddDays(-20)),
            .. Row("chronologies", 1, ("agency", "Police")),
            .. WorkflowClient.Date("circulatedOn", today.AddDays(-10)),
            .. WorkflowClient.Date("invitationsSentOn", today.AddDays(-30)),
            new("f.parentsPerception", "Child L's mother felt the police visits were never followed up by anyone."),
        ];
        // The learning event was booked on the meetings page for yesterday.
        await app.RecordEarlierMeetingAsync(review, MeetingKind.LearningEvent, today.AddDays(-1), new TimeOnly(9, 30));
        var saved = await lead.SaveStageAsync(review, "preparation", preparation);
        await lead.AssertSavedAsync(saved);
        var blocked = await lead.GetAsync($"/reviews/{review}");
        Assert.Equal(["Record the chronology received from Police"], blocked.Missing());
        Assert.False(blocked.OffersAdvance(review));

        // The Police chronology arrives: the Police representative enters it in the application, which counts as
        // received with nothing typed on the stage form; the review moves on to the learning event.
        using var police = await app.SignedInAsAsync("agency@demo.example");
        var entered = await police.SubmitAsync($"/reviews/{review}/chronology",
            [new("Date.day", "3"), new("Date.month", "4"), new("Date.year", "2026"), new("Date.time", ""), new("WhatHappened", "Officers attended a call-out at the home"),
             new("Source", "Police log 1234"), new("KeyPracticeEpisode", "no")], $"/reviews/{review}/chronology/entries");
        Assert.True(entered.IsRedirect, entered.ErrorSummary);
        Assert.Empty((await lead.GetAsync($"/reviews/{review}")).Missing());
        var check = await lead.GetAsync($"/reviews/{review}/stages/preparation/check");
        Assert.Contains(today.AddDays(-1).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) + " at 09:30", check.Text, StringComparison.Ordinal);
        Assert.Equal("Action", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // Action: the learning event, chaired by the Lead Reviewer, now in the review as its lead.
        saved = await lead.SaveStageAsync(review, "action",
        [
            new("checklist", "notBlame"),
            .. Row("attendance", 0, ("name", "Priya Shah"), ("agency", "Children's Social Care"), ("attended", "yes")),
            .. Row("attendance", 1, ("name", "Tariq Malik"), ("agency", "Children's Social Care"), ("attended", "yes")),
            .. Row("attendance", 2, ("name", "Andy Agbaje"), ("agency", "Police"), ("attended", "apologies")),
            new("f.escalationNeeded", "yes"),
            .. Row("escalations", 0, ("issue", "Child L's school still has no record of the call-outs."), ("agency", "Education"),
                ("escalatedTo", "Designated safeguarding lead")),
            .. RowDate("escalations", 0, "escalatedOn", today),
            .. LearningPoint(0, "Domestic abuse notifications must reach the child's school the next working day"),
            .. LearningPoint(1, "The GP needs to know of repeated call-outs to a child's home"),
            new("f.findingsDetail", "Each agency assumed another had told the school. Nobody owned the sharing of police notifications."),
            .. Action(0, "Add schools to the police notification distribution list", "Andy Agbaje", today.AddDays(30), "Notifications received by schools in a quarterly sample"),
            .. Action(1, "Brief GP practices on repeated call-outs", "Health safeguarding lead", today.AddDays(60), "GP records checked in the next multi-agency audit"),
        ]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("Review", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // Review: the subgroup records where the key findings went and who owns the action plan.
        using var subgroup = await app.SignedInAsAsync("subgroup@demo.example");
        saved = await subgroup.SaveStageAsync(review, "review",
        [
            .. WorkflowClient.Date("sharedWithCaseReviewGroupOn", today), .. WorkflowClient.Date("sharedWithBusinessGroupOn", today),
            new("f.ownerGroup", "Learning and Development Sub-Group"), .. WorkflowClient.Date("actionPlanAgreedOn", today),
        ]);
        await subgroup.AssertSavedAsync(saved);
        Assert.Equal("Embed", (await subgroup.AdvanceAsync(review)).CurrentStageTitle());

        // Embed: the PMQAG evidence of practice change, then the review closes.
        saved = await subgroup.SaveStageAsync(review, "embed",
        [
            new("f.monitoredThrough", "indicators"), new("f.monitoredThrough", "audit"),
            new("f.monitoringEvidence", "Schools received 46 of 50 notifications in the quarter after the change."),
            .. WorkflowClient.Date("monitoredOn", today), new("f.annualReport", "yes"),
            new("f.lessonsCommunicated", "A newsletter to schools and GP practices."), new("f.trainingChanges", "An e-Learning module on sharing notifications."),
        ]);
        await subgroup.AssertSavedAsync(saved);
        Assert.Contains("is closed", (await subgroup.AdvanceAsync(review)).Text, StringComparison.Ordinal);

        var (status, transitions, points, actions) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == review).Select(r => r.Status).SingleAsync(),
            await db.Transitions.Where(t => t.ReviewId == review).OrderBy(t => t.OccurredAt).Select(t => t.Kind).ToListAsync(),
            await db.LearningPoints.CountAsync(p => p.ReviewId == review),
            await db.Actions.Where(a => a.ReviewId == review && a.SourceKey == null).OrderBy(a => a.DueDate).Select(a => a.OwnerName).ToListAsync()));
        Assert.Equal(ReviewStatus.Closed, status);
        Assert.Equal([TransitionKind.Started, TransitionKind.Advanced, TransitionKind.Advanced, TransitionKind.Advanced, TransitionKind.Closed], transitions);
        Assert.Equal(2, points);
        Assert.Equal(["Andy Agbaje", "Health safeguarding lead"], actions);
        // Each key finding is also an action of the action plan (docs/action-plans.md).
        Assert.Equal(2, await app.WithDbAsync(db => db.Actions.CountAsync(a => a.ReviewId == review && a.Source == ActionSource.LscbKeyFinding)));
    }
}
