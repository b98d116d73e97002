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

/// <summary>
/// A Practitioner Learning Review held as an appreciative enquiry, from commissioning to closure, over
/// HTTP, as the people who act at each stage, with the draft circulated for comment before its due date.
/// </summary>
public sealed class PractitionerLearningReviewWalkthroughTests
{
    private const string DeadlineTitle = "Final copy due";

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_practitioner_learning_review_runs_as_an_appreciative_enquiry_from_commissioning_to_closure(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var north = await app.LocalityIdAsync("North Locality");
        var people = await app.UserIdsAsync("lead@demo.example", "agency@demo.example", "practitioner@demo.example", "tm@demo.example");
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var today = app.Today;
        var reportDeadline = today.AddDays(14);

        // The Business Manager starts it to learn from good practice.
        var review = await bm.StartReviewAsync("practitioner-learning-review",
        [
            new("CaseLabel", "Child F"), new("OtherCaseLabels", ""), new("LocalityId", north.ToString()), new("Reason", "goodPractice"),
            new("ReasonDetail", "A baby born to a parent with a learning disability stayed safely at home with a multi-agency plan that worked well."),
        ]);
        Assert.Equal("Commissioning by the Learning and Improvement group", (await bm.GetAsync($"/reviews/{review}")).CurrentStageTitle());
        using var lead = await app.SignedInAsAsync("lead@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/reviews/{review}")).Status); // not chosen yet

        // Commissioning, by the Learning and Improvement Subgroup: to explore good practice, as an appreciative enquiry.
        using var subgroup = await app.SignedInAsAsync("subgroup@demo.example");
        var saved = await subgroup.SaveStageAsync(review, "commissioning",
        [
            new("checklist", "authorIndependent"), .. WorkflowClient.Date("agreedOn", today.AddDays(-70)),
            new("f.scope", "What helped agencies support a parent with a learning disability to care safely for a new baby."),
            .. Row("kloe", 0, ("kloe", "How was the pre-birth assessment adapted to the parent's learning needs?")),
            .. Row("kloe", 1, ("kloe", "What made the multi-agency plan work, and how did agencies keep it going?")),
            new("f.appreciativeEnquiry", "yes"),
            .. WorkflowClient.Date("informationDeadline", today.AddDays(-49)), .. WorkflowClient.Date("reportDeadline", reportDeadline),
            new("f.leadAuthor", people["lead@demo.example"]),
            new("f.publicationRisks", "Publishing the good practice helps other areas; the family's circumstances are unusual, so only a summary."),
        ]);
        var check = await subgroup.AssertSavedAsync(saved);
        Assert.Equal("Yes", Answer(check, "Will the model of an appreciative enquiry be used?"));
        Assert.Equal("Information gathering", (await subgroup.AdvanceAsync(review)).CurrentStageTitle());

        // Information gathering, co-ordinated by the Business Manager, who names the agency representative.
        saved = await bm.SaveStageAsync(review, "information",
        [
            new("checklist", "reasonsGiven"), new("checklist", "timescaleGiven"), new("f.agencyRepresentatives", people["agency@demo.example"]),
            .. WorkflowClient.Date("briefingOn", today.AddDays(-63)),
            .. Row("requests", 0, ("agency", "Health")), .. RowDate("requests", 0, "sent", today.AddDays(-62)),
            .. RowDate("requests", 0, "deadline", today.AddDays(-49)), .. RowDate("requests", 0, "received", today.AddDays(-50)),
            .. Row("requests", 1, ("agency", "Children's Social Care")), .. RowDate("requests", 1, "sent", today.AddDays(-62)),
            .. RowDate("requests", 1, "deadline", today.AddDays(-49)), .. RowDate("requests", 1, "received", today.AddDays(-49)),
            .. Row("responses", 0, ("agency", "Health"), ("goodPractice", "The midwife used pictures and short visits to explain feeding and safe sleep."),
                ("doneDifferently", "The first appointment letters were not in easy read."), ("issuesOfNote", "None.")),
        ]);
        await bm.AssertSavedAsync(saved);
        Assert.Equal("Family engagement", (await bm.AdvanceAsync(review)).CurrentStageTitle());

        // Family engagement, by the lead author: the parent chose to take part.
        saved = await lead.SaveStageAsync(review, "family",
        [
            new("checklist", "impactDiscussed"), new("f.decision", "involve"), new("f.meetingOffered", "yes"),
            .. WorkflowClient.Date("meetingOn", today.AddDays(-40)), new("f.areasExplored", "helpedMost"), new("f.areasExplored", "recommendations"),
            new("f.familyViews", "Child F's parent said the same worker coming each week, and being shown rather than told, made the difference."),
        ]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("Before the practitioner event", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // Before the event, by the lead author: with nobody invited yet, it cannot go on.
        KeyValuePair<string, string>[] planning =
        [
            new("checklist", "informationReviewed"), new("checklist", "toldWhy"), new("checklist", "toldWhatToExpect"), new("checklist", "offeredChair"),
            .. Row("eventKloe", 0, ("kloe", "What did you do differently because of the parent's learning disability?")),
            .. Row("eventKloe", 1, ("kloe", "What helped agencies keep to one plan?")),
            new("f.gaps", "Health and social care recorded different dates for the pre-birth conference; the minutes confirmed the earlier one."),
            new("f.staffLevel", "both"), new("f.venue", "Civic Centre, Room 2"),
            .. WorkflowClient.Date("agendaSentOn", today.AddDays(-30)),
        ];
        // The event was booked on the meetings page three weeks ago.
        await app.RecordEarlierMeetingAsync(review, MeetingKind.PractitionerEvent, today.AddDays(-21), new TimeOnly(9, 30));
        saved = await lead.SaveStageAsync(review, "planning", planning);
        await lead.AssertSavedAsync(saved);
        var blocked = await lead.GetAsync($"/reviews/{review}");
        // One line for the one thing missing: the invitees are the practitioners the participants gate counts.
        Assert.Equal(["Answer 'Staff invited to the event'"], blocked.Missing());
        Assert.False(blocked.OffersAdvance(review));
        saved = await lead.SaveStageAsync(review, "planning",
            [.. planning, new("f.invitees", people["practitioner@demo.example"]), new("f.invitees", people["tm@demo.example"])]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("The practitioner event", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // The event, chaired by the lead author.
        saved = await lead.SaveStageAsync(review, "event",
        [
            new("checklist", "respectOpinions"), new("checklist", "notBlame"), new("checklist", "notCarePlanning"),
            .. Row("attendance", 0, ("name", "Priya Shah"), ("agency", "Children's Social Care"), ("attended", "yes")),
            .. Row("attendance", 1, ("name", "Tariq Malik"), ("agency", "Children's Social Care"), ("attended", "yes")),
            .. Row("attendance", 2, ("name", "Community midwife"), ("agency", "Health"), ("attended", "yes")),
            new("f.reflectionsInvolvement", "Practitioners slowed their visits down and checked understanding by asking the parent to show them."),
            new("f.multiAgency", "One shared plan in plain language, reviewed every four weeks, kept everyone to the same messages."),
            new("f.contextualFactors", "An easy-read resource from the learning disability team was available and used."),
            new("f.supervision", "The social worker had fortnightly supervision with a manager who knew the case."),
            new("f.practitionerLearning", "Adapting how information is given matters more than how much is given."),
            new("f.familyViews", "The parent's view, shared by the lay member, matched what practitioners described."),
        ]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal("Learning Review Outcomes Form", (await lead.AdvanceAsync(review)).CurrentStageTitle());

        // The outcomes form, by the lead author.
        saved = await lead.SaveStageAsync(review, "outcomes",
        [
            new("f.familyDetails", "Child F, a baby, and a parent with a learning disability."),
            new("f.howUndertaken", "A practitioner event held as an appreciative enquiry, after agency information was gathered."),
            new("f.contributors", "Practitioners and managers from Children's Social Care and Health, and the parent through a lay member."),
            .. WorkflowClient.Date("undertakenOn", today.AddDays(-21)),
            new("f.synopsis", "Agencies worked together from before birth so that a parent with a learning disability could care for Child F safely."),
            new("f.findings", "Adapted communication and a single plain-language plan made the difference."),
            .. LearningPoint(0, "Adapt how information is given to a parent's learning needs, and check understanding by showing"),
            .. LearningPoint(1, "Keep one plain-language multi-agency plan that the parent holds too"),
            new("f.background", "The parent was known to the adult learning disability team; the pregnancy was identified at twenty weeks."),
            new("f.strengths", "Early pre-birth planning, consistent workers and easy-read resources."),
            new("f.doBetter", "Send first appointment letters in easy read."),
            new("f.broaderLearning", "Consistent with national guidance on supporting parents with learning disabilities."),
            .. Action(0, "Make easy-read appointment letters the default for parents known to the learning disability team", "Health safeguarding lead",
                today.AddDays(60), "Letters audited in three months"),
            new("f.dissemination", "A seven-minute briefing and a practice example for the multi-agency training programme."),
            new("f.familyDecisions", "The parent took part through a lay member and agreed that a summary could be published."),
        ]);
        await lead.AssertSavedAsync(saved);
        var page = await lead.AdvanceAsync(review);
        Assert.Equal("Draft circulated for comment", page.CurrentStageTitle());

        // The draft circulated for comment shows when the final copy is due.
        var expected = $"{DeadlineTitle}: {reportDeadline.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} "
                       + $"{calendar.WorkingDaysBetween(today, reportDeadline)} working days left";
        Assert.Equal(expected, page.Deadline(DeadlineTitle));
        saved = await lead.SaveStageAsync(review, "comment",
        [
            .. WorkflowClient.Date("circulatedOn", today.AddDays(-10)), .. WorkflowClient.Date("commentsBy", today.AddDays(-3)),
            new("f.comments", "Health asked that the action name its safeguarding lead; the parent asked for an easy-read copy. Both done."),
            .. WorkflowClient.Date("finalSentOn", today.AddDays(-1)),
        ]);
        await lead.AssertSavedAsync(saved);
        Assert.Equal(expected, (await lead.GetAsync($"/reviews/{review}")).Deadline(DeadlineTitle));
        // The stage waits for the Outcomes Form to be made final.
        var waiting = await lead.GetAsync($"/reviews/{review}");
        Assert.Contains(waiting.Html.QuerySelectorAll(".app-missing li"), li => li.TextContent.Trim() == "Make the Learning Review Outcomes Form final");
        Assert.Null(waiting.Html.QuerySelector($"form[action='/reviews/{review}/advance']"));
        await lead.FinaliseOutcomesFormAsync(review);
        page = await lead.AdvanceAsync(review);
        Assert.Equal("Action plan and dissemination", page.CurrentStageTitle());
        Assert.Null(page.Deadline(DeadlineTitle));

        // The subgroup agrees the action plan; the Business Manager records the publication decision.
        saved = await subgroup.SaveStageAsync(review, "actionPlan",
        [
            new("checklist", "measuresImpact"), .. WorkflowClient.Date("discussedOn", today),
            new("f.implementation", "bulletins"), new("f.implementation", "training"),
            new("f.partnershipActivity", "The practice example joins the multi-agency course on parenting and learning disability."),
        ]);
        await subgroup.AssertSavedAsync(saved);
        Assert.Equal("Publication decision", (await subgroup.AdvanceAsync(review)).CurrentStageTitle());
        saved = await bm.SaveStageAsync(review, "publication",
        [
            new("f.decision", "summary"), new("f.risksAndBenefits", "A summary shares good practice; the parent agreed to it, and no family detail is included."),
            .. WorkflowClient.Date("decidedOn", today),
        ]);
        await bm.AssertSavedAsync(saved);
        Assert.Contains("is closed", (await bm.AdvanceAsync(review)).Text, StringComparison.Ordinal);

        var (status, transitions, points, actions, practitioners) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == review).Select(r => r.Status).SingleAsync(),
            await db.Transitions.Where(t => t.ReviewId == review).OrderBy(t => t.OccurredAt).Select(t => t.Kind).ToListAsync(),
            await db.LearningPoints.CountAsync(p => p.ReviewId == review),
            await db.Actions.Where(a => a.ReviewId == review).Select(a => a.OwnerName).ToListAsync(),
            await db.Participants.CountAsync(p => p.ReviewId == review && p.Role == ReviewRole.Practitioner)));
        Assert.Equal(ReviewStatus.Closed, status);
        Assert.Equal([TransitionKind.Started, .. Enumerable.Repeat(TransitionKind.Advanced, 8), TransitionKind.Closed], transitions);
        Assert.Equal(2, points);
        Assert.Equal(["Health safeguarding lead"], actions);
        Assert.Equal(2, practitioners);
    }

    /// <summary>What the check-answers page shows for the field labelled <paramref name="label"/>.</summary>
    private static string? Answer(TestBrowser.Page check, string label) =>
        check.Html.QuerySelectorAll(".govuk-summary-list__row")
            .FirstOrDefault(r => r.QuerySelector("dt")!.TextContent.Trim() == label)?.QuerySelector("dd")!.TextContent.Trim();
}
