using System.Net;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>In a thematic review of several families, someone involved with one family sees only that family's details.</summary>
public sealed class ThematicFamilyAccessTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_practitioner_involved_with_one_family_sees_only_that_family(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var (north, practitioner) = await app.WithDbAsync(async db => (
            await db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == "practitioner@demo.example").Select(u => u.Id).SingleAsync()));
        var started = await bm.SubmitAsync("/reviews/start/thematic-review",
        [
            new("CaseLabel", "Family A"), new("OtherCaseLabels", "Family B\nFamily C"), new("LocalityId", north.ToString()),
            new("Reason", "serviceImprovement"), new("ReasonDetail", "Neglect in families with younger children"),
        ]);
        Assert.True(started.IsRedirect, started.ErrorSummary);
        var review = Guid.Parse(started.Location!.Split('/').Last());
        var familyB = await app.WithDbAsync(db => db.ReviewCases.Where(rc => rc.ReviewId == review && rc.Case!.Label == "Family B")
            .Select(rc => rc.CaseId).SingleAsync());

        var added = await bm.SubmitAsync($"/reviews/{review}/participants",
            [new("Form.Kind", "internal"), new("Form.UserId", practitioner), new("Form.Role", "Practitioner"), new("Form.CaseId", familyB.ToString())]);
        Assert.True(added.IsRedirect, added.ErrorSummary);
        Assert.Contains("Family B", (await bm.FollowAsync(added)).Html.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        // The business manager oversees the whole review and sees every family.
        var families = (await bm.GetAsync($"/reviews/{review}")).Html.QuerySelectorAll("table.app-families tbody tr").Select(r => r.Children[0].TextContent).ToList();
        Assert.Equal(["Family A", "Family B", "Family C"], families);

        using var priya = await app.SignedInAsAsync("practitioner@demo.example");
        var page = await priya.GetAsync($"/reviews/{review}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        families = page.Html.QuerySelectorAll("table.app-families tbody tr").Select(r => r.Children[0].TextContent).ToList();
        Assert.Equal(["Family B"], families);
        Assert.DoesNotContain("Family A", page.Html.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Family C", page.Html.Body!.TextContent, StringComparison.Ordinal);

        // The stage form's people picker does not tell her who is tied to another family: Andy, involved with
        // Family A, is offered to her like anyone outside the review, while the business manager sees him in it.
        var andy = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "agency@demo.example").Select(u => u.Id).SingleAsync());
        var familyA = await app.WithDbAsync(db => db.ReviewCases.Where(rc => rc.ReviewId == review && rc.Case!.Label == "Family A")
            .Select(rc => rc.CaseId).SingleAsync());
        Assert.True((await bm.SubmitAsync($"/reviews/{review}/participants",
            [new("Form.Kind", "internal"), new("Form.UserId", andy), new("Form.Role", "Practitioner"), new("Form.CaseId", familyA.ToString())])).IsRedirect);
        var stageKey = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.CurrentStageKey).SingleAsync());
        var hers = PeoplePickerTests.Picker((await priya.GetAsync($"/reviews/{review}/stages/{stageKey}")).Html, "f.leadAuthor");
        var groups = hers.QuerySelectorAll("[data-people-group]").ToList();
        Assert.DoesNotContain("Andy Agbaje", PeoplePickerTests.Names(groups[0]));
        Assert.Contains("Priya Shah", PeoplePickerTests.Names(groups[0]));
        Assert.DoesNotContain("In this review", PeoplePickerTests.Hint(groups[1], "Andy Agbaje"), StringComparison.Ordinal);
        var his = PeoplePickerTests.Picker((await bm.GetAsync($"/reviews/{review}/stages/{stageKey}")).Html, "f.leadAuthor");
        Assert.Contains("Andy Agbaje", PeoplePickerTests.Names(his.QuerySelector("[data-people-group]")!));
    }
}
