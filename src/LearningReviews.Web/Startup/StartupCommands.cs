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
        app.Services.GetRequiredService<LearningReviews.Domain.Workflows.WorkflowCatalogue>();
        using var scope = app.Services.CreateScope();
        // Adopts a release 1 database if it is one, then applies this provider's migrations.
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        // SQLite keeps no statistics unless asked: without them its plans for the lists grow badly.
        await SqliteConnectionSetup.OptimizeAsync(scope.ServiceProvider.GetRequiredService<LearningReviewsDbContext>());
        // Meeting dates typed on stage forms before those fields read bookings become meetings (once).
        await scope.ServiceProvider.GetRequiredService<LearningReviews.Web.Features.Workflow.TypedMeetingDates>().MoveAsync();
        // Actions saved before the action plans get their source; findings and plan changes become actions (once).
        await scope.ServiceProvider.GetRequiredService<LearningReviews.Web.Features.ActionPlans.ActionSourcesStep>().RunAsync();
        // The managed theme list starts with common safeguarding learning themes (once; Features/Themes).
        await scope.ServiceProvider.GetRequiredService<LearningReviews.Web.Features.Themes.ThemeListSeeding>().SeedAsync();
        // The subgroup list starts with the partnership's four subgroups (once; Features/Subgroups).
        await scope.ServiceProvider.GetRequiredService<LearningReviews.Web.Features.Subgroups.SubgroupListSeeding>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<AccountProvisioning>().EnsureRolesExistAsync();
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
