using LearningReviews.Web.Features.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.BrowserTests;

/// <summary>
/// The real application served by Kestrel on 127.0.0.1 at a port the system picks, with a fresh SQLite
/// database file in a temporary folder and the demo partnership seeded. One per test class (a class
/// fixture), so a class's tests share the database and each class starts clean.
/// </summary>
public class LearningReviewsAppHost : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>The role that must sign in with two factors on this host; empty: none (the journeys sign in with passwords only).</summary>
    private readonly string _roleNeedingTwoFactor;

    /// <summary>The application's clock when a subclass sets one (the journeys); null: the machine's clock.</summary>
    private readonly TimeProvider? _clock;

    public LearningReviewsAppHost() : this("")
    {
    }

    /// <summary>Further configuration values a subclass gives the app (name, value), applied last.</summary>
    private readonly IReadOnlyDictionary<string, string>? _settings;

    protected LearningReviewsAppHost(string roleNeedingTwoFactor, TimeProvider? clock = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        _roleNeedingTwoFactor = roleNeedingTwoFactor;
        _clock = clock;
        _settings = settings;
    }

    /// <summary>
    /// Password of every demo account. Meets the app's rules (12+ characters, no common word, no demo
    /// account's email name).
    /// </summary>
    public const string DemoPassword = "Journey-Test-Kestrel-7291";

    private readonly string _folder =
        Directory.CreateTempSubdirectory("lr-browser-").FullName;
    private Factory? _factory;

    /// <summary>Where the app writes the email it sends, one .eml file a message (no mail server is configured).</summary>
    public string MailPickupFolder => Path.Combine(_folder, "mail-pickup");

    /// <summary>The running app's services, for what a journey cannot do on a page (a meeting booked before today).</summary>
    public IServiceProvider Services => (_factory ?? throw new InvalidOperationException("The app host has not started.")).Services;

    /// <summary>The address the app listens on, e.g. http://127.0.0.1:43817/ (always ends with "/").</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _factory = new Factory(Path.Combine(_folder, "app.db"), MailPickupFolder, _roleNeedingTwoFactor, _clock, _settings);
        _factory.UseKestrel(0);
        // Runs Program's Main: builds the app, migrates the database (PrepareDatabaseAsync), runs the
        // startup commands and starts Kestrel.
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress
                      ?? throw new InvalidOperationException("The test host did not report the address Kestrel listens on.");
        if (BaseAddress.Port == 0 || !BaseAddress.IsLoopback)
        {
            throw new InvalidOperationException($"Unexpected test host address {BaseAddress}.");
        }
        if (!BaseAddress.AbsoluteUri.EndsWith('/'))
        {
            BaseAddress = new Uri(BaseAddress.AbsoluteUri + "/");
        }

        await using var scope = _factory.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
        var result = await seeder.SeedAsync(DemoPassword);
        if (result.Outcome != DemoSeedOutcome.Seeded)
        {
            throw new InvalidOperationException($"Demo data was not seeded into the fresh database: {result.Outcome}.");
        }
    }

    /// <summary>An absolute URL on the test host for an app-relative path such as "/reviews/propose".</summary>
    public string Url(string path) => new Uri(BaseAddress, path.TrimStart('/')).AbsoluteUri;

    /// <summary>
    /// The same address by the name localhost instead of 127.0.0.1. Passkeys need it: WebAuthn takes the site's
    /// domain as the relying party id, and an IP address cannot be one; http://localhost is a secure context.
    /// </summary>
    public string LocalhostUrl(string path) =>
        new Uri(new UriBuilder(BaseAddress) { Host = "localhost" }.Uri, path.TrimStart('/')).AbsoluteUri;

    /// <summary>The audit log's actions for one account, oldest first (what the app recorded during a journey).</summary>
    public async Task<List<string>> AuditActionsForAsync(string email)
    {
        var factory = _factory ?? throw new InvalidOperationException("The test host has not started.");
        // Page views are audited off the request: wait for those made so far, as the audit page does.
        await factory.Services.GetRequiredService<LearningReviews.Infrastructure.Auditing.PendingViewAudits>().FlushAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningReviews.Infrastructure.Persistence.LearningReviewsDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.AuditEvents.Where(e => e.EntityType == "User" && e.EntityId == userId)
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
    }

    /// <summary>
    /// Sends the email that is due by the app's clock, as the scheduled job does. A host with a clock of its
    /// own needs this: with the app's clock on another day than the machine's, the scheduled job sends
    /// nothing (tried: a queued invitation stayed pending for 40 s at a 1 s interval, and was sent within
    /// a second on the machine's clock), which is why the integration tests of the scheduler use the
    /// system clock.
    /// </summary>
    public async Task SendDueEmailAsync()
    {
        var factory = _factory ?? throw new InvalidOperationException("The test host has not started.");
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LearningReviews.Web.Features.Email.EmailDispatcher>().DispatchDueAsync();
    }

    /// <summary>The email outbox in one line a message (kind, status, attempts, last error): what a test says when mail it waits for does not come.</summary>
    public async Task<string> OutboxSummaryAsync()
    {
        var factory = _factory ?? throw new InvalidOperationException("The test host has not started.");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningReviews.Infrastructure.Persistence.LearningReviewsDbContext>();
        var rows = await db.EmailOutbox.AsNoTracking().OrderBy(m => m.CreatedAt)
            .Select(m => new { m.Kind, m.Status, m.Attempts, m.NextAttemptAt, m.LastError }).ToListAsync();
        return string.Join("; ", rows.Select(m => $"{m.Kind} {m.Status} after {m.Attempts} attempts, next at {m.NextAttemptAt:O}: {m.LastError}"));
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public async Task DisposeAsync()
    {
        var factory = Interlocked.Exchange(ref _factory, null);
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        // SQLite pools connections; release the file handles before deleting the folder.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in /tmp; harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Left behind in /tmp; harmless.
        }
    }

    private sealed class Factory(string databasePath, string mailPickupFolder, string roleNeedingTwoFactor, TimeProvider? clock,
        IReadOnlyDictionary<string, string>? settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
            builder.UseSetting("LogSinks:File", "false");
            builder.UseSetting("Authentication:RequireTwoFactorForRoles:0", roleNeedingTwoFactor);
            builder.UseSetting("LR_DEMO_PASSWORD", DemoPassword);
            // Test messages go to the host's temporary folder, not into the source tree.
            builder.UseSetting("Email:PickupFolder", mailPickupFolder);
            foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(name, value);
            }
            if (clock is not null)
            {
                builder.ConfigureServices(services => services.AddSingleton(clock));
            }
        }
    }
}

/// <summary>The app as configured out of the box for two-factor sign-in: administrators must use it.</summary>
public sealed class AdministratorsNeedTwoFactorAppHost() : LearningReviewsAppHost(LearningReviews.Domain.Identity.Roles.Administrator);

/// <summary>
/// The app for the methodology journeys: its clock starts on a fixed Wednesday morning and runs, so
/// the dates the journeys type (relative to the app's "today") fall on the same weekdays whatever day
/// the suite runs, and no working-day or bank-holiday rule changes what a journey meets. Every demo
/// user signs in several times a minute from 127.0.0.1, above the sign-in rate limit meant for people.
/// </summary>
public sealed class JourneyAppHost : LearningReviewsAppHost
{
    /// <summary>10:00 in London on Wednesday 10 June 2026 (the integration tests' day too).</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly RunningClock _clock;

    public JourneyAppHost() : this(new RunningClock(Start))
    {
    }

    private JourneyAppHost(RunningClock clock) : base("", clock) => _clock = clock;

    /// <summary>The date today by the app's clock (the same in UTC and London at this hour): what the journeys' dates are measured from.</summary>
    public DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
}
