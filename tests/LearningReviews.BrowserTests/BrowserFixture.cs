using Microsoft.Playwright;

namespace LearningReviews.BrowserTests;

/// <summary>
/// One headless Chromium for the whole test run: Debian's own build (LR_CHROMIUM, default
/// /usr/bin/chromium), driven by the Playwright driver that the Microsoft.Playwright package copies to
/// the output folder. No Playwright browser download is used. Each test opens its own context
/// (<see cref="NewPageAsync"/>), so cookies never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Generous limits: the test machines are slow and shared. Nothing here measures speed.</summary>
    public const float ActionTimeoutMs = 60_000;
    public const float NavigationTimeoutMs = 90_000;
    public const float ExpectTimeoutMs = 30_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("LR_CHROMIUM");
        if (string.IsNullOrWhiteSpace(executable)) executable = "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at '{executable}'. Install Debian's chromium package or set LR_CHROMIUM " +
                "(bash tests/run-all.sh does both).");
        }

        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Timeout = NavigationTimeoutMs,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A page in a fresh browser context (no cookies), with generous timeouts.</summary>
    /// <remarks>
    /// BypassCSP lets the accessibility check inject axe-core even if the app sends a
    /// Content-Security-Policy that would block it.
    /// </remarks>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = true,
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(ActionTimeoutMs);
        context.SetDefaultNavigationTimeout(NavigationTimeoutMs);
        return await context.NewPageAsync();
    }

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}

/// <summary>Browser test classes share one Chromium and run one after another (the machines have few cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
