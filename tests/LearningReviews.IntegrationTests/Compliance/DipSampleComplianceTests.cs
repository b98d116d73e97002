using System.Net;
using LearningReviews.Domain.DipSamples;
using LearningReviews.Domain.Identity;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.Compliance;

/// <summary>Dip-sample audits recorded by Team Managers and counted per month against the minimum of four (seed 001).</summary>
public sealed class DipSampleComplianceTests
{
    private static readonly DateTimeOffset MidJuly = new(2026, 7, 20, 10, 0, 0, TimeSpan.Zero);

    internal static List<KeyValuePair<string, string>> Audit(DateOnly on, string label = "Child A", string findings = "Plan reviewed on time; the child's voice recorded.") =>
    [
        new("Kind", nameof(DipSampleKind.DipSample)), new("Theme", nameof(DipSampleTheme.Plans)),
        new("AuditedOn.day", on.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("AuditedOn.month", on.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("AuditedOn.year", on.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("LocalityId", ""), new("ServiceArea", "Early Support"), new("CaseLabel", label), new("CaseRecordNumber", "CR-10001"),
        new("Findings", findings), new("FollowUpNeeded", "no"), new("FollowUp", ""),
    ];

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Audits_are_counted_per_Team_Manager_per_month_and_months_below_four_are_marked(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        app.Clock.SetUtcNow(MidJuly);
        var otherId = await AddTeamManagerAsync(app, "tm2@demo.example", "Aaron Able");

        using var tm = await app.SignedInAsAsync("tm@demo.example");
        // Four in June (the minimum met), two in July (below it), one in May outside the range asked for.
        foreach (var day in new[] { 1, 8, 15, 22 }) await RecordAsync(tm, new DateOnly(2026, 6, day));
        foreach (var day in new[] { 5, 19 }) await RecordAsync(tm, new DateOnly(2026, 7, day));
        await RecordAsync(tm, new DateOnly(2026, 5, 31));

        var mine = await tm.GetAsync("/dip-samples");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Contains("Audits you have recorded (7)", mine.Text, StringComparison.Ordinal);
        var thisMonth = mine.Html.QuerySelector(".app-this-month")!.TextContent;
        Assert.Contains("July 2026: 2 recorded", Squash(thisMonth), StringComparison.Ordinal);
        Assert.Contains("Below the minimum of 4", thisMonth, StringComparison.Ordinal);

        using var sm = await app.SignedInAsAsync("sm@demo.example");
        var page = await sm.GetAsync("/dip-samples/compliance?from=2026-06&to=2026-07");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var tariq = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "tm@demo.example").Select(u => u.Id).SingleAsync());
        string Cell(string user, int month) => page.Html.QuerySelector($"tr[data-user='{user}'] td[data-month='{month}']")!.TextContent.Trim();
        Assert.Equal("4", Cell(tariq, 202606));
        Assert.StartsWith("2", Cell(tariq, 202607), StringComparison.Ordinal);
        Assert.Contains("Below minimum", Cell(tariq, 202607), StringComparison.Ordinal);
        // The other Team Manager recorded none: 0 is below the minimum too.
        Assert.Contains("Below minimum", Cell(otherId, 202606), StringComparison.Ordinal);
        Assert.Null(page.Html.QuerySelector($"td[data-month='202605']"));
        Assert.Contains("2 of the 2 Team Managers on this page were below the minimum", Squash(page.Text), StringComparison.Ordinal);

        // A Head of Locality sees their own locality's Team Managers only (the other has no locality), whatever
        // locality the address asks for; the Service Manager above saw both.
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var own = await hol.GetAsync($"/dip-samples/compliance?from=2026-06&to=2026-07&locality={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.NotNull(own.Html.QuerySelector($"tr[data-user='{tariq}']"));
        Assert.Null(own.Html.QuerySelector($"tr[data-user='{otherId}']"));
        Assert.Equal(["North Locality"], own.Html.QuerySelectorAll("select[name='locality'] option").Select(o => o.TextContent.Trim()).Where(t => t != "All localities"));

        // With no range given, the three months up to the current one (by the partnership's clock).
        var defaults = await sm.GetAsync("/dip-samples/compliance");
        Assert.Equal(["May 2026", "Jun 2026", "Jul 2026"], defaults.Html.QuerySelectorAll("table.app-compliance thead th").Skip(1).Select(th => th.TextContent.Trim()));
        Assert.StartsWith("1", defaults.Html.QuerySelector($"tr[data-user='{tariq}'] td[data-month='202605']")!.TextContent.Trim(), StringComparison.Ordinal);

        // The counts come from the database rows the form wrote.
        Assert.Equal(7, await app.WithDbAsync(db => db.DipSampleAudits.CountAsync(a => a.AuditorUserId == tariq)));
        Assert.Equal(4, await app.WithDbAsync(db => db.DipSampleAudits.CountAsync(a => a.AuditorUserId == tariq && a.Month == 202606)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == nameof(DipSampleAudit) && e.Action == "Created")));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Only_Team_Managers_record_and_only_their_managers_see_compliance(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        app.Clock.SetUtcNow(MidJuly);

        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        foreach (var url in new[] { "/dip-samples", "/dip-samples/new", "/dip-samples/compliance" })
        {
            var refused = await practitioner.GetAsync(url);
            Assert.True(refused.IsRedirect && refused.Location!.Contains("access-denied", StringComparison.Ordinal), url);
        }
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var notForBm = await bm.GetAsync("/dip-samples/compliance");
        Assert.True(notForBm.IsRedirect && notForBm.Location!.Contains("access-denied", StringComparison.Ordinal));

        // A Service Manager cannot record an audit as if a Team Manager, even with a valid form token.
        using var sm = await app.SignedInAsAsync("sm@demo.example");
        var compliance = await sm.GetAsync("/dip-samples/compliance");
        Assert.Equal(HttpStatusCode.OK, compliance.Status);
        var posted = await sm.PostAsync("/dip-samples/new", Audit(new DateOnly(2026, 7, 1)), compliance.AntiforgeryToken());
        Assert.True(posted.IsRedirect && posted.Location!.Contains("access-denied", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.DipSampleAudits.CountAsync()));
        foreach (var email in new[] { "qa@demo.example", "hol@demo.example" })
        {
            using var manager = await app.SignedInAsAsync(email);
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/dip-samples/compliance")).Status);
        }
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_refused_audit_shows_its_problems_with_what_was_typed_and_a_stale_change_is_refused(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        app.Clock.SetUtcNow(MidJuly);
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        var form = await tm.GetAsync("/dip-samples/new");
        var named = await tm.PostAsync("/dip-samples/new", Audit(new DateOnly(2026, 8, 1), label: "Jane Smith", findings: "Kept findings"), form.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, named.Status);
        Assert.Contains("not the child's name", named.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("today or in the past", named.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Kept findings", named.TextareaValue("Findings"));
        Assert.Equal("Jane Smith", named.InputValue("CaseLabel"));
        Assert.Equal("1", named.InputValue("AuditedOn"));
        Assert.Equal(0, await app.WithDbAsync(db => db.DipSampleAudits.CountAsync()));

        await RecordAsync(tm, new DateOnly(2026, 7, 2));
        var id = await app.WithDbAsync(db => db.DipSampleAudits.Select(a => a.Id).SingleAsync());
        var edit = await tm.GetAsync($"/dip-samples/{id}/edit");
        var token = edit.InputValue("ConcurrencyToken")!;
        var first = await tm.PostAsync($"/dip-samples/{id}/edit", [.. Audit(new DateOnly(2026, 7, 3)), new("ConcurrencyToken", token)], edit.AntiforgeryToken());
        Assert.True(first.IsRedirect, $"{first.Status} {first.ErrorSummary}");
        var stale = await tm.PostAsync($"/dip-samples/{id}/edit", [.. Audit(new DateOnly(2026, 7, 4)), new("ConcurrencyToken", token)], edit.AntiforgeryToken());
        Assert.Contains("changed in another window", stale.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 7, 3), await app.WithDbAsync(db => db.DipSampleAudits.Select(a => a.AuditedOn).SingleAsync()));

        // Another Team Manager's audit is not found.
        await AddTeamManagerAsync(app, "tm2@demo.example", "Aaron Able");
        using var other = new TestBrowser(app.NewBrowser());
        await other.SignInAsync("tm2@demo.example", AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/dip-samples/{id}/edit")).Status);
    }

    internal static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static async Task RecordAsync(TestBrowser tm, DateOnly on)
    {
        var posted = await tm.SubmitAsync("/dip-samples/new", Audit(on));
        Assert.True(posted.IsRedirect, posted.ErrorSummary);
    }

    private static async Task<string> AddTeamManagerAsync(AppFactory app, string email, string name)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, IsDemo = true };
        var created = await users.CreateAsync(user, AppFactory.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, Roles.TeamManager)).Succeeded);
        return user.Id;
    }
}
