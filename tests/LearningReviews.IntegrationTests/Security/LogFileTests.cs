using System.Net;
using System.Text.Json;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Features.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearningReviews.IntegrationTests.Security;

/// <summary>
/// The compact-JSON log file, as a log collector would read it: one line per request with its route
/// template, and nothing that names a review, a child or a person, in messages or in properties.
/// </summary>
public sealed class LogFileTests
{
    private const string Marker = "Marker written during a request";

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_json_log_has_a_line_per_request_by_route_and_no_ids_emails_or_case_labels(Provider provider)
    {
        var folder = Directory.CreateTempSubdirectory("lr-logs-").FullName;
        Guid reviewId;
        try
        {
            await using (var app = new AppFactory(await TestDatabase.CreateAsync(provider)))
            {
                await using var host = app.WithWebHostBuilder(builder =>
                {
                    builder.UseSetting("LogSinks:JsonFile", "true");
                    builder.UseSetting("LogSinks:Folder", folder);
                    builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, LogsDuringEveryRequest>());
                });
                reviewId = await UseTheAppAsync(host);
            }

            var lines = Directory.GetFiles(folder, "learningreviews-*.json").SelectMany(File.ReadAllLines).ToList();
            var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();

            Assert.Contains(events, e => IsRequest(e, "POST", "/reviews/propose", 302));
            Assert.Contains(events, e => IsRequest(e, "GET", "/reviews/{id:guid}", 200));
            Assert.Contains(events, e => IsRequest(e, "GET", "/reviews/{id:guid}/participants", 200));
            Assert.Contains(events, e => IsRequest(e, "POST", "/account/sign-in", 200));
            Assert.Contains(events, e => IsRequest(e, "POST", "/account/sign-in", 302));

            // The app's own lines written during a request carry ASP.NET's request scope, but not its path.
            var marks = events.Where(e => e.GetProperty("@mt").GetString() == Marker).ToList();
            Assert.NotEmpty(marks);
            Assert.All(marks, m => Assert.True(m.TryGetProperty("RequestId", out _), m.ToString()));
            Assert.All(marks, m => Assert.False(m.TryGetProperty("RequestPath", out _), m.ToString()));

            string[] personal =
            [
                reviewId.ToString(), reviewId.ToString("N"), "hol@demo.example", "someone-unknown@demo.example",
                "Child Quillon", "CR-77123", "Bruising seen at nursery", "Hana Okafor", "returnUrl",
            ];
            foreach (var secret in personal)
            {
                Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Signs in (once wrongly), proposes a review and opens its pages; returns the new review's id.</summary>
    private static async Task<Guid> UseTheAppAsync(WebApplicationFactory<Program> host)
    {
        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(AppFactory.DemoPassword);
        }
        using var browser = new TestBrowser(host.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
        }));
        var refused = await browser.SubmitAsync("/account/sign-in", [new("Email", "someone-unknown@demo.example"), new("Password", "not-a-password")]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        await browser.SignInAsync("hol@demo.example", AppFactory.DemoPassword);

        Guid north;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearningReviews.Infrastructure.Persistence.LearningReviewsDbContext>();
            north = await db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync();
        }
        var posted = await browser.SubmitAsync("/reviews/propose",
        [
            new("CaseLabel", "Child Quillon"), new("LocalityId", north.ToString()), new("CaseRecordNumber", "CR-77123"),
            new("Reason", "turning-point"), new("ReasonDetail", "Bruising seen at nursery"),
        ]);
        Assert.True(posted.IsRedirect, posted.ErrorSummary);
        var details = await browser.FollowAsync(posted);
        Assert.Contains("Child Quillon", details.Text, StringComparison.Ordinal);
        var reviewId = Guid.Parse(posted.Location!.Split('/').Last());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/reviews/{reviewId}/participants?tab=Child%20Quillon")).Status);

        // Signed out, the review's address sends the browser to sign in with the address in the query string.
        using var stranger = new TestBrowser(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));
        Assert.True((await stranger.GetAsync($"/reviews/{reviewId}")).IsRedirect);
        return reviewId;
    }

    private static bool IsRequest(JsonElement e, string method, string route, int status) =>
        e.TryGetProperty("Route", out var r) && r.GetString() == route
        && e.GetProperty("RequestMethod").GetString() == method
        && e.GetProperty("StatusCode").GetInt32() == status
        && e.GetProperty("Elapsed").GetDouble() >= 0;

    /// <summary>An application log line in the middle of every request, as the app's own code would write.</summary>
    private sealed class LogsDuringEveryRequest : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("LearningReviews.Tests");
            app.Use(async (context, following) =>
            {
                logger.LogWarning(Marker);
                await following(context);
            });
            next(app);
        };
    }
}
