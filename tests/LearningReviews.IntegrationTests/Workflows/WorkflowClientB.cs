using System.Globalization;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>
/// More helpers for walking reviews over HTTP: starting any methodology from its start form, the
/// people to choose in person fields, rows, learning points and actions as a form posts them, and
/// what the review page shows when a gate does not hold.
/// </summary>
internal static class WorkflowClientB
{
    /// <summary>Fills in and sends the start form of a methodology (<c>/reviews/start/{key}</c>) and returns the new review's id.</summary>
    public static async Task<Guid> StartReviewAsync(this TestBrowser browser, string key, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var started = await browser.SubmitAsync($"/reviews/start/{key}", fields);
        Assert.True(started.IsRedirect, started.ErrorSummary);
        return Guid.Parse(started.Location!.Split('/').Last());
    }

    public static Task<Guid> LocalityIdAsync(this AppFactory app, string name) =>
        app.WithDbAsync(db => db.Localities.Where(l => l.Name == name).Select(l => l.Id).SingleAsync());

    /// <summary>The user ids of demo accounts, which is what person and people fields post.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> UserIdsAsync(this AppFactory app, params string[] emails)
    {
        var ids = await app.WithDbAsync(db => db.Users.Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id));
        Assert.Equal(emails.Length, ids.Count);
        return ids;
    }

    /// <summary>One row of a rows field: <c>f.{field}[i].{column}</c> for text and choice cells.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Row(string field, int index, params (string Column, string Value)[] cells) =>
        cells.Select(c => new KeyValuePair<string, string>($"f.{field}[{index}].{c.Column}", c.Value));

    /// <summary>A date cell of a row: <c>f.{field}[i].{column}.day/.month/.year</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> RowDate(string field, int index, string column, DateOnly date) =>
        WorkflowClient.Date($"{field}[{index}].{column}", date);

    /// <summary>A new learning point in box <paramref name="index"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> LearningPoint(int index, string text) =>
        [new($"lp[{index}].id", ""), new($"lp[{index}].text", text)];

    /// <summary>A SMART action in row <paramref name="index"/>; <paramref name="id"/> is empty for a new one.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Action(int index, string what, string owner, DateOnly? due, string impact, string id = "") =>
    [
        new($"act[{index}].id", id), new($"act[{index}].what", what), new($"act[{index}].owner", owner),
        new($"act[{index}].impact", impact), .. (due is { } date ? ActionDue(index, date) : []),
    ];

    /// <summary>An action's due date, a GOV.UK date input: <c>act[i].due.day/.month/.year</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ActionDue(int index, DateOnly due) =>
    [
        new($"act[{index}].due.day", due.Day.ToString(CultureInfo.InvariantCulture)),
        new($"act[{index}].due.month", due.Month.ToString(CultureInfo.InvariantCulture)),
        new($"act[{index}].due.year", due.Year.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>The value a stage form holds in one of its inputs, such as the id of a saved action (<c>act[0].id</c>).</summary>
    public static async Task<string> StageFormValueAsync(this TestBrowser browser, Guid review, string stage, string name)
    {
        var form = await browser.GetAsync($"/reviews/{review}/stages/{stage}");
        return form.Html.QuerySelector($"input[name='{name}']")?.GetAttribute("value") ?? "";
    }

    /// <summary>
    /// Checks that a stage form was saved: the app went on to the check-answers page (a refusal also
    /// redirects, to the access-denied page, so a redirect alone proves nothing), which then shows.
    /// </summary>
    public static async Task<TestBrowser.Page> AssertSavedAsync(this TestBrowser browser, TestBrowser.Page saved)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(saved);
        Assert.True(saved.IsRedirect && saved.Location!.EndsWith("/check", StringComparison.Ordinal),
            $"Not saved ({(int)saved.Status} {saved.Location}): {saved.ErrorSummary}");
        var check = await browser.FollowAsync(saved);
        Assert.Equal(System.Net.HttpStatusCode.OK, check.Status);
        Assert.Equal("Check your answers", check.H1);
        return check;
    }

    /// <summary>What the review page lists as missing before the current stage can be completed.</summary>
    public static IReadOnlyList<string> Missing(this TestBrowser.Page page) =>
        page.Html.QuerySelectorAll(".app-missing li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>Whether the review page offers the "Complete stage" button.</summary>
    public static bool OffersAdvance(this TestBrowser.Page page, Guid review) =>
        page.Html.QuerySelector($"form[action='/reviews/{review}/advance']") is not null;

    /// <summary>The review page's deadline line whose title starts with <paramref name="title"/>, as read on the page.</summary>
    public static string? Deadline(this TestBrowser.Page page, string title) =>
        page.Html.QuerySelectorAll("ul.govuk-list li")
            .Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .FirstOrDefault(text => text.StartsWith(title, StringComparison.Ordinal));
}
