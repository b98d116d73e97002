using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

namespace LearningReviews.Web.Startup;

/// <summary>
/// Running behind a TLS-terminating proxy. The proxy's X-Forwarded-For and X-Forwarded-Proto headers are
/// believed only when the request comes from an address listed in <c>ForwardedHeaders:KnownProxies</c>
/// or a network in <c>ForwardedHeaders:KnownNetworks</c>; nothing is trusted by default, not even
/// loopback, so a client cannot claim another address or https for itself. Outside Development every
/// cookie the application sets is Secure and carries the <c>__Host-</c> prefix (the browser then refuses
/// it from plain http, from another path, or with a Domain).
/// </summary>
public static class ProxyAndCookies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddProxyAndCookieSecurity(this IServiceCollection services,
        IConfiguration configuration, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback out of the box; this application trusts only what is configured.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the older list too, so no default entry survives
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in Values(configuration, "KnownProxies"))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in Values(configuration, "KnownNetworks"))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
            if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
            {
                // With both lists empty the middleware would believe every sender, so it is switched off.
                options.ForwardedHeaders = ForwardedHeaders.None;
            }
        });

        // A year, as the UK government's guidance on HTTPS asks (sent only over https, and never for localhost).
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        // Outside Development a plain-http request (one that no trusted proxy vouches for) is sent to https:
        // the Secure cookies would not come back over http, and antiforgery refuses to work there.
        services.AddHttpsRedirection(options => options.HttpsPort = configuration.GetValue("HttpsRedirection:HttpsPort", 443));

        if (environment.IsDevelopment()) return services; // plain http on a developer's machine
        services.PostConfigureAll<CookieAuthenticationOptions>(options => Harden(options.Cookie));
        services.PostConfigure<AntiforgeryOptions>(options => Harden(options.Cookie));
        services.PostConfigure<CookieTempDataProviderOptions>(options => Harden(options.Cookie));
        return services;
    }

    /// <summary>Settings given as an array (<c>KnownProxies:0</c>, …) or one comma-separated value; blanks ignored.</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(Section).GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static void Harden(CookieBuilder cookie)
    {
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Domain = null;
        cookie.Path = "/";
        if (cookie.Name is { } name && !name.StartsWith("__Host-", StringComparison.Ordinal))
        {
            cookie.Name = "__Host-" + name;
        }
    }
}
