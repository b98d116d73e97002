using System.Net;
using LearningReviews.Domain.Subgroups;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Features.Subgroups;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Subgroups;

/// <summary>
/// The administrator's subgroup list: the four subgroups started at startup, adding one (a duplicate name refused
/// with what was typed kept), members and chairs, a stale page refused, retiring, and the audit of each step.
/// Only administrators reach it.
/// </summary>
public sealed class SubgroupListTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_administrator_adds_a_subgroup_chooses_its_members_and_chair_and_retires_it(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var admin = await app.SignedInAsAsync("admin@demo.example");
        using var bm = await app.SignedInAsAsync("bm@demo.example");

        var list = await admin.GetAsync("/admin/subgroups");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var names = list.Html.QuerySelectorAll("table.app-subgroup-list tbody tr").Select(r => r.GetAttribute("data-subgroup")).ToList();
        Assert.Equal(SubgroupListSeeding.Seeded.Select(s => s.Name), names);
        AssertRefused(await bm.GetAsync("/admin/subgroups"));

        // A name already used (ignoring case) is refused, and what was typed stays.
        var refused = await admin.SubmitAsync("/admin/subgroups/new", [new("Name", "case review"), new("Description", "Deaths and serious harm")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("There is already a subgroup called 'case review'", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Deaths and serious harm", refused.TextareaValue("Description")?.Trim());

        var added = await admin.SubmitAsync("/admin/subgroups/new", [new("Name", "Child Death Overview"), new("Description", "Reviews children's deaths")]);
        Assert.True(added.IsRedirect, added.ErrorSummary);
        var page = await admin.FollowAsync(added);
        Assert.Equal("Child Death Overview", page.H1);
        var id = added.Location!.Split('/')[^1];
        var token = page.InputValue("AddMember_ConcurrencyToken") ?? page.Html.QuerySelector("input[name='AddMember.ConcurrencyToken']")!.GetAttribute("value")!;

        // Nobody chosen: refused with the error summary.
        var nobody = await admin.PostAsync($"/admin/subgroups/{id}/members", [new("AddMember.UserId", ""), new("AddMember.ConcurrencyToken", token)], page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.BadRequest, nobody.Status);
        Assert.Contains("Choose the person to add", nobody.ErrorSummary, StringComparison.Ordinal);

        var bmId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "bm@demo.example").Select(u => u.Id).SingleAsync());
        var joined = await admin.PostAsync($"/admin/subgroups/{id}/members",
            [new("AddMember.UserId", bmId), new("AddMember.IsChair", "true"), new("AddMember.ConcurrencyToken", token)], page.AntiforgeryToken());
        Assert.True(joined.IsRedirect, joined.ErrorSummary);

        // The page read before the member was added is stale: removing with its token is refused and changes nothing.
        var stale = await admin.PostAsync($"/admin/subgroups/{id}/members/remove", [new("userId", bmId), new("concurrencyToken", token)], page.AntiforgeryToken());
        Assert.True(stale.IsRedirect);
        Assert.Contains("Someone else changed this subgroup", (await admin.FollowAsync(stale)).Text, StringComparison.Ordinal);
        var member = await app.WithDbAsync(db => db.SubgroupMembers.AsNoTracking().SingleAsync(m => m.SubgroupId == Guid.Parse(id)));
        Assert.Equal(bmId, member.UserId);
        Assert.True(member.IsChair);

        page = await admin.GetAsync($"/admin/subgroups/{id}");
        var row = page.Html.QuerySelector("tr[data-member='bm@demo.example']")!;
        Assert.Contains("Chair", row.TextContent, StringComparison.Ordinal);
        token = page.Html.QuerySelector("input[name='AddMember.ConcurrencyToken']")!.GetAttribute("value")!;
        var retired = await admin.PostAsync($"/admin/subgroups/{id}/retire", [new("retire", "true"), new("concurrencyToken", token)], page.AntiforgeryToken());
        Assert.True(retired.IsRedirect);
        var saved = await app.WithDbAsync(db => db.Subgroups.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(id)));
        Assert.True(saved.IsRetired);

        // Without the antiforgery token nothing changes.
        var forged = await admin.PostAsync($"/admin/subgroups/{id}/retire", [new("retire", "false"), new("concurrencyToken", saved.ConcurrencyToken.ToString())], null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.True(await app.WithDbAsync(db => db.Subgroups.AsNoTracking().Where(s => s.Id == Guid.Parse(id)).Select(s => s.IsRetired).SingleAsync()));

        var audited = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(Subgroup) || e.EntityType == nameof(SubgroupMember)).Select(e => e.Action + " " + e.EntityType).ToListAsync());
        Assert.Contains("Created Subgroup", audited);
        Assert.Contains("Created SubgroupMember", audited);
        Assert.Contains("Updated Subgroup", audited);
        Assert.Contains("Viewed Subgroup", audited);
        // The audit names no one: members are recorded by their account id.
        Assert.DoesNotContain(await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(SubgroupMember)).Select(e => e.Detail).ToListAsync()),
            d => d!.Contains("Beth", StringComparison.Ordinal));
    }

    /// <summary>Refused: the cookie sign-in sends the browser to the access-denied page.</summary>
    private static void AssertRefused(TestBrowser.Page page)
    {
        Assert.True(page.IsRedirect, page.Status.ToString());
        Assert.Contains("/account/access-denied", page.Location, StringComparison.Ordinal);
    }
}
