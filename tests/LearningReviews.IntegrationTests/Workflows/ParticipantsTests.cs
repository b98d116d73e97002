using System.Net;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>Adding and removing the people involved in a review, as the manager acting at its stage.</summary>
public sealed class ParticipantsTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_manager_adds_an_internal_and_an_external_person_and_removes_one(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var (review, facilitator, police) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Title.EndsWith("Child B")).Select(r => r.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == "facilitator@demo.example").Select(u => u.Id).SingleAsync(),
            await db.Agencies.Where(a => a.Name == "Police").Select(a => a.Id).SingleAsync()));
        var url = $"/reviews/{review}/participants";

        var added = await tm.SubmitAsync(url, [new("Form.Kind", "internal"), new("Form.UserId", facilitator), new("Form.Role", "Learner")]);
        Assert.True(added.IsRedirect, added.ErrorSummary);
        var page = await tm.SubmitAsync(url,
        [
            new("Form.Kind", "external"), new("Form.Name", "DC Jo Bright"), new("Form.Email", "jo.bright@police.example"),
            new("Form.AgencyId", police.ToString()), new("Form.Role", "AgencyRepresentative"),
        ]);
        var list = await tm.FollowAsync(page);
        Assert.Contains("DC Jo Bright added as agency representative.", list.Text, StringComparison.Ordinal);
        var rows = list.Html.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Fran Ellis", StringComparison.Ordinal) && r.Contains("Learner", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("DC Jo Bright (no account)", StringComparison.Ordinal) && r.Contains("Police", StringComparison.Ordinal));

        // The review page lists them too, and the learning circle's "learners" gate now counts Fran; with no
        // practitioner yet, the practitioners question is the one line for it (not a second "Add at least 1").
        var details = await tm.GetAsync($"/reviews/{review}");
        Assert.Contains("DC Jo Bright", details.Text, StringComparison.Ordinal);
        var missing = details.Html.QuerySelectorAll(".app-missing li").Select(li => li.TextContent.Trim()).ToList();
        Assert.DoesNotContain(missing, line => line.Contains("Add at least 1 learner", StringComparison.Ordinal));
        Assert.Contains("Answer 'Practitioners working with the child'", missing);
        Assert.DoesNotContain(missing, line => line.Contains("Add at least 1 practitioner", StringComparison.Ordinal));

        var external = await app.WithDbAsync(db => db.Participants.SingleAsync(p => p.ReviewId == review && p.Name == "DC Jo Bright"));
        Assert.Null(external.UserId);
        var removeFields = RemoveFields(list, external.Id);
        var removed = await tm.FollowAsync(await tm.PostAsync($"{url}/{external.Id}/remove", removeFields, list.AntiforgeryToken()));
        Assert.Contains("DC Jo Bright is no longer agency representative on this review.", removed.Text, StringComparison.Ordinal);

        // Removing them again (a second tab, say) says so on the list as it is now, rather than failing.
        var again = await tm.PostAsync($"{url}/{external.Id}/remove", removeFields, list.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("That person is no longer on this review: someone else removed them", again.ErrorSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("DC Jo Bright", again.Html.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(a => a.ReviewId == review && a.EntityType == nameof(Participant))
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(2, audit.Count(a => a == "Created"));
        Assert.Equal(1, audit.Count(a => a == "Deleted"));
        Assert.DoesNotContain(audit, a => a.Contains("Bright", StringComparison.Ordinal));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Removing_someone_changed_since_the_page_was_read_is_refused_and_the_change_stays(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var review = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child B")).Select(r => r.Id).SingleAsync());
        var url = $"/reviews/{review}/participants";
        var added = await tm.SubmitAsync(url, [new("Form.Kind", "external"), new("Form.Name", "Sam Reed"), new("Form.Role", "Learner")]);
        Assert.True(added.IsRedirect, added.ErrorSummary);
        var list = await tm.GetAsync(url);
        var sam = await app.WithDbAsync(db => db.Participants.Where(p => p.ReviewId == review && p.Name == "Sam Reed").Select(p => p.Id).SingleAsync());

        // Meanwhile someone else records Sam's attendance (any change renews the record's token).
        await app.WithDbAsync(async db =>
        {
            var row = await db.Participants.SingleAsync(p => p.Id == sam);
            row.AttendanceStatus = AttendanceStatus.Attended;
            return await db.SaveChangesAsync();
        });

        var refused = await tm.PostAsync($"{url}/{sam}/remove", RemoveFields(list, sam), list.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Someone else changed Sam Reed's details while you were looking at this page", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("Sam Reed", refused.Html.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AttendanceStatus.Attended, await app.WithDbAsync(db => db.Participants.Where(p => p.Id == sam).Select(p => p.AttendanceStatus).SingleAsync()));

        // The page shown again has Sam as they are now: removing from it works.
        var removed = await tm.PostAsync($"{url}/{sam}/remove", RemoveFields(refused, sam), refused.AntiforgeryToken());
        Assert.True(removed.IsRedirect, removed.ErrorSummary);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Two_managers_adding_the_same_person_in_the_same_role_at_once_add_them_once(Provider provider)
    {
        var window = new HeldRaceWindow(Web.Infrastructure.RaceWindow.AddParticipant, parties: 2);
        await using var app = await AppFactory.StartAsync(provider, HeldRaceWindow.Hold(window));
        using var first = await app.SignedInAsAsync("tm@demo.example");
        using var second = await app.SignedInAsAsync("tm@demo.example");
        var (review, facilitator) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Title.EndsWith("Child B")).Select(r => r.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == "facilitator@demo.example").Select(u => u.Id).SingleAsync()));
        var url = $"/reviews/{review}/participants";
        var pages = new[] { await first.GetAsync(url), await second.GetAsync(url) };
        var browsers = new[] { first, second };

        window.Arm();
        var answers = await Task.WhenAll(browsers.Select((b, i) => b.PostAsync(url,
            [new("Form.Kind", "internal"), new("Form.UserId", facilitator), new("Form.Role", "Learner"), ListToken(pages[i])],
            pages[i].AntiforgeryToken())));

        Assert.Equal(2, window.HeldTogether);
        Assert.Single(answers, a => a.IsRedirect);
        var refused = Assert.Single(answers, a => !a.IsRedirect);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Someone else added Fran Ellis as learner while you were looking at this page", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(facilitator, refused.Html.QuerySelector("#Form_UserId option[selected]")?.GetAttribute("value"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.ReviewId == review && p.UserId == facilitator && p.Role == ReviewRole.Learner)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Adding_someone_from_outside_whom_someone_else_just_added_asks_first_and_keeps_the_form(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var first = await app.SignedInAsAsync("tm@demo.example");
        using var second = await app.SignedInAsAsync("tm@demo.example");
        var review = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child B")).Select(r => r.Id).SingleAsync());
        var url = $"/reviews/{review}/participants";
        var stalePage = await first.GetAsync(url);
        var added = await second.SubmitAsync(url, [new("Form.Kind", "external"), new("Form.Name", "DC Jo Bright"), new("Form.Role", "AgencyRepresentative")]);
        Assert.True(added.IsRedirect, added.ErrorSummary);

        KeyValuePair<string, string>[] jo(TestBrowser.Page page) =>
        [
            new("Form.Kind", "external"), new("Form.Name", "dc jo bright"), new("Form.Email", "jo.bright@police.example"),
            new("Form.Role", "AgencyRepresentative"), ListToken(page),
        ];
        var refused = await first.PostAsync(url, jo(stalePage), stalePage.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Someone else added DC Jo Bright as agency representative while you were looking at this page", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("dc jo bright", refused.InputValue("Form_Name"));
        Assert.Equal("jo.bright@police.example", refused.InputValue("Form_Email"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.ReviewId == review && p.Role == ReviewRole.AgencyRepresentative)));

        // From the page shown again (which lists DC Jo Bright), adding them is taken as meant: two people may share a name.
        var again = await first.PostAsync(url, jo(refused), refused.AntiforgeryToken());
        Assert.True(again.IsRedirect, again.ErrorSummary);
        Assert.Equal(2, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.ReviewId == review && p.Role == ReviewRole.AgencyRepresentative)));
    }

    /// <summary>The add form's hidden fingerprint of the list the page showed.</summary>
    private static KeyValuePair<string, string> ListToken(TestBrowser.Page page) =>
        new("Form.ListToken", page.Html.QuerySelector("input[name='Form.ListToken']")!.GetAttribute("value")!);

    /// <summary>What a person's Remove button posts: their token as the page showed it.</summary>
    private static KeyValuePair<string, string>[] RemoveFields(TestBrowser.Page page, Guid participant) =>
        [new("participantToken", page.Html.QuerySelector($"form[action$='/{participant}/remove'] input[name=participantToken]")!.GetAttribute("value")!)];

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Bad_input_is_explained_and_kept(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var review = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child B")).Select(r => r.Id).SingleAsync());

        var page = await tm.SubmitAsync($"/reviews/{review}/participants",
            [new("Form.Kind", "external"), new("Form.Name", ""), new("Form.Email", "not-an-email"), new("Form.Role", "")]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Enter the person's name", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("Enter an email address in the correct format", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("Select the person's role in this review", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("not-an-email", page.InputValue("Form_Email"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.ReviewId == review)));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Someone_who_does_not_act_at_the_stage_sees_the_list_but_cannot_change_it(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        var review = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child A")).Select(r => r.Id).SingleAsync());

        var page = await practitioner.GetAsync($"/reviews/{review}/participants");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Html.QuerySelector("form[action$='/participants']"));
        var post = await practitioner.PostAsync($"/reviews/{review}/participants",
            [new("Form.Kind", "external"), new("Form.Name", "Someone"), new("Form.Role", "Learner")], page.AntiforgeryToken());
        Assert.True(post.IsRedirect && post.Location!.Contains("access-denied", StringComparison.Ordinal));

        // And someone who may not see the review at all is told it does not exist.
        using var other = await app.SignedInAsAsync("agency@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/reviews/{review}/participants")).Status);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Saving_a_stage_keeps_people_added_on_the_participants_page(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var (review, facilitator, practitioner) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Title.EndsWith("Child B")).Select(r => r.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == "facilitator@demo.example").Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == "practitioner@demo.example").Select(u => u.Id).SingleAsync()));
        await tm.SubmitAsync($"/reviews/{review}/participants", [new("Form.Kind", "internal"), new("Form.UserId", facilitator), new("Form.Role", "Learner")]);

        // The preparation form's "learners" field chooses someone else; Fran, added by hand, stays.
        await tm.SaveStageAsync(review, "preparation", [new("f.learners", practitioner)]);
        var learners = await app.WithDbAsync(db => db.Participants.Where(p => p.ReviewId == review && p.Role == ReviewRole.Learner)
            .Select(p => p.UserId).ToListAsync());
        Assert.Equal(2, learners.Count);
        Assert.Contains(facilitator, learners);
        Assert.Contains(practitioner, learners);

        // Unchoosing in the field removes only whom the field chose.
        await tm.SaveStageAsync(review, "preparation", []);
        learners = await app.WithDbAsync(db => db.Participants.Where(p => p.ReviewId == review && p.Role == ReviewRole.Learner)
            .Select(p => p.UserId).ToListAsync());
        Assert.Equal([facilitator], learners);
    }
}
