using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LearningReviews.BrowserTests.Journeys;

/// <summary>
/// One review taken through its stages by the demo users, each in their own browser context (as if
/// on their own computer). Counts the page loads of everyone together and checks each distinct page
/// once with axe-core.
/// </summary>
/// <remarks>
/// What counts as a page load: every document the browser loads into a tab's main frame (its "load"
/// event). A link followed, a form posted and its redirect together (POST, 302, GET) and an address
/// typed all count once; a download (the record PDF), a script changing the page in place and a jump
/// to an anchor on the same page do not. Signing in counts two (the sign-in page and My work).
/// </remarks>
public sealed partial class Journey(BrowserFixture browser, JourneyAppHost app, ITestOutputHelper output, string methodology,
    bool javaScriptEnabled = true) : IAsyncDisposable
{
    private readonly Dictionary<string, JourneyActor> _actors = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _checkedPages = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public string Methodology { get; } = methodology;
    public bool JavaScriptEnabled { get; } = javaScriptEnabled;
    public JourneyAppHost App { get; } = app;
    public ITestOutputHelper Output { get; } = output;

    /// <summary>Today by the app's clock (a fixed day, see JourneyAppHost): what every date typed is measured from.</summary>
    public DateOnly Today => App.Today;

    public int PageLoads { get; internal set; }
    public string ReviewUrl { get; internal set; } = "";
    public string Reference { get; internal set; } = "";

    /// <summary>Who loaded a page last: anyone else's tab may show the review as it was before.</summary>
    internal JourneyActor? LastActor { get; set; }

    /// <summary>Everything typed on the way, so the record PDF can be checked for it at the end.</summary>
    internal List<string> Typed { get; } = [];

    /// <summary>The demo user with this email, signed in on first use.</summary>
    public async Task<JourneyActor> AsAsync(string email)
    {
        if (_actors.TryGetValue(email, out var actor)) return actor;
        var page = await browser.NewPageAsync(JavaScriptEnabled);
        page.Load += (_, _) => PageLoads++;
        actor = new JourneyActor(this, page, email);
        _actors[email] = actor;
        await actor.SignInAsync();
        return actor;
    }

    /// <summary>axe-core on the page, once per kind of page (its path with ids taken out, and its heading).</summary>
    internal async Task CheckAccessibilityAsync(IPage page)
    {
        if (!JavaScriptEnabled) return; // axe is a script; the same pages are checked by the journeys with scripts on
        var heading = await page.Locator("h1").First.InnerTextAsync();
        var template = IdPattern().Replace(new Uri(page.Url).AbsolutePath, "{id}");
        var title = await page.TitleAsync();
        var key = template + "|" + heading + (title.StartsWith("Error:", StringComparison.Ordinal) ? "|error" : "");
        if (!_checkedPages.Add(key)) return;
        await Accessibility.AssertNoSeriousViolationsAsync(page, $"{heading} ({template})");
        await ScreenshotAsync(page, heading);
    }

    /// <summary>
    /// With LR_JOURNEY_SCREENSHOTS set to a folder, a full-page PNG of each kind of page, to look at the
    /// pages as users meet them (docs/workflows.md says how). Off in CI: nobody looks at them there.
    /// </summary>
    private async Task ScreenshotAsync(IPage page, string heading)
    {
        var folder = Environment.GetEnvironmentVariable("LR_JOURNEY_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        var name = $"{Methodology} {_checkedPages.Count:00} {heading}";
        name = string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Writes the count to the test output, in a form the docs table is copied from.</summary>
    public void Report() =>
        Output.WriteLine($"Page loads: {Methodology}{(JavaScriptEnabled ? "" : " (JavaScript off)")}: {PageLoads} " +
                         $"({_clock.Elapsed.TotalSeconds:0} s, {_actors.Count} users)");

    public async ValueTask DisposeAsync()
    {
        foreach (var actor in _actors.Values)
        {
            await actor.Page.Context.CloseAsync();
        }
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex IdPattern();
}
