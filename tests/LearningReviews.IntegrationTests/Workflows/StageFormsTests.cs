using System.Net;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Workflows.WorkflowClientB;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>
/// Stage forms as a team fills them in: sections, the still-missing list, check your answers showing
/// what was typed, and the review page's wording once a review is closed.
/// </summary>
public sealed class StageFormsTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Check_your_answers_shows_each_chronology_row_as_typed_and_the_missing_list_says_each_thing_once(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var north = await app.LocalityIdAsync("North Locality");
        var started = await hol.SubmitAsync("/reviews/propose",
            [new("CaseLabel", "Child W"), new("LocalityId", north.ToString()), new("Reason", "turning-point"), new("ReasonDetail", "Moved school twice")]);
        var review = Guid.Parse(started.Location!.Split('/').Last());
        var today = app.Today;
        await hol.SaveStageAsync(review, "proposal", [.. WorkflowClient.Date("meetingDate", today), new("f.decision", "agreed")]);
        await hol.AdvanceAsync(review);

        // Nothing answered yet: one line for each of the eight questions, and no verdict on an answer not given.
        var before = await hol.GetAsync($"/reviews/{review}");
        var missing = before.Missing();
        Assert.Equal(8, missing.Count);
        // The circle is asked for as a booking, the chronology as an upload (or rows typed); the rest as answers.
        Assert.Contains("Book the learning circle", missing);
        Assert.Contains("Upload the chronology to the review's documents, or record 'Chronology of key events'", missing);
        Assert.All(missing.Where(line => !line.StartsWith("Book", StringComparison.Ordinal) && !line.StartsWith("Upload", StringComparison.Ordinal)),
            line => Assert.StartsWith("Answer '", line, StringComparison.Ordinal));
        Assert.DoesNotContain(missing, line => line.Contains("not up to date", StringComparison.Ordinal));

        // The form is in sections with headings.
        var form = await hol.GetAsync($"/reviews/{review}/stages/preparation");
        Assert.Equal(["The practitioners", "Summary and chronology", "The learning circle"],
            form.Html.QuerySelectorAll("section.app-form-section h2").Select(h => h.TextContent.Trim()));

        await hol.SaveStageAsync(review, "preparation",
        [
            new("f.summaryUpToDate", "no"),
            .. WorkflowClient.Date("chronology[0].date", new DateOnly(2026, 10, 3)), new("f.chronology[0].event", "Moved to Hillside Primary"),
            .. WorkflowClient.Date("chronology[1].date", new DateOnly(2026, 10, 20)), new("f.chronology[1].event", "Referral from school nurse"),
        ]);
        var check = await hol.GetAsync($"/reviews/{review}/stages/preparation/check");
        var cells = check.Html.QuerySelectorAll("table.app-check-rows tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["3 October 2026 | Moved to Hillside Primary", "20 October 2026 | Referral from school nurse"], cells);
        Assert.DoesNotContain("2 rows", check.Text, StringComparison.Ordinal);

        // "No" fails two gates; the list says it once, in the definition's words.
        var after = (await hol.GetAsync($"/reviews/{review}")).Missing();
        Assert.Single(after, line => line.Contains("summary", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("The summary on the child's record is not up to date", after);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_new_learning_conversation_records_the_prompts_used_in_each_of_its_four_stages_and_closes_with_names_in_its_history(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var north = await app.LocalityIdAsync("North Locality");
        var people = await app.UserIdsAsync("facilitator@demo.example", "practitioner@demo.example");
        var today = app.Today;
        var review = await tm.StartReviewAsync("learning-conversation",
        [
            new("CaseLabel", "Child P"), new("LocalityId", north.ToString()), new("Reason", "unmetActions"), new("ReasonDetail", "Actions from the last two meetings are still open."),
        ]);
        Assert.Equal(2, await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.DefinitionVersion).SingleAsync()));

        // The reason chosen at the start is ticked on the request form, as its hint says.
        var request = await tm.GetAsync($"/reviews/{review}/stages/request");
        Assert.NotNull(request.Html.QuerySelector("input[name='f.why'][value='unmetActions'][checked]"));
        Assert.Null(request.Html.QuerySelector("input[name='f.why'][value='planNotProgressing'][checked]"));

        await tm.AssertSavedAsync(await tm.SaveStageAsync(review, "request",
        [
            new("f.process", "taf"), .. WorkflowClient.Date("agreedOn", today.AddDays(-7)), new("f.why", "unmetActions"),
            .. WorkflowClient.Date("familyAwareOn", today.AddDays(-6)), new("f.familyAwareBy", "Sam Lee, family support worker"),
        ]));
        await tm.AdvanceAsync(review);

        // A question needed only after another answer is not labelled "(optional)".
        var preparationForm = await tm.GetAsync($"/reviews/{review}/stages/preparation");
        Assert.DoesNotContain("If their views were not gathered, why not (optional)", preparationForm.Text, StringComparison.Ordinal);
        await tm.BookMeetingAsync(review, "LearningConversation", today, "00:00");
        await tm.AssertSavedAsync(await tm.SaveStageAsync(review, "preparation",
        [
            new("f.facilitator", people["facilitator@demo.example"]), new("f.professionals", people["practitioner@demo.example"]),
            new("f.viewsGathered", "no"),
            new("f.viewsNotGatheredReason", "Child P was in hospital that week."),
        ]));
        await tm.AdvanceAsync(review);

        // The facilitator records the prompts the group used: one in Purpose, none yet in Strategies & Tools.
        using var facilitator = await app.SignedInAsAsync("facilitator@demo.example");
        var conversationForm = await facilitator.GetAsync($"/reviews/{review}/stages/conversation");
        Assert.Equal(["Stage 1 of 4: Purpose", "Stage 2 of 4: Strategies & Tools", "Stage 3 of 4: Outcomes", "Stage 4 of 4: Review & Reflect", "Concerns or complaints"],
            conversationForm.Html.QuerySelectorAll("section.app-form-section h2").Select(h => h.TextContent.Trim()));
        KeyValuePair<string, string>[] somePrompts =
        [
            new("f.familySay", "Dad wants one person to call, not four."),
            new("f.progressSoFar", "Two of the five actions are done."),
            new("f.whatWorked", "Meeting at home worked; letters did not."),
            new("f.facilitatorSummary", "The actions stalled for want of an owner; each now has one."),
            .. LearningPoint(0, "Name one owner for each action"), .. LearningPoint(1, "Meet the family at home"), .. LearningPoint(2, "Ask Dad how he wants to hear from us"),
        ];
        await facilitator.AssertSavedAsync(await facilitator.SaveStageAsync(review, "conversation", somePrompts));
        Assert.Equal(["Record something under 'Stage 2 of 4: Strategies & Tools'"], (await facilitator.GetAsync($"/reviews/{review}")).Missing());

        // One prompt of Strategies & Tools is enough: the other 27 prompts stay unanswered.
        await facilitator.AssertSavedAsync(await facilitator.SaveStageAsync(review, "conversation",
            [.. somePrompts.Where(p => !p.Key.StartsWith("lp[", StringComparison.Ordinal)), new("f.solutions", "A single contact for Dad."), .. await SavedPointsAsync(facilitator, review, "Name one owner for each action", "Meet the family at home", "Ask Dad how he wants to hear from us")]));
        var check = await facilitator.GetAsync($"/reviews/{review}/stages/conversation/check");
        Assert.Equal(["Name one owner for each action", "Meet the family at home", "Ask Dad how he wants to hear from us"],
            check.Html.QuerySelectorAll("ol.govuk-list--number li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Follow-up", (await facilitator.AdvanceAsync(review)).CurrentStageTitle());

        await tm.AssertSavedAsync(await tm.SaveStageAsync(review, "followUp",
            [new("f.planChanges", "One contact for Dad."), .. WorkflowClient.Date("sharedOn", today), new("f.sharedBy", "Sam Lee")]));
        await tm.AdvanceAsync(review);

        var closed = await tm.GetAsync($"/reviews/{review}");
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.DoesNotContain("Current stage", closed.Text, StringComparison.Ordinal);
        Assert.Contains("Every stage completed; the review is closed", closed.Text, StringComparison.Ordinal);
        var who = closed.Html.QuerySelectorAll("table tr").Select(r => r.QuerySelectorAll("td").ElementAtOrDefault(2)?.TextContent.Trim()).OfType<string>().ToList();
        var names = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "tm@demo.example" || u.Email == "facilitator@demo.example").Select(u => u.DisplayName).ToListAsync());
        Assert.NotEmpty(who);
        Assert.DoesNotContain(who, w => w.Contains('@', StringComparison.Ordinal));
        Assert.All(names, name => Assert.Contains(name, who));
    }

    /// <summary>The saved learning points posted back with their ids, so they are kept rather than added again.</summary>
    private static async Task<KeyValuePair<string, string>[]> SavedPointsAsync(TestBrowser browser, Guid review, params string[] texts)
    {
        var points = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < texts.Length; i++)
        {
            points.Add(new($"lp[{i}].id", await browser.StageFormValueAsync(review, "conversation", $"lp[{i}].id")));
            points.Add(new($"lp[{i}].text", texts[i]));
        }
        return [.. points];
    }
}
