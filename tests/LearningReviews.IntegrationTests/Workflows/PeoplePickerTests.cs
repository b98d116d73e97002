using AngleSharp.Dom;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Workflows.WorkflowClientB;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>
/// The people picker on stage forms: whom it offers, in what order, and what it says about each person.
/// </summary>
public sealed class PeoplePickerTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_picker_offers_active_people_with_a_case_role_the_reviews_own_people_first(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var north = await app.LocalityIdAsync("North Locality");
        // Sunita's account is closed: she cannot be given anything new.
        await app.WithDbAsync(async db =>
        {
            var sunita = await db.Users.SingleAsync(u => u.Email == "subgroup@demo.example");
            sunita.IsActive = false;
            return await db.SaveChangesAsync();
        });
        var review = await tm.StartReviewAsync("learning-conversation",
        [
            new("CaseLabel", "Child P"), new("LocalityId", north.ToString()), new("Reason", "unmetActions"),
            new("ReasonDetail", "Actions from the last two core groups are still open."),
        ]);
        await tm.AssertSavedAsync(await tm.SaveStageAsync(review, "request",
        [
            new("f.process", "taf"), .. WorkflowClient.Date("agreedOn", app.Today.AddDays(-3)),
            .. WorkflowClient.Date("familyAwareOn", app.Today.AddDays(-2)), new("f.familyAwareBy", "Tariq Malik"),
        ]));
        await tm.AdvanceAsync(review);

        var form = await tm.GetAsync($"/reviews/{review}/stages/preparation");
        var picker = Picker(form.Html, "f.professionals");
        var groups = picker.QuerySelectorAll("[data-people-group]").ToList();
        Assert.Equal(["People in this review", "Everyone else"], groups.Select(g => g.QuerySelector("h3")!.TextContent.Trim()));

        // The one who requested it is in the review already, so comes first, with their part in it.
        Assert.Equal(["Tariq Malik"], Names(groups[0]));
        Assert.Contains("In this review as Proposer", Hint(groups[0], "Tariq Malik"), StringComparison.Ordinal);

        // Everyone else by name: not the administrator (no case role), not the closed account.
        var others = Names(groups[1]);
        Assert.DoesNotContain("Alex Admin", others);
        Assert.DoesNotContain("Sunita Gill", others);
        Assert.Contains("Priya Shah", others);
        Assert.Equal(others.Order(StringComparer.OrdinalIgnoreCase), others);
        // Each person with their role, agency and locality, so a manager need not know them already.
        var priya = Hint(groups[1], "Priya Shah");
        Assert.StartsWith("Practitioner · ", priya, StringComparison.Ordinal);
        Assert.Contains("North Locality", priya, StringComparison.Ordinal);
        Assert.Equal(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "practitioner@demo.example")
                .Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => a.Name).SingleAsync()),
            priya.Split(" · ")[1]);

        // The single-person facilitator field is radios with the same list, and "No one chosen yet" to take a choice off.
        var facilitator = Picker(form.Html, "f.facilitator");
        Assert.Equal("radio", facilitator.QuerySelector("input")!.GetAttribute("type"));
        Assert.Equal(Names(picker), Names(facilitator));
        Assert.Contains("No one chosen yet", facilitator.TextContent, StringComparison.Ordinal);

    }

    /// <summary>The picker (its form group) whose inputs post <paramref name="name"/>.</summary>
    internal static IElement Picker(IParentNode page, string name) =>
        page.QuerySelectorAll("[data-people-picker]").Single(p => p.QuerySelector($"input[name='{name}']") is not null);

    internal static List<string> Names(IParentNode group) =>
        group.QuerySelectorAll("[data-person-search] label").Select(l => l.TextContent.Trim()).ToList();

    internal static string Hint(IParentNode group, string name) =>
        group.QuerySelectorAll("[data-person-search]").Single(i => i.QuerySelector("label")!.TextContent.Trim() == name)
            .QuerySelector(".govuk-hint")!.TextContent.Trim();
}
