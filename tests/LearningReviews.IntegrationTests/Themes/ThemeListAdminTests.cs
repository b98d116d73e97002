using System.Net;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Themes;

/// <summary>
/// The administrator's theme list through its real pages: adding (refused for an empty or duplicate name, with what was
/// typed kept), renaming (a stale form refused), retiring, and moving a theme up and down the list, each audited;
/// and nobody else may change it.
/// </summary>
public sealed class ThemeListAdminTests
{
    private static List<string> Listed(TestBrowser.Page page) =>
        [.. page.Html.QuerySelectorAll("table.app-theme-list tbody tr").Select(r => r.GetAttribute("data-theme")!)];

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_administrator_adds_renames_retires_and_reorders_themes_and_bad_input_is_kept_and_explained(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var admin = await app.SignedInAsAsync("admin@demo.example");

        // A duplicate name, ignoring case, is refused with the typed description kept.
        var duplicate = await admin.SubmitAsync("/admin/themes/new", [new("Name", "neglect"), new("Description", "Typed and kept")]);
        Assert.Equal(HttpStatusCode.OK, duplicate.Status);
        Assert.Contains("There is already a theme called 'neglect'", duplicate.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Typed and kept", duplicate.TextareaValue("Description"));
        var empty = await admin.SubmitAsync("/admin/themes/new", [new("Name", "  "), new("Description", "")]);
        Assert.Contains("Enter the theme's name", empty.ErrorSummary, StringComparison.Ordinal);

        var added = await admin.SubmitAsync("/admin/themes/new", [new("Name", "Online harm"), new("Description", "Harm through phones and the internet")]);
        Assert.True(added.IsRedirect, added.ErrorSummary);
        var list = await admin.GetAsync("/admin/themes");
        Assert.Equal("Online harm", Listed(list)[^1]);
        var id = await app.WithDbAsync(db => db.Themes.Where(t => t.Name == "Online harm").Select(t => t.Id).SingleAsync());

        // Two people open the change page; the second save is refused and changes nothing.
        var first = await admin.GetAsync($"/admin/themes/{id}");
        var token = first.Html.QuerySelector("input[name='ConcurrencyToken']")!.GetAttribute("value")!;
        var renamed = await admin.PostAsync($"/admin/themes/{id}", [new("Name", "Online harm and exploitation"), new("Description", ""), new("ConcurrencyToken", token)], first.AntiforgeryToken());
        Assert.True(renamed.IsRedirect, renamed.ErrorSummary);
        var stale = await admin.PostAsync($"/admin/themes/{id}", [new("Name", "Online safety"), new("Description", ""), new("ConcurrencyToken", token)], first.AntiforgeryToken());
        Assert.Contains("Someone else changed this theme", stale.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Online safety", stale.InputValue("Name"));
        Assert.Equal("Online harm and exploitation", await app.WithDbAsync(db => db.Themes.Where(t => t.Id == id).Select(t => t.Name).SingleAsync()));

        // Moving: up one place, then down again; the top theme cannot go higher.
        list = await admin.GetAsync("/admin/themes");
        var before = Listed(list);
        var up = await admin.PostAsync($"/admin/themes/{id}/move", [new("direction", "up")], list.AntiforgeryToken());
        Assert.True(up.IsRedirect);
        var moved = Listed(await admin.GetAsync("/admin/themes"));
        Assert.Equal([.. before[..^2], before[^1], before[^2]], moved);
        var topId = await app.WithDbAsync(db => db.Themes.Where(t => t.Name == before[0]).Select(t => t.Id).SingleAsync());
        await admin.PostAsync($"/admin/themes/{topId}/move", [new("direction", "up")], list.AntiforgeryToken());
        await admin.PostAsync($"/admin/themes/{id}/move", [new("direction", "down")], list.AntiforgeryToken());
        Assert.Equal(before, Listed(await admin.GetAsync("/admin/themes")));

        // Retired: still listed, marked, and kept in the database.
        var retired = await admin.PostAsync($"/admin/themes/{id}/retire", [new("retire", "true")], list.AntiforgeryToken());
        Assert.True(retired.IsRedirect);
        Assert.True(await app.WithDbAsync(db => db.Themes.Where(t => t.Id == id).Select(t => t.IsRetired).SingleAsync()));
        Assert.Contains("Retired", (await admin.GetAsync("/admin/themes")).Html.QuerySelector($"tr[data-theme='Online harm and exploitation']")!.TextContent, StringComparison.Ordinal);

        var audited = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == nameof(Theme) && e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(5, audited.Count); // added, renamed, moved up, moved down, retired
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Nobody_but_the_administrator_changes_the_list(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var id = await app.WithDbAsync(db => db.Themes.OrderBy(t => t.Position).Select(t => t.Id).FirstAsync());
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var page = await bm.GetAsync("/");
        foreach (var (url, field) in new[] { ($"/admin/themes/{id}/move", "direction"), ($"/admin/themes/{id}/retire", "retire"), ("/admin/themes/new", "Name") })
        {
            var refused = await bm.PostAsync(url, [new(field, field == "Name" ? "Sneaky" : "down")], page.AntiforgeryToken());
            Assert.True(refused.IsRedirect && refused.Location!.Contains("access-denied", StringComparison.Ordinal), url);
        }
        Assert.False(await app.WithDbAsync(db => db.Themes.AnyAsync(t => t.Name == "Sneaky" || t.IsRetired)));
    }
}
