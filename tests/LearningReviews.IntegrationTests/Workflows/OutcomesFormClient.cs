using LearningReviews.IntegrationTests.Infrastructure;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>Taking a review's Learning Review Outcomes Form to final, as its lead author does on the form's page.</summary>
internal static class OutcomesFormClient
{
    public static async Task FinaliseOutcomesFormAsync(this TestBrowser browser, Guid review)
    {
        var url = $"/reviews/{review}/outcomes-form";
        var page = await browser.GetAsync(url);
        var token = page.Html.QuerySelector($"form[action='{url}/finalise'] input[name=formToken]")?.GetAttribute("value");
        Assert.True(token is not null, "No 'Make the form final' button on the Outcomes Form page");
        var done = await browser.FollowAsync(await browser.PostAsync($"{url}/finalise", [new("formToken", token!)], page.AntiforgeryToken()));
        Assert.True(done.Html.QuerySelector(".app-form-status")?.TextContent.Contains("Final", StringComparison.Ordinal) == true,
            "The form did not become final: " + done.Html.QuerySelector(".govuk-notification-banner, .govuk-error-summary")?.TextContent.Trim());
    }
}
