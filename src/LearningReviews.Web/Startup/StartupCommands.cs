using LearningReviews.Domain.Identity;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Demo;
using LearningReviews.Web.Features.Setup;
using LearningReviews.Web.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Startup;

/// <summary>What happens between building the application and serving requests.</summary>
public static class StartupCommands
{
    public const string SeedDemoSwitch = "--seed-demo";

    /// <summary>
    /// Checks the workflow definitions (an invalid one stops startup with a message naming the file,
    /// the stage and the problem), creates or upgrades the database schema, and makes sure the roles exist.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Each step's time goes to the log, so a slow start can be traced to its step (docs/performance.md).
        var watch = System.Diagnostics.Stopwatch.StartNew();
        async Task Timed(string step, Func<Task> run)
        {
            var started = watch.ElapsedMilliseconds;
            await run();
            app.Logger.LogInformation("Startup step {Step} took {Milliseconds} ms", step, watch.ElapsedMilliseconds - started);
        }
        await Timed("workflow definitions", () => Task.FromResult(app.Services.GetRequiredService<LearningReviews.Domain.Workflows.WorkflowCatalogue>()));
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        // Adopts a release 1 database if it is one, then applies this provider's migrations.
        await Timed("migrations", () => services.GetRequiredService<DatabaseMigrator>().MigrateAsync());
        // SQLite keeps no statistics unless asked: without them its plans for the lists grow badly.
        await Timed("sqlite statistics", () => SqliteConnectionSetup.OptimizeAsync(services.GetRequiredService<LearningReviewsDbContext>()));
        var ledger = services.GetRequiredService<DataStepLedger>();
        // Meeting dates typed on stage forms before those fields read bookings become meetings. Both steps bring
        // old rows up to date and run once per database (recorded), not at every start.
        await Timed("typed meeting dates", () => ledger.RunOnceAsync("typed-meeting-dates",
            cancel => services.GetRequiredService<LearningReviews.Web.Features.Workflow.TypedMeetingDates>().MoveAsync(cancel)));
        // Actions saved before the action plans get their source; findings and plan changes become actions.
        await Timed("action sources", () => ledger.RunOnceAsync("action-sources",
            cancel => services.GetRequiredService<LearningReviews.Web.Features.ActionPlans.ActionSourcesStep>().RunAsync(cancel)));
        // The managed theme list starts with common safeguarding learning themes (once; Features/Themes).
        await Timed("theme list", () => services.GetRequiredService<LearningReviews.Web.Features.Themes.ThemeListSeeding>().SeedAsync());
        // The subgroup list starts with the partnership's four subgroups (once; Features/Subgroups).
        await Timed("subgroup list", () => services.GetRequiredService<LearningReviews.Web.Features.Subgroups.SubgroupListSeeding>().SeedAsync());
        // Open reviews saved before deadlines were stored get theirs now, so My work's first view is not the
        // one that works out every review's (after that only changed reviews are missing, and cheap to find).
        await Timed("stored deadlines", () => services.GetRequiredService<LearningReviews.Web.Features.Workflow.StoredDeadlineService>()
            .WorkOutMissingAsync(services.GetRequiredService<LearningReviewsDbContext>().Reviews));
        await Timed("roles", () => services.GetRequiredService<AccountProvisioning>().EnsureRolesExistAsync());
    }

    /// <summary>
    /// Seeds demo data when asked, and opens first-run setup when there is no administrator.
    /// Returns false when the application should stop instead of serving.
    /// </summary>
    public static async Task<bool> RunStartupCommandsAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        if (args.Contains(SeedDemoSwitch, StringComparer.Ordinal) && app.Environment.IsProduction())
        {
            // Demo accounts have a known or printed password: never in a live service.
            await Console.Error.WriteLineAsync(
                "Refusing to seed demo data in the Production environment. Set ASPNETCORE_ENVIRONMENT to Development or Demo to try the demo.");
            return false;
        }
        if (args.Contains(SeedDemoSwitch, StringComparer.Ordinal) && !await SeedDemoAsync(scope.ServiceProvider, app.Configuration))
        {
            return false;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<LearningReviews.Infrastructure.Identity.ApplicationUser>>();
        var token = app.Services.GetRequiredService<SetupToken>();
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Any(u => u.IsActive))
        {
            token.Spend();
        }
        else
        {
            // Written to the console only, not the log files: it is a secret for whoever started the service.
            Console.WriteLine();
            Console.WriteLine("  Learning Reviews has no administrator yet.");
            Console.WriteLine("  Open /setup in the browser and enter this one-time setup token:");
            Console.WriteLine(token.IsFromConfiguration ? "      (the value of LR_SETUP_TOKEN)" : $"      {token.Value}");
            Console.WriteLine();
        }
        return true;
    }

    private static async Task<bool> SeedDemoAsync(IServiceProvider services, IConfiguration configuration)
    {
        var seeder = services.GetRequiredService<DemoDataSeeder>();
        DemoSeedResult result;
        try
        {
            result = await seeder.SeedAsync(configuration["LR_DEMO_PASSWORD"]);
        }
        catch (DemoAccountRefusedException refused)
        {
            // Nothing was written (seeding is one transaction); say why instead of a stack trace.
            await Console.Error.WriteLineAsync(refused.Message);
            await Console.Error.WriteLineAsync("No demo data was created. Choose another LR_DEMO_PASSWORD (at least 12 characters, not a common word or phrase).");
            return false;
        }
        switch (result.Outcome)
        {
            case DemoSeedOutcome.RefusedRealData:
                await Console.Error.WriteLineAsync(
                    "Refusing to seed demo data: this database already holds data that is not demo data. Use an empty database.");
                return false;
            case DemoSeedOutcome.AlreadyPresent:
                Console.WriteLine("Demo data is already present; nothing was changed.");
                return true;
            default:
                Console.WriteLine();
                Console.WriteLine("  Demo partnership created. Sign in as any of:");
                foreach (var (email, _, role) in DemoDataSeeder.Accounts)
                {
                    Console.WriteLine($"      {email,-32} {role}");
                }
                Console.WriteLine(result.GeneratedPassword is null
                    ? "  Password: the value of LR_DEMO_PASSWORD."
                    : $"  Password (shown once): {result.GeneratedPassword}");
                Console.WriteLine();
                return true;
        }
    }
}
