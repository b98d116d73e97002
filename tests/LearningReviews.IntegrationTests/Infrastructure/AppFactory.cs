using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LearningReviews.IntegrationTests.Infrastructure;

/// <summary>
/// The real application, in memory, on a test database of its own. Everything is the production
/// wiring; only the database, a known setup token and the clock are chosen by the test.
/// </summary>
public sealed class AppFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public const string SetupToken = "test-setup-token-0123";
    public const string DemoPassword = "Correct-Horse-Battery-42";

    /// <summary>
    /// A mid-morning on a Wednesday in June, London time (10:00 BST): no test depends on the day or
    /// hour it runs, and "today" is the same date in UTC and in the partnership's time zone.
    /// </summary>
    public static readonly DateTimeOffset StartTime = new(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);

    public TestDatabase Database { get; } = database;

    /// <summary>The application's only clock; a test moves it with Advance. Tests may still replace it through TestServices.</summary>
    public FakeTimeProvider Clock { get; } = new(StartTime);

    /// <summary>The partnership's date today, by the application's clock: what dates on forms are measured against.</summary>
    public DateOnly Today => Services.GetRequiredService<Web.Infrastructure.PartnershipTime>().Today;
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>False for a second instance of the application on another's database: it leaves the database alone.</summary>
    public bool OwnsDatabase { get; init; } = true;

    /// <summary>Replaces or adds services after the application's own (e.g. a workflow catalogue with an extra version).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Further configuration settings, applied after the test defaults (e.g. a data-protection certificate).</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    public static async Task<AppFactory> StartAsync(Provider provider, Action<IServiceCollection>? testServices = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var factory = new AppFactory(await TestDatabase.CreateAsync(provider))
        {
            TestServices = testServices,
            Settings = settings,
        };
        _ = factory.Server; // builds the host: migrates the database and opens setup
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.AppProvider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("LogSinks:File", "false");
        builder.UseSetting("LogSinks:Console", "false");
        builder.UseSetting("LR_SETUP_TOKEN", SetupToken);
        // Every test signs in from the same address, many times a minute; the rate-limit tests set their own limits.
        builder.UseSetting("RateLimits:SignInPerAddress", "1000");
        // Most tests sign in with a password only; TwoFactorTests set the roles that need a second factor.
        builder.UseSetting("Authentication:RequireTwoFactorForRoles:0", "");
        foreach (var (key, value) in Settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton<TimeProvider>(Clock);
        });
        if (TestServices is not null) builder.ConfigureServices(TestServices);
    }

    public HttpClient NewBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    /// <summary>A signed-in browser for one of the demo accounts (seeding the demo partnership if needed).</summary>
    public async Task<TestBrowser> SignedInAsAsync(string email)
    {
        await SeedDemoAsync();
        var browser = new TestBrowser(NewBrowser());
        await browser.SignInAsync(email, DemoPassword);
        return browser;
    }

    public async Task SeedDemoAsync()
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(DemoPassword);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a fresh context, after the page views audited so far have been written
    /// (they are written off the request, PendingViewAudits), so a test reads the audit log as the audit page would.
    /// </summary>
    public async Task<T> WithDbAsync<T>(Func<LearningReviewsDbContext, Task<T>> work)
    {
        await FlushViewAuditsAsync();
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<LearningReviewsDbContext>());
    }

    /// <summary>Waits until every page view audited so far is in the database.</summary>
    public Task FlushViewAuditsAsync() => Services.GetRequiredService<PendingViewAudits>().FlushAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase) await Database.DisposeAsync();
    }
}
