using System.Globalization;
using LearningReviews.IntegrationTests.Infrastructure;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>Helpers for walking a review through its stages over HTTP, as its users would.</summary>
internal static class WorkflowClient
{
    /// <summary>A GOV.UK date input's three parts for a field name.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Date(string field, DateOnly date) =>
    [
        new($"f.{field}.day", date.Day.ToString(CultureInfo.InvariantCulture)),
        new($"f.{field}.month", date.Month.ToString(CultureInfo.InvariantCulture)),
        new($"f.{field}.year", date.Year.ToString(CultureInfo.InvariantCulture)),
    ];

    public static IEnumerable<KeyValuePair<string, string>> DateTime(string field, DateOnly date, string time) =>
        Date(field, date).Append(new($"f.{field}.time", time));

    /// <summary>Saves a stage form (with its record token) and returns the resulting page.</summary>
    public static async Task<TestBrowser.Page> SaveStageAsync(this TestBrowser browser, Guid review, string stage,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var url = $"/reviews/{review}/stages/{stage}";
        var form = await browser.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, form.Status);
        var token = form.Html.QuerySelector("input[name=recordToken]")!.GetAttribute("value")!;
        return await browser.PostAsync(url, fields.Append(new("recordToken", token)), form.AntiforgeryToken());
    }

    /// <summary>Presses the "Complete stage" button on the review page; returns the answer, a redirect to where the user lands.</summary>
    public static async Task<TestBrowser.Page> PressCompleteStageAsync(this TestBrowser browser, Guid review)
    {
        var page = await browser.GetAsync($"/reviews/{review}");
        var form = page.Html.QuerySelector($"form[action='/reviews/{review}/advance']");
        Assert.True(form is not null, "No 'Complete stage' button; missing: " + string.Join("; ",
            page.Html.QuerySelectorAll(".app-missing li").Select(li => li.TextContent.Trim())));
        var token = form!.QuerySelector("input[name=reviewToken]")!.GetAttribute("value")!;
        var result = await browser.PostAsync($"/reviews/{review}/advance", [new("reviewToken", token)], page.AntiforgeryToken());
        Assert.True(result.IsRedirect);
        return result;
    }

    /// <summary>
    /// Presses the "Complete stage" button on the review page and returns the review page after it. (The
    /// button takes someone who acts at the next stage to its form, with the same message; these tests read
    /// the review page, so it is opened from there.)
    /// </summary>
    public static async Task<TestBrowser.Page> AdvanceAsync(this TestBrowser browser, Guid review)
    {
        var result = await browser.PressCompleteStageAsync(review);
        var landed = await browser.FollowAsync(result);
        return result.Location == $"/reviews/{review}" ? landed : await browser.GetAsync($"/reviews/{review}");
    }

    public static string CurrentStageTitle(this TestBrowser.Page page) =>
        page.Html.QuerySelectorAll(".govuk-summary-list__row")
            .First(r => r.QuerySelector("dt")!.TextContent.Trim() == "Current stage").QuerySelector("dd")!.TextContent.Trim();
}
