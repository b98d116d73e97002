using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace LearningReviews.BrowserTests;

/// <summary>
/// Checks the page in the browser with axe-core (the copy pinned in package.json, injected from
/// LR_AXE_PATH) against WCAG 2.0, 2.1 and 2.2 A and AA rules. Any violation with impact "serious" or
/// "critical" fails the test. Call it after every navigation and after every form post that shows a
/// page, including pages that show validation errors.
/// </summary>
public static class Accessibility
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly string[] FailingImpacts = ["serious", "critical"];

    private const string HowToGetAxe =
        "Run the tests via `bash tests/run-all.sh`, or run `npm ci` in tests/LearningReviews.BrowserTests " +
        "and export LR_AXE_PATH=<absolute path to tests/LearningReviews.BrowserTests/node_modules/axe-core/axe.min.js>.";

    private static string AxePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("LR_AXE_PATH");
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new InvalidOperationException("LR_AXE_PATH is not set, so the accessibility check cannot run. " + HowToGetAxe);
            }
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"LR_AXE_PATH points to '{path}', which does not exist. " + HowToGetAxe);
            }
            return path;
        }
    }

    /// <summary>Fails with the list of serious and critical violations on the current page, if any.</summary>
    /// <param name="page">The page, fully loaded.</param>
    /// <param name="pageDescription">What the page is, for the failure message (e.g. "propose page with errors").</param>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string pageDescription)
    {
        ArgumentNullException.ThrowIfNull(page);
        var axePath = AxePath;
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axePath });
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
                const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
                return results.violations.map(v => ({
                    id: v.id,
                    impact: v.impact,
                    help: v.help,
                    helpUrl: v.helpUrl,
                    targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
                    nodes: v.nodes.length,
                }));
            }
            """,
            WcagTags);

        var failing = violations.EnumerateArray()
            .Where(v => FailingImpacts.Contains(v.GetProperty("impact").GetString()))
            .ToList();
        if (failing.Count == 0) return;

        var message = new StringBuilder()
            .Append(System.Globalization.CultureInfo.InvariantCulture,
                $"axe-core found {failing.Count} serious or critical accessibility violation(s) on the {pageDescription} ({page.Url}):")
            .AppendLine();
        foreach (var v in failing)
        {
            var targets = v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()).ToList();
            message.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"  - {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}")
                .AppendLine()
                .Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"      {v.GetProperty("nodes").GetInt32()} element(s), first: {string.Join(" | ", targets)}")
                .AppendLine()
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"      {v.GetProperty("helpUrl").GetString()}")
                .AppendLine();
        }
        Assert.Fail(message.ToString());
    }
}
