using System.Net;
using LearningReviews.IntegrationTests.Infrastructure;

namespace LearningReviews.IntegrationTests.Pages;

/// <summary>The AGPL asks that every user of the service is offered its source: the footer links to a page that does.</summary>
public sealed class SourcePageTests
{
    [Fact]
    public async Task Every_page_links_to_the_source_code_page_which_states_the_licence()
    {
        await using var app = await AppFactory.StartAsync(Provider.Sqlite);
        using var browser = new TestBrowser(app.NewBrowser());

        var signIn = await browser.GetAsync("/account/sign-in");
        Assert.NotNull(signIn.Html.QuerySelector("footer a[href='/source']"));
        var source = await browser.GetAsync("/source");
        Assert.Equal(HttpStatusCode.OK, source.Status);
        Assert.Contains("GNU Affero General Public License", source.Html.Body!.TextContent, StringComparison.Ordinal);
    }
}
