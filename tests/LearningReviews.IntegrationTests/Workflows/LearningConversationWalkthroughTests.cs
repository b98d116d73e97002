using System.Net;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Workflows.WorkflowClientB;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>A Learning Conversation from its request to the follow-up, over HTTP, as the people who act at each stage.</summary>
public sealed class LearningConversationWalkthroughTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_learning_conversation_runs_from_request_to_closure_led_by_an_independent_facilitator(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var north = await app.LocalityIdAsync("North Locality");
        var people = await app.UserIdsAsync("facilitator@demo.example", "practitioner@demo.example", "agency@demo.example", "tm@demo.example");
        var today = app.Today;

        // The Team Manager starts it because the plan is not progressing.
        var review = await tm.StartReviewAsync("learning-conversation",
        [
            new("CaseLabel", "Child L"), new("LocalityId", north.ToString()), new("Reason", "planNotProgressing"),
            new("ReasonDetail", "The Child in Need plan for Child L has not moved on in three meetings; school attendance is still below 70%."),
        ]);
        Assert.Equal("Request", (await tm.GetAsync($"/reviews/{review}")).CurrentStageTitle());
        using var facilitator = await app.SignedInAsAsync("facilitator@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.GetAsync($"/reviews/{review}")).Status); // not chosen yet

        // Request, by the Team Manager: agreed at the Child in Need meeting, with the family told first.
        var saved = await tm.SaveStageAsync(review, "request",
        [
            new("checklist", "talk"), new("checklist", "questions"), new("checklist", "views"), new("checklist", "whatNext"),
            new("f.process", "cin"), .. WorkflowClient.Date("agreedOn", today.AddDays(-21)),
            new("f.why", "planNotProgressing"), new("f.why", "unmetActions"),
            .. WorkflowClient.Date("familyAwareOn", today.AddDays(-20)), new("f.familyAwareBy", "Priya Shah, social worker"),
        ]);
        await tm.AssertSavedAsync(saved);
        // The Team Manager prepares the conversation too, so "Complete stage and continue" takes them straight to that form.
        var moved = await tm.PressCompleteStageAsync(review);
        Assert.Equal($"/reviews/{review}/stages/preparation", moved.Location);
        var preparationForm = await tm.FollowAsync(moved);
        Assert.Equal("Preparation", preparationForm.H1);
        Assert.Contains("Request is complete. Next: Preparation.", preparationForm.Text, StringComparison.Ordinal);
        Assert.Equal("Preparation", (await tm.GetAsync($"/reviews/{review}")).CurrentStageTitle());

        // Preparation, by the Team Manager: a facilitator who is also one of the professionals involved is not independent,
        // and neither is the person who requested the conversation. Both are refused when the form is saved, with the choice kept.
        KeyValuePair<string, string>[] preparation =
        [
            new("f.professionals", people["practitioner@demo.example"]), new("f.professionals", people["agency@demo.example"]),
            new("f.viewsGathered", "yes"),
            new("f.childFamilyViews", "Child L said school feels too loud and that mornings at home are rushed. Mum wants help with the morning routine and feels blamed for the absences."),
        ];
        // The conversation itself is booked on the meetings page (early this morning, so it has been held by the next stage).
        await tm.BookMeetingAsync(review, "LearningConversation", today, "00:00");
        var refusedChoice = await tm.SaveStageAsync(review, "preparation", [.. preparation, new("f.facilitator", people["practitioner@demo.example"])]);
        Assert.Equal(HttpStatusCode.OK, refusedChoice.Status);
        Assert.Contains("The independent facilitator cannot be Priya Shah, who is one of the professionals involved with the family", refusedChoice.ErrorSummary, StringComparison.Ordinal);
        Assert.NotNull(refusedChoice.Html.QuerySelector($"input[name='f.facilitator'][value='{people["practitioner@demo.example"]}'][checked]"));
        refusedChoice = await tm.SaveStageAsync(review, "preparation", [.. preparation, new("f.facilitator", people["tm@demo.example"])]);
        Assert.Equal(HttpStatusCode.OK, refusedChoice.Status);
        Assert.Contains("The independent facilitator cannot be Tariq Malik, who requested the learning conversation", refusedChoice.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.ReviewId == review && p.Role == ReviewRole.Facilitator)));
        Assert.Contains("Answer 'Independent facilitator'", (await tm.GetAsync($"/reviews/{review}")).Missing());

        // The Team Manager chooses an independent facilitator instead, who may then see the review.
        saved = await tm.SaveStageAsync(review, "preparation", [.. preparation, new("f.facilitator", people["facilitator@demo.example"])]);
        await tm.AssertSavedAsync(saved);
        // The conversation is the facilitator's: the Team Manager goes back to the review page.
        moved = await tm.PressCompleteStageAsync(review);
        Assert.Equal($"/reviews/{review}", moved.Location);
        Assert.Equal("Learning conversation", (await tm.FollowAsync(moved)).CurrentStageTitle());

        // The conversation is the facilitator's alone: the Team Manager who started the review cannot act at it.
        var asTm = await tm.GetAsync($"/reviews/{review}");
        Assert.Equal(HttpStatusCode.OK, asTm.Status);
        Assert.False(asTm.OffersAdvance(review));
        Assert.Null(asTm.Html.QuerySelector("input[name=reviewToken]"));
        var form = await tm.GetAsync($"/reviews/{review}/stages/conversation");
        var refused = await tm.PostAsync($"/reviews/{review}/stages/conversation",
            [.. Conversation(), new("recordToken", Guid.Empty.ToString())], form.AntiforgeryToken());
        Assert.True(refused.IsRedirect && refused.Location!.Contains("access-denied", StringComparison.Ordinal), $"{(int)refused.Status} {refused.Location}");

        // The facilitator records the conversation: two learning points are not the three it asks for.
        saved = await facilitator.SaveStageAsync(review, "conversation",
        [
            .. Conversation(),
            .. LearningPoint(0, "Agree one morning routine plan with Child L's mum rather than separate advice from each agency"),
            .. LearningPoint(1, "Ask Child L directly what makes school hard before setting attendance targets"),
        ]);
        await facilitator.AssertSavedAsync(saved);
        var blocked = await facilitator.GetAsync($"/reviews/{review}");
        Assert.Equal(["Record exactly three learning points"], blocked.Missing());
        Assert.False(blocked.OffersAdvance(review));

        // The third learning point is added alongside the two saved ones, and the conversation is complete.
        var first = await facilitator.StageFormValueAsync(review, "conversation", "lp[0].id");
        var second = await facilitator.StageFormValueAsync(review, "conversation", "lp[1].id");
        Assert.True(Guid.TryParse(first, out _) && Guid.TryParse(second, out _), "The saved learning points are shown with their ids");
        saved = await facilitator.SaveStageAsync(review, "conversation",
        [
            .. Conversation(),
            new("lp[0].id", first), new("lp[0].text", "Agree one morning routine plan with Child L's mum rather than separate advice from each agency"),
            new("lp[1].id", second), new("lp[1].text", "Ask Child L directly what makes school hard before setting attendance targets"),
            .. LearningPoint(2, "Share the school's sensory assessment with health and early help before the next review"),
        ]);
        await facilitator.AssertSavedAsync(saved);
        Assert.Equal("Follow-up", (await facilitator.AdvanceAsync(review)).CurrentStageTitle());

        // Follow-up, by the Team Manager: the changes to the plan are shared with Child L and the family.
        saved = await tm.SaveStageAsync(review, "followUp",
        [
            new("f.planChanges", "A single morning routine plan agreed with Mum; a quiet start at school for Child L; health to review sleep."),
            .. WorkflowClient.Date("sharedOn", today), new("f.sharedBy", "Priya Shah"),
            new("f.differenceMade", "Child L knows who to go to at school and Mum has one plan to follow instead of three."),
        ]);
        await tm.AssertSavedAsync(saved);
        // Closing the review lands on the review page, whoever closes it.
        moved = await tm.PressCompleteStageAsync(review);
        Assert.Equal($"/reviews/{review}", moved.Location);
        Assert.Contains("is closed", (await tm.FollowAsync(moved)).Text, StringComparison.Ordinal);

        var (status, transitions, points, actions, facilitators) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == review).Select(r => r.Status).SingleAsync(),
            await db.Transitions.Where(t => t.ReviewId == review).OrderBy(t => t.OccurredAt).Select(t => t.Kind).ToListAsync(),
            await db.LearningPoints.Where(p => p.ReviewId == review).OrderBy(p => p.Position).Select(p => p.Id).ToListAsync(),
            await db.Actions.Where(a => a.ReviewId == review).Select(a => a.Source).ToListAsync(),
            await db.Participants.Where(p => p.ReviewId == review && p.Role == ReviewRole.Facilitator).Select(p => p.UserId).ToListAsync()));
        Assert.Equal(ReviewStatus.Closed, status);
        Assert.Equal([TransitionKind.Started, TransitionKind.Advanced, TransitionKind.Advanced, TransitionKind.Advanced, TransitionKind.Closed], transitions);
        Assert.Equal(3, points.Count);
        Assert.Equal([Guid.Parse(first), Guid.Parse(second)], points.Take(2)); // the first two kept, not recreated
        // The changes to the plan are one action of the action plan (docs/action-plans.md).
        Assert.Equal([ActionSource.LearningConversationPlanChange], actions);
        Assert.Equal(people["facilitator@demo.example"], Assert.Single(facilitators));
    }

    /// <summary>The facilitator's answers to the conversation's prompts (its learning points are added separately).</summary>
    private static KeyValuePair<string, string>[] Conversation() =>
    [
        new("f.whyHere", "To understand why Child L's plan has not progressed and what would help Child L get to school."),
        new("f.assessmentOverviews", "Social care: neglect concerns reduced but routines still chaotic. School: attendance 68%, Child L withdrawn in class. Health: poor sleep reported."),
        new("f.strengthsConcerns", "Strengths: warm relationship with Mum, Child L engages with the teaching assistant. Concerns: missed education and missed health appointments."),
        new("f.childSaying", "School is too loud and mornings are a rush; Child L likes the quiet room at lunchtime."),
        new("f.familySay", "Mum feels each agency tells her something different and that she is blamed for the absences."),
        new("f.challengeCuriosity", "We asked why sleep had not been raised at the Child in Need meetings; nobody had asked Child L about nights."),
        new("f.traumaInformed", "Seeing the absences as Child L's response to noise and change, not defiance, changed how we talked about attendance."),
        new("f.developmentAreas", "A shared plan across agencies; hearing Child L's voice directly."),
        new("f.whatElseEmerged", "Mum's own anxiety about school, which she has not had support for."),
        new("f.learntFromThis", "Separate advice from three agencies overwhelmed the family."),
        new("f.toolsUsed", "Graded care profile used once; a sensory assessment by school now needs to be considered."),
        new("f.affectedChange", "Not yet: attendance has been flat for three months."),
        new("f.addressRisk", "One lead professional to agree the morning routine with Mum and review it fortnightly."),
        new("f.challenges", "Different meeting cycles in school and health; Mum's work shifts."),
        new("f.motivationalInterviewing", "Start from what Mum wants for Child L and build the plan from her goals."),
        new("f.solutions", "Quiet start at school, a single routine plan, and a sleep review by the health visitor."),
        new("f.outcomesExpected", "Partly: neglect concerns reduced as hoped, attendance did not improve."),
        new("f.progressSoFar", "Home conditions better; Child L attends three days in five."),
        new("f.toolsTelling", "The graded care profile shows improvement in physical care but not in routines."),
        new("f.howProgress", "Put the routine plan and the quiet start in place before the next Child in Need meeting."),
        new("f.barriers", "Mum's confidence with school staff; capacity in the school's pastoral team."),
        new("f.risksChanged", "The risk of neglect has reduced; the risk of missed education remains."),
        new("f.planSmart", "Not yet: actions lacked owners and dates. The revised plan gives each one a named owner and a review date."),
        new("f.whatWorked", "Home visits by the same social worker worked; separate advice from each agency did not."),
        new("f.toolsAppropriate", "The graded care profile was used appropriately; a sensory assessment should have come earlier."),
        new("f.developPlan", "Goals in Mum's words, and a plan that expects setbacks without treating them as failure."),
        new("f.facilitatorSummary", "The group agreed that the plan stalled because agencies acted separately. One routine plan, Child L's voice and a sleep review are the next steps."),
        new("f.progressingNeeds", "Partly: physical care needs are being met; educational needs are not yet."),
        new("f.risksActioned", "Yes, each risk now has an action with an owner in the revised plan."),
        new("f.differenceMade", "Child L's view of school is now at the centre of the plan."),
    ];
}
