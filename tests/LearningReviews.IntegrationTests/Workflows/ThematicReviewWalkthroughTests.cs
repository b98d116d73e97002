using System.Net;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Workflows.WorkflowClientB;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>A Thematic Review of three families from commissioning to closure, over HTTP, as the people who act at each stage.</summary>
public sealed class ThematicReviewWalkthroughTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_thematic_review_of_several_families_runs_from_commissioning_to_closure(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var north = await app.LocalityIdAsync("North Locality");
        var people = await app.UserIdsAsync("lead@demo.example", "subgroup@demo.example", "agency@demo.example", "practitioner@demo.example", "tm@demo.example");
        var today = app.Today;

        // The Business Manager starts it for three families: the first label, then the others one per line.
        var review = await bm.StartReviewAsync("thematic-review",
        [
            new("CaseLabel", "Family A"), new("OtherCaseLabels", "Family B\nFamily C"), new("LocalityId", north.ToString()),
            new("Reason", "serviceImprovement"),
            new("ReasonDetail", "Three families with pre-school children where parental alcohol misuse and neglect were known to several agencies."),
        ]);
        var started = await bm.GetAsync($"/reviews/{review}");
        Assert.Equal("Commissioning by the Learning and Improvement group", started.CurrentStageTitle());
        Assert.Contains("Children and families", started.Text, StringComparison.Ordinal);
        using var lead = await app.SignedInAsAsync("lead@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/reviews/{review}")).Status); // not chosen yet

        // Commissioning, by the Learning and Improvement Subgroup: saved before an author is named, it cannot go on.
        using var subgroup = await app.SignedInAsAsync("subgroup@demo.example");
        KeyValuePair<string, string>[] commissioning =
        [
            new("checklist", "authorIndependent"), new("checklist", "subgroupAgreed"), .. WorkflowClient.Date("agreedOn", today.AddDays(-56)),
            new("f.scope", "Neglect of pre-school children where a parent misuses alcohol: how agencies recognised cumulative neglect and acted on it together."),
            .. Row("kloe", 0, ("kloe", "How did agencies recognise and share concerns about cumulative neglect?")),
            .. Row("kloe", 1, ("kloe", "How was the child's lived experience understood when a parent was intoxicated?")),
            .. Row("kloe", 2, ("kloe", "How well did escalation work between health visiting and early help?")),
            .. WorkflowClient.Date("informationDeadline", today.AddDays(-28)), .. WorkflowClient.Date("reportDeadline", today.AddDays(14)),
            new("f.publicationRisks", "A summary of the key findings could be published; the families live close together, so no family detail should be."),
        ];
        var saved = await subgroup.SaveStageAsync(review, "commissioning", commissioning);
        await subgroup.AssertSavedAsync(saved);
        var blocked = await subgroup.GetAsync($"/reviews/{review}");
        // One line for the one thing missing: the lead author chosen here is the one the participants gate counts.
        Assert.Equal(["Answer 'Independent lead author'"], blocked.Missing());
        Assert.False(blocked.OffersAdvance(review));
        saved = await subgroup.SaveStageAsync(review, "commissioning", [.. commissioning, new("f.leadAuthor", people["lead@demo.example"])]);
        await subgroup.AssertSavedAsync(saved);
        Assert.Equal("Themes, families and agencies", (await subgroup.AdvanceAsync(review)).CurrentStageTitle());

        // Scoping, by the lead author, who may now see and act on the review: themes, how the families differ, agencies.
        saved = await lead.SaveStageAsync(review, "scoping",
        [
            new("checklist", "dpoAdvice"),
            .. Row("themes", 0, ("theme", "Recognising cumulative neglect")),
            .. Row("themes", 1, ("theme", "Parental alcohol misuse and the child's lived experience")),
            .. Row("themes", 2, ("theme", "Escalation between agencies")),
            .. Row("differences", 0, ("case", "Family A"), ("differences", "Two children under five; known to early help only.")),
            .. Row("differences", 1, ("case", "Family B"), ("differences", "Child protection plan for neglect; three house moves in a year.")),
            .. Row("differences", 2, ("case", "Family C"), ("differences", "Kinship carer involved; school raised attendance and hygiene.")),
            .. Row("agencies", 0, ("agency", "Children's Social Care")), .. RowDate("agencies", 0, "confirmedOn", today.AddDays(-50)),
            .. Row("agencies", 1, ("agency", "Health")), .. RowDate("agencies", 1, "confirmedOn", today.AddDays(-50)),
            .. Row("agencies", 2, ("agency", "Police")), .. RowDate("agencies", 2, "confirmedOn", today.AddDays(-49)),
            new("f.activities", "analysis"), new("f.activities", "practitionerEvent"), new("f.activities", "interviews"),
            new("f.confidentiality", "Each family is referred to by its label only; agencies answer for each family separately and see only the combined themes."),
        ]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("Information gathering", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // Information gathering, co-ordinated by the Business Manager: requests to each agency and what they identified.
        saved = await bm.SaveStageAsync(review, "information",
        [
            new("checklist", "reasonsGiven"), new("checklist", "timescaleGiven"),
            new("f.agencyRepresentatives", people["agency@demo.example"]), .. WorkflowClient.Date("briefingOn", today.AddDays(-48)),
            .. Row("requests", 0, ("agency", "Children's Social Care")), .. RowDate("requests", 0, "sent", today.AddDays(-47)),
            .. RowDate("requests", 0, "deadline", today.AddDays(-28)), .. RowDate("requests", 0, "received", today.AddDays(-30)),
            .. Row("requests", 1, ("agency", "Health")), .. RowDate("requests", 1, "sent", today.AddDays(-47)),
            .. RowDate("requests", 1, "deadline", today.AddDays(-28)), .. RowDate("requests", 1, "received", today.AddDays(-29)),
            .. Row("requests", 2, ("agency", "Police")), .. RowDate("requests", 2, "sent", today.AddDays(-47)),
            .. RowDate("requests", 2, "deadline", today.AddDays(-28)), .. RowDate("requests", 2, "received", today.AddDays(-28)),
            .. Row("responses", 0, ("agency", "Health"), ("goodPractice", "Health visitors kept seeing the children at home."),
                ("doneDifferently", "Missed appointments were not shared with early help."), ("issuesOfNote", "Two GP practices held records for Family B.")),
            .. Row("responses", 1, ("agency", "Police"), ("goodPractice", "Domestic incident notifications were sent within a day."),
                ("doneDifferently", "Children present at incidents were not always named."), ("issuesOfNote", "None.")),
        ]);
        await bm.AssertSavedAsync(saved);
        Assert.Equal("Family engagement", (await bm.AdvanceAsync(review)).CurrentStageTitle());

        // Family engagement: the lead author records the decision and names a lay member; the lay member records the meeting.
        KeyValuePair<string, string>[] family =
        [
            new("checklist", "impactDiscussed"), new("f.decision", "involve"), new("f.meetingOffered", "yes"),
            new("f.layMember", people["subgroup@demo.example"]),
        ];
        saved = await lead.SaveStageAsync(review, "family", family);
        await lead.AssertSavedAsync(saved);
        saved = await subgroup.SaveStageAsync(review, "family",
        [
            .. family, .. WorkflowClient.Date("meetingOn", today.AddDays(-35)),
            new("f.areasExplored", "helpedMost"), new("f.areasExplored", "childListened"), new("f.areasExplored", "doneDifferently"),
            new("f.familyViews", "Family A valued the health visitor who kept coming back. Family B felt nobody asked the children how home was. Family C's carer declined to meet."),
        ]);
        await subgroup.AssertSavedAsync(saved);
        Assert.Equal("Review activities", (await subgroup.AdvanceAsync(review)).CurrentStageTitle());

        // Review activities, by the lead author: analysis, a practitioner event, interviews.
        saved = await lead.SaveStageAsync(review, "activities",
        [
            new("f.analysis", "In all three families concerns were known to more than one agency, but no agency held the whole picture."),
            .. WorkflowClient.DateTime("practitionerEventAt", today.AddDays(-30), "10:00"),
            new("f.practitioners", people["practitioner@demo.example"]), new("f.practitioners", people["tm@demo.example"]),
            .. Row("interviews", 0, ("role", "Health visitor, Health")), .. RowDate("interviews", 0, "on", today.AddDays(-32)),
            .. Row("interviews", 0, ("perspective", "Caseloads made it hard to follow up missed appointments.")),
            .. Row("agencyAudits", 0, ("agency", "Children's Social Care"), ("audit", "Neglect toolkit audit"), ("findings", "The toolkit was used in one case of three.")),
            new("f.summary", "Cumulative neglect was seen in pieces. Escalation worked when practitioners knew each other and stalled when they did not."),
        ]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("Learning Review Outcomes Form", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // The outcomes form, completed by the lead author: two key learning points and two SMART recommendations.
        saved = await lead.SaveStageAsync(review, "outcomes",
        [
            new("f.familyDetails", "Family A, Family B and Family C: pre-school children, a parent misusing alcohol, known to several agencies."),
            new("f.howUndertaken", "Analysis of agency information, a practitioner event and interviews with practitioners."),
            new("f.contributors", "Practitioners and managers from Children's Social Care, Health and Police."),
            .. WorkflowClient.Date("undertakenOn", today.AddDays(-30)),
            new("f.synopsis", "Three families where neglect built up over time while each agency saw only part of it."),
            new("f.findings", "Agencies recognise single incidents well but not the build-up of neglect; escalation depends on relationships."),
            .. LearningPoint(0, "Share missed health appointments with early help when a parent misuses alcohol"),
            .. LearningPoint(1, "Use the neglect toolkit whenever concerns come from more than one agency"),
            new("f.background", "Each family was known to health visiting, and two to Police through domestic incidents."),
            new("f.strengths", "Health visitors persisted in seeing the children; Police notifications were prompt."),
            new("f.doBetter", "Name the children present at incidents; bring agencies together earlier."),
            new("f.broaderLearning", "Echoes national learning on cumulative neglect."),
            .. Action(0, "Add alcohol misuse prompts to the neglect toolkit", "Sam Mitchell", today.AddDays(60), "Toolkit use in the next audit"),
            .. Action(1, "Share missed appointments with early help weekly", "Health safeguarding lead", today.AddDays(90), "Audit of ten cases"),
            new("f.dissemination", "A learning bulletin and a briefing at each agency's team meetings."),
            new("f.familyDecisions", "Families A and B met a lay member; Family C declined. Publication of family detail was ruled out."),
        ]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("Draft circulated for comment", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // The draft goes out for comment and the final copy to the subgroup.
        saved = await lead.SaveStageAsync(review, "comment",
        [
            .. WorkflowClient.Date("circulatedOn", today.AddDays(-20)), .. WorkflowClient.Date("commentsBy", today.AddDays(-10)),
            new("f.comments", "Health asked for the second recommendation to name its safeguarding lead; done."),
            .. WorkflowClient.Date("finalSentOn", today.AddDays(-7)),
        ]);
        await lead.AssertSavedAsync(saved);
        await lead.FinaliseOutcomesFormAsync(review);
        Assert.Equal("Action plan and dissemination", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // The subgroup agrees the action plan, then the Business Manager records the publication decision.
        saved = await subgroup.SaveStageAsync(review, "actionPlan",
        [
            new("checklist", "measuresImpact"), .. WorkflowClient.Date("discussedOn", today.AddDays(-3)),
            new("f.implementation", "bulletins"), new("f.implementation", "training"), new("f.implementation", "supervision"),
            new("f.partnershipActivity", "A multi-agency workshop on cumulative neglect."), new("f.themes", "Neglect; parental alcohol misuse"),
        ]);
        await subgroup.AssertSavedAsync(saved);
        Assert.Equal("Publication decision", (await subgroup.AdvanceAsync(review)).CurrentStageTitle());
        saved = await bm.SaveStageAsync(review, "publication",
        [
            new("f.decision", "summary"), new("f.risksAndBenefits", "A summary spreads the learning; the whole report could identify the families."),
            .. WorkflowClient.Date("decidedOn", today),
        ]);
        await bm.AssertSavedAsync(saved);
        Assert.Contains("is closed", (await bm.AdvanceAsync(review)).Text, StringComparison.Ordinal);

        var (status, transitions, points, actions, cases) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == review).Select(r => r.Status).SingleAsync(),
            await db.Transitions.Where(t => t.ReviewId == review).OrderBy(t => t.OccurredAt).Select(t => t.Kind).ToListAsync(),
            await db.LearningPoints.CountAsync(p => p.ReviewId == review),
            await db.Actions.Where(a => a.ReviewId == review).OrderBy(a => a.DueDate).Select(a => a.OwnerName).ToListAsync(),
            await db.ReviewCases.Where(c => c.ReviewId == review).Select(c => c.Case!.Label).OrderBy(l => l).ToListAsync()));
        Assert.Equal(ReviewStatus.Closed, status);
        Assert.Equal([TransitionKind.Started, .. Enumerable.Repeat(TransitionKind.Advanced, 8), TransitionKind.Closed], transitions);
        Assert.Equal(2, points);
        Assert.Equal(["Sam Mitchell", "Health safeguarding lead"], actions);
        Assert.Equal(["Family A", "Family B", "Family C"], cases);
    }
}
