namespace LearningReviews.BrowserTests;

/// <summary>
/// Guards the guard: the accessibility check must really run axe-core and fail on a serious problem,
/// otherwise a broken setup would let every journey pass unchecked.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task Check_fails_on_a_page_with_critical_violations()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SetContentAsync(
                """
                <!DOCTYPE html>
                <html lang="en"><head><title>Broken on purpose</title></head>
                <body><main><h1>Broken on purpose</h1><img src="data:,"><button></button></main></body></html>
                """);

            var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(
                () => Accessibility.AssertNoSeriousViolationsAsync(page, "deliberately inaccessible page"));
            Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
            Assert.Contains("button-name (critical)", failure.Message, StringComparison.Ordinal);
            Assert.Contains("deliberately inaccessible page", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Check_passes_a_page_without_violations()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SetContentAsync(
                """
                <!DOCTYPE html>
                <html lang="en"><head><title>Fine</title></head>
                <body><main><h1>Fine</h1><img src="data:," alt="A picture"><button>Continue</button></main></body></html>
                """);

            await Accessibility.AssertNoSeriousViolationsAsync(page, "accessible page");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
