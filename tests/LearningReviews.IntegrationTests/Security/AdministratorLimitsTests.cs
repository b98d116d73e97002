using System.Diagnostics;
using LearningReviews.Domain.Auditing;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Security;

/// <summary>Managing accounts must not become a way to read case data or to lock everyone out.</summary>
public sealed class AdministratorLimitsTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_administrator_cannot_give_themselves_a_role_that_sees_reviews_but_another_administrator_can(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var admin = await app.SignedInAsAsync("admin@demo.example");
        var adminId = await IdOfAsync(app, "admin@demo.example");

        var refused = await admin.SubmitAsync($"/admin/users/{adminId}", await FormAsync(admin, adminId, "Administrator", "Business Manager"));
        Assert.Contains("You cannot give yourself a role that sees reviews", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(["Administrator"], await RolesOfAsync(app, adminId));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.RoleChangeRefused && e.EntityId == adminId)));

        // A second administrator may do it, and the change is audited with what changed.
        var secondId = await IdOfAsync(app, "bm@demo.example");
        var madeAdmin = await admin.SubmitAsync($"/admin/users/{secondId}", await FormAsync(admin, secondId, "Business Manager", "Administrator"));
        Assert.True(madeAdmin.IsRedirect, madeAdmin.ErrorSummary);
        using var second = new TestBrowser(app.NewBrowser());
        await second.SignInAsync("bm@demo.example", AppFactory.DemoPassword);
        var granted = await second.SubmitAsync($"/admin/users/{adminId}", await FormAsync(second, adminId, "Administrator", "Business Manager"));
        Assert.True(granted.IsRedirect, granted.ErrorSummary);
        Assert.Equal(["Administrator", "Business Manager"], await RolesOfAsync(app, adminId));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditActions.UserUpdated && e.EntityId == adminId && e.Detail == "Changed roles added: Business Manager")));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_last_administrator_cannot_be_demoted_or_deactivated(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var admin = await app.SignedInAsAsync("admin@demo.example");
        var adminId = await IdOfAsync(app, "admin@demo.example");

        var home = await admin.GetAsync("/");
        Assert.Equal("Demo account", home.Html.QuerySelector("#demo-banner-title")?.TextContent);

        var demoted = await admin.SubmitAsync($"/admin/users/{adminId}", await FormAsync(admin, adminId, "Practitioner"));

        Assert.Contains("This is the only active administrator", demoted.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(["Administrator"], await RolesOfAsync(app, adminId));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.RoleChangeRefused)));
    }

    [Fact]
    public async Task Seeding_demo_data_is_refused_in_the_Production_environment()
    {
        var folder = Directory.CreateTempSubdirectory("lr-seed-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LearningReviews.Web.dll"), "--seed-demo"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = folder.FullName,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__Default"] = "Data Source=" + Path.Combine(folder.FullName, "seed.db");
            start.Environment["LogSinks__File"] = "false";
            start.Environment["DataProtection__KeysFolder"] = folder.FullName;
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            _ = await process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);

            var said = await error;
            Assert.True(process.ExitCode == 1, $"Exit code {process.ExitCode}: {said}");
            Assert.Contains("Refusing to seed demo data in the Production environment", said, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Task<string> IdOfAsync(AppFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static async Task<List<string>> RolesOfAsync(AppFactory app, string userId) =>
        await app.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                     where ur.UserId == userId orderby r.Name select r.Name!).ToListAsync());

    /// <summary>The edit form as the page shows it, with the roles replaced.</summary>
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(TestBrowser browser, string userId, params string[] roles)
    {
        var page = await browser.GetAsync($"/admin/users/{userId}");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("DisplayName", page.InputValue("DisplayName")!),
            new("Email", page.InputValue("Email")!),
            new("ConcurrencyStamp", page.Html.QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!),
        };
        foreach (var select in new[] { "AgencyId", "LocalityId" })
        {
            var chosen = page.Html.QuerySelector($"select[name={select}] option[selected]")?.GetAttribute("value");
            if (chosen is not null) fields.Add(new(select, chosen));
        }
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Roles", r)));
        return fields;
    }
}
