using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Workflows.WorkflowClientB;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>A Single Issue Review from commissioning to closure, over HTTP, as the people who act at each stage.</summary>
public sealed class SingleIssueReviewWalkthroughTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_single_issue_review_runs_from_commissioning_to_closure(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var south = await app.LocalityIdAsync("South Locality");
        var people = await app.UserIdsAsync("lead@demo.example", "agency@demo.example", "practitioner@demo.example");
        var today = app.Today;

        // The Business Manager starts it for one family.
        var review = await bm.StartReviewAsync("single-issue-review",
        [
            new("CaseLabel", "Family D"), new("OtherCaseLabels", ""), new("LocalityId", south.ToString()), new("Reason", "serviceImprovement"),
            new("ReasonDetail", "Parents whose first language is not English were interviewed without an interpreter at two child protection visits."),
        ]);
        Assert.Equal("Commissioning by the Learning and Improvement group", (await bm.GetAsync($"/reviews/{review}")).CurrentStageTitle());

        // Commissioning, by the Learning and Improvement Subgroup, naming an independent lead author.
        using var subgroup = await app.SignedInAsAsync("subgroup@demo.example");
        var saved = await subgroup.SaveStageAsync(review, "commissioning",
        [
            new("checklist", "authorIndependent"), new("checklist", "subgroupAgreed"), .. WorkflowClient.Date("agreedOn", today.AddDays(-42)),
            new("f.scope", "The use of interpreters when agencies work with parents whose first language is not English."),
            .. Row("kloe", 0, ("kloe", "When did practitioners decide an interpreter was needed, and who arranged one?")),
            .. Row("kloe", 1, ("kloe", "How did language affect what the parents understood of the plan?")),
            .. WorkflowClient.Date("informationDeadline", today.AddDays(-21)), .. WorkflowClient.Date("reportDeadline", today.AddDays(28)),
            new("f.leadAuthor", people["lead@demo.example"]),
        ]);
        await subgroup.AssertSavedAsync(saved);
        Assert.Equal("Information gathering", (await subgroup.AdvanceAsync(review)).CurrentStageTitle());

        // Information gathering, co-ordinated by the Business Manager.
        saved = await bm.SaveStageAsync(review, "information",
        [
            new("checklist", "reasonsGiven"), new("checklist", "timescaleGiven"), new("f.agencyRepresentatives", people["agency@demo.example"]),
            .. Row("requests", 0, ("agency", "Children's Social Care")), .. RowDate("requests", 0, "sent", today.AddDays(-35)),
            .. RowDate("requests", 0, "deadline", today.AddDays(-21)), .. RowDate("requests", 0, "received", today.AddDays(-22)),
            .. Row("requests", 1, ("agency", "Police")), .. RowDate("requests", 1, "sent", today.AddDays(-35)),
            .. RowDate("requests", 1, "deadline", today.AddDays(-21)), .. RowDate("requests", 1, "received", today.AddDays(-21)),
            .. Row("responses", 0, ("agency", "Police"), ("goodPractice", "An officer arranged a telephone interpreter at the first visit."),
                ("doneDifferently", "A relative interpreted at the second visit."), ("issuesOfNote", "No record of the family's preferred language.")),
        ]);
        await bm.AssertSavedAsync(saved);
        Assert.Equal("Family engagement", (await bm.AdvanceAsync(review)).CurrentStageTitle());

        // Family engagement, by the lead author: the impact on the family has not been discussed yet, so it cannot go on.
        using var lead = await app.SignedInAsAsync("lead@demo.example");
        KeyValuePair<string, string>[] family =
        [
            new("f.decision", "notInvolved"), new("f.meetingOffered", "yes"),
            new("f.notInvolvedReason", "The parents were offered a meeting with a lay member, with an interpreter, and chose not to take part."),
        ];
        saved = await lead.SaveStageAsync(review, "family", family);
        await lead.AssertSavedAsync(saved);
        var blocked = await lead.GetAsync($"/reviews/{review}");
        Assert.Equal(["Confirm 'The likely impact of the learning review on the family has been discussed with the professionals that continue to work with them.'"],
            blocked.Missing());
        Assert.False(blocked.OffersAdvance(review));
        saved = await lead.SaveStageAsync(review, "family", [new("checklist", "impactDiscussed"), .. family]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("Review of the background information", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // The lead author reviews the background, consults a practitioner and reads the interpreting policy.
        saved = await lead.SaveStageAsync(review, "background",
        [
            new("f.backgroundReview", "Interpreters were booked for planned meetings but not for home visits at short notice."),
            new("f.furtherActivities", "consultation"), new("f.furtherActivities", "records"),
            new("f.consulted", people["practitioner@demo.example"]),
            .. Row("consultation", 0, ("role", "Social worker, Children's Social Care")), .. RowDate("consultation", 0, "on", today.AddDays(-14)),
            .. Row("consultation", 0, ("summary", "Booking an interpreter took two days, so urgent visits went ahead without one.")),
            .. Row("documentsReviewed", 0, ("document", "Interpreting and translation policy"), ("agency", "Children's Social Care"),
                ("notes", "Allows a relative to interpret in an emergency, with no definition of an emergency.")),
        ]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("Learning Review Outcomes Form", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // The outcomes form, by the lead author.
        saved = await lead.SaveStageAsync(review, "outcomes",
        [
            new("f.familyDetails", "Family D: two children under ten; the parents speak little English."),
            new("f.howUndertaken", "A review of agency records and policy, and a consultation with the social worker."),
            new("f.contributors", "Children's Social Care and Police."), .. WorkflowClient.Date("undertakenOn", today.AddDays(-14)),
            new("f.synopsis", "Two child protection visits took place without a professional interpreter."),
            new("f.findings", "Urgent visits go ahead without interpreters because booking takes too long."),
            .. LearningPoint(0, "Never use a family member to interpret at a child protection visit"),
            new("f.background", "Family D moved to the area a year ago and was referred by the school."),
            new("f.strengths", "Planned meetings always had a professional interpreter."),
            new("f.doBetter", "Record a family's language at referral and arrange same-day interpreting."),
            .. Action(0, "Set up a same-day telephone interpreting line for child protection visits", "Sam Mitchell", today.AddDays(45),
                "Share of urgent visits with a professional interpreter"),
            new("f.dissemination", "A learning bulletin and an update to the interpreting policy."),
            new("f.familyDecisions", "The family were told of the review through an interpreter and chose not to take part."),
        ]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("Draft circulated for comment", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        saved = await lead.SaveStageAsync(review, "comment",
        [
            .. WorkflowClient.Date("circulatedOn", today.AddDays(-10)), .. WorkflowClient.Date("finalSentOn", today.AddDays(-3)),
            new("f.comments", "Police asked that the bulletin also reach response officers; agreed."),
        ]);
        await lead.AssertSavedAsync(saved);
        await lead.FinaliseOutcomesFormAsync(review);
        Assert.Equal("Action plan and dissemination", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // The subgroup agrees the action plan; the Business Manager records the publication decision.
        saved = await subgroup.SaveStageAsync(review, "actionPlan",
        [
            new("checklist", "measuresImpact"), .. WorkflowClient.Date("discussedOn", today.AddDays(-1)),
            new("f.implementation", "bulletins"), new("f.implementation", "policies"),
        ]);
        await subgroup.AssertSavedAsync(saved);
        Assert.Equal("Publication decision", (await subgroup.AdvanceAsync(review)).CurrentStageTitle());
        saved = await bm.SaveStageAsync(review, "publication",
        [
            new("f.decision", "notPublished"), new("f.risksAndBenefits", "The family is small and identifiable in its community; the learning goes out in the bulletin."),
            .. WorkflowClient.Date("decidedOn", today),
        ]);
        await bm.AssertSavedAsync(saved);
        Assert.Contains("is closed", (await bm.AdvanceAsync(review)).Text, StringComparison.Ordinal);

        var (status, transitions, points, actions) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == review).Select(r => r.Status).SingleAsync(),
            await db.Transitions.Where(t => t.ReviewId == review).OrderBy(t => t.OccurredAt).Select(t => t.Kind).ToListAsync(),
            await db.LearningPoints.CountAsync(p => p.ReviewId == review),
            await db.Actions.Where(a => a.ReviewId == review).Select(a => a.OwnerName).ToListAsync()));
        Assert.Equal(ReviewStatus.Closed, status);
        Assert.Equal([TransitionKind.Started, .. Enumerable.Repeat(TransitionKind.Advanced, 7), TransitionKind.Closed], transitions);
        Assert.Equal(1, points);
        Assert.Equal(["Sam Mitchell"], actions);
    }
}
