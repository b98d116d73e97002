using System.Net;
using AngleSharp.Html.Parser;
using LearningReviews.Domain.Auditing;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.Security;

/// <summary>
/// The application behind a TLS-terminating proxy at 10.0.0.5, which speaks plain http to it and says
/// what the client asked for in X-Forwarded-For and X-Forwarded-Proto. The test host has no real
/// connection, so a test middleware sets the connection's address from X-Test-Remote-Address.
/// </summary>
public sealed class ProxyTests
{
    private const string Proxy = "10.0.0.5";
    private const string Client = "203.0.113.7";
    private const string Stranger = "198.51.100.9";

    [Fact]
    public async Task Through_the_configured_proxy_cookies_are_secure_hsts_is_sent_and_redirects_say_https()
    {
        await using var app = await StartAsync(Provider.Sqlite);
        using var http = NewClient(app, from: Proxy);

        var home = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("https://learningreviews.example/account/sign-in", home.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(home.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", string.Join(' ', home.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);

        var (signInCookies, authCookie) = await SignInAsync(http, app);
        Assert.All(signInCookies.Concat([authCookie]), cookie =>
        {
            Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task The_same_headers_from_an_address_that_is_not_a_configured_proxy_are_ignored()
    {
        await using var app = await StartAsync(Provider.Sqlite);
        using var http = NewClient(app, from: Stranger);

        // Not https, whatever the header says: sent to https, and no HSTS on a plain-http answer.
        var home = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, home.StatusCode);
        Assert.Equal("https://learningreviews.example/", home.Headers.Location!.ToString());
        Assert.False(home.Headers.Contains("Strict-Transport-Security"));

        // Over https from the stranger, the forwarded client address is not believed either.
        using var https = NewClient(app, from: Stranger, scheme: "https");
        var (_, authCookie) = await SignInAsync(https, app);
        Assert.Contains("; secure", authCookie, StringComparison.OrdinalIgnoreCase);
        var address = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.SignedIn).Select(e => e.IpAddress).SingleAsync());
        Assert.Equal(Stranger, address);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_audit_log_records_the_client_address_the_trusted_proxy_forwards(Provider provider)
    {
        await using var app = await StartAsync(provider);
        using var http = NewClient(app, from: Proxy);

        await SignInAsync(http, app);

        var address = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.SignedIn).Select(e => e.IpAddress).SingleAsync());
        Assert.Equal(Client, address);
    }

    [Fact]
    public async Task Nothing_is_trusted_when_no_proxy_is_configured_not_even_loopback()
    {
        await using var app = await AppFactory.StartAsync(Provider.Sqlite, TestConnectionAddress);
        using var http = NewClient(app, from: "127.0.0.1");

        var home = await http.GetAsync("/");

        // The forwarded https is not believed: the request is plain http and is sent to https.
        Assert.Equal(HttpStatusCode.TemporaryRedirect, home.StatusCode);
        Assert.False(home.Headers.Contains("Strict-Transport-Security"));
    }

    private static Task<AppFactory> StartAsync(Provider provider) =>
        AppFactory.StartAsync(provider, TestConnectionAddress, new Dictionary<string, string>
        {
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
            ["ForwardedHeaders:KnownNetworks:0"] = "192.0.2.0/24",
        });

    private static void TestConnectionAddress(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, ConnectionAddressFromTestHeader>();

    /// <summary>A client that talks plain http, as a proxy does, and keeps cookies itself (a Secure cookie is never sent back over http by HttpClient).</summary>
    private static HttpClient NewClient(AppFactory app, string from, string scheme = "http")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri(scheme + "://learningreviews.example"),
        });
        client.DefaultRequestHeaders.Add("X-Test-Remote-Address", from);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", Client);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    /// <returns>The cookies the sign-in page set, and the sign-in cookie.</returns>
    private static async Task<(List<string> FormCookies, string AuthCookie)> SignInAsync(HttpClient http, AppFactory app)
    {
        await app.SeedDemoAsync();
        var form = await http.GetAsync("/account/sign-in");
        var formCookies = form.Headers.GetValues("Set-Cookie").ToList();
        var html = new HtmlParser().ParseDocument(await form.Content.ReadAsStringAsync());
        var token = html.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "admin@demo.example",
                ["Password"] = AppFactory.DemoPassword,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", formCookies.Select(c => c.Split(';')[0])));
        var signedIn = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.Contains("LearningReviews.Auth=", StringComparison.Ordinal));
        return (formCookies, auth);
    }

    private sealed class ConnectionAddressFromTestHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers["X-Test-Remote-Address"], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
