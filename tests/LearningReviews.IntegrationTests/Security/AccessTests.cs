using System.Net;
using LearningReviews.Domain.Auditing;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Security;

public sealed class AccessTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_practitioner_who_takes_no_part_in_a_review_gets_not_found_and_the_attempt_is_audited(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        var (involved, notInvolved) = await app.WithDbAsync(async db =>
        {
            // In the demo data the practitioner was added to Child A's circle, and takes no part in Child B's.
            var mine = await db.Reviews.Where(r => r.Title.EndsWith("Child A")).Select(r => r.Id).SingleAsync();
            var other = await db.Reviews.Where(r => r.Title.EndsWith("Child B")).Select(r => r.Id).SingleAsync();
            return (mine, other);
        });

        var refused = await practitioner.GetAsync($"/reviews/{notInvolved}");
        var allowed = await practitioner.GetAsync($"/reviews/{involved}");

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Equal("Page not found", refused.H1);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Contains("Restricted to managers", allowed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO-A", allowed.Text, StringComparison.Ordinal);
        var denied = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.AccessDenied && e.EntityId == notInvolved.ToString()));
        Assert.Equal(1, denied);

        var myWork = await practitioner.GetAsync("/");
        var takesPart = await app.WithDbAsync(db => db.Reviews.CountAsync(r => r.Participants.Any(p => p.Email == "practitioner@demo.example")));
        Assert.Equal(takesPart, myWork.Html.QuerySelectorAll("tbody tr").Length);
        Assert.DoesNotContain(myWork.Html.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == $"/reviews/{notInvolved}");
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Managers_see_their_own_localitys_reviews_and_not_others(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var serviceManager = await app.SignedInAsAsync("sm@demo.example");
        // Locality Learning Circles are the locality managers' own kind: the North ones are listed, the South one is not found.
        var circles = await app.WithDbAsync(db => db.Reviews.Where(r => r.MethodologyKey == "locality-learning-circle")
            .Select(r => new { r.Id, Locality = r.Locality!.Name }).ToListAsync());
        var south = circles.Single(c => c.Locality == "South Locality").Id;

        var myWork = await serviceManager.GetAsync("/");
        var listed = myWork.Html.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(3, circles.Count(c => c.Locality == "North Locality"));
        Assert.All(circles.Where(c => c.Locality == "North Locality"), c => Assert.Contains($"/reviews/{c.Id}", listed));
        Assert.DoesNotContain($"/reviews/{south}", listed);
        Assert.Equal(HttpStatusCode.NotFound, (await serviceManager.GetAsync($"/reviews/{south}")).Status);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_roles_guard_their_pages(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var anonymous = new TestBrowser(app.NewBrowser());

        var home = await anonymous.GetAsync("/");
        Assert.True(home.IsRedirect);
        Assert.StartsWith("/account/sign-in", new Uri(new Uri("http://localhost"), home.Location!).PathAndQuery, StringComparison.Ordinal);

        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        foreach (var managersOnly in new[] { "/reviews/propose", "/admin/users" })
        {
            var refused = await practitioner.GetAsync(managersOnly);
            Assert.True(refused.IsRedirect, managersOnly);
            var page = await practitioner.FollowAsync(refused);
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Equal("You do not have access to this page", page.H1);
        }
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_changes_nothing(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.Reviews.CountAsync());

        var response = await hol.PostAsync("/reviews/propose",
            [new("CaseLabel", "Child T"), new("LocalityId", north.ToString()), new("Reason", "turning-point"), new("ReasonDetail", "x")],
            antiforgeryToken: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reviews.CountAsync()));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Data_protection_keys_are_kept_in_the_database(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var browser = new TestBrowser(app.NewBrowser());

        await browser.GetAsync("/account/sign-in"); // issues an antiforgery token, which needs a key

        Assert.True(await app.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Logs_carry_routes_and_statuses_but_no_personal_data(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());

        var posted = await hol.SubmitAsync("/reviews/propose",
        [
            new("CaseLabel", "Child Kappa"), new("LocalityId", north.ToString()), new("CaseRecordNumber", "CR-55501"),
            new("Reason", "turning-point"), new("ReasonDetail", "Disclosure at school about home"),
        ]);
        await hol.FollowAsync(posted);

        var lines = app.Logs.Lines;
        Assert.Contains(lines, l => l.Contains("HTTP POST /reviews/propose responded 302", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("HTTP GET /reviews/{id:guid} responded 200", StringComparison.Ordinal));
        string[] personal = ["Child Kappa", "CR-55501", "Disclosure at school", "hol@demo.example", "Hana Okafor", posted.Location!.Split('/').Last()];
        foreach (var secret in personal)
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
