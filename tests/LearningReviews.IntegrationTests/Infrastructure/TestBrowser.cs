using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace LearningReviews.IntegrationTests.Infrastructure;

/// <summary>
/// Drives the app the way a browser does: follows redirects itself, reads pages as HTML, and posts
/// forms with the antiforgery token the page gave it.
/// </summary>
public sealed class TestBrowser(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    public async Task<Page> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return await Page.ReadAsync(response);
    }

    /// <summary>Fetches the form page, then posts the given fields plus its antiforgery token.</summary>
    public async Task<Page> SubmitAsync(string formUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var form = await GetAsync(formUrl);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await PostAsync(postUrl ?? formUrl, fields, form.AntiforgeryToken());
    }

    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? antiforgeryToken)
    {
        var all = fields.ToList();
        if (antiforgeryToken is not null) all.Add(new("__RequestVerificationToken", antiforgeryToken));
        var response = await Client.PostAsync(url, new FormUrlEncodedContent(all));
        return await Page.ReadAsync(response);
    }

    /// <summary>Follows a redirect the way a browser would.</summary>
    public Task<Page> FollowAsync(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        Assert.True(page.IsRedirect, $"Expected a redirect but got {(int)page.Status}");
        return GetAsync(page.Location!);
    }

    public async Task SignInAsync(string email, string password)
    {
        var result = await SubmitAsync("/account/sign-in", [new("Email", email), new("Password", password)]);
        Assert.True(result.IsRedirect, $"Sign-in as {email} failed: {result.ErrorSummary}");
    }

    public void Dispose() => Client.Dispose();

    public sealed record Page(HttpStatusCode Status, string? Location, IHtmlDocument Html, string Text)
    {
        public bool IsRedirect => Status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther;

        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            ArgumentNullException.ThrowIfNull(response);
            var body = await response.Content.ReadAsStringAsync();
            var location = response.Headers.Location?.ToString();
            return new Page(response.StatusCode, location, Parser.ParseDocument(body), body);
        }

        public string? AntiforgeryToken() =>
            Html.QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? Html.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");

        public string ErrorSummary => Html.QuerySelector(".govuk-error-summary")?.TextContent.Trim() ?? "";

        public string H1 => Html.QuerySelector("h1")?.TextContent.Trim() ?? "";

        public string? InputValue(string id) => Html.GetElementById(id)?.GetAttribute("value");

        public string? TextareaValue(string id) => Html.GetElementById(id)?.TextContent;
    }
}
