using System.Net;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.Security;

/// <summary>
/// Posts awkward values (empty, 100,000 characters, right-to-left text, emoji, NUL, script, dates
/// that are not dates) into every field of the stage form each demo review is at, of every start
/// form of the nine methodologies, and of the other forms and addresses, and expects no 5xx:
/// bad input is answered with a message or a 4xx, never an error page.
/// One post per value class fills every field at once, so the test stays within a few minutes.
/// </summary>
public sealed class FuzzTests
{
    private static readonly (string Name, string Value)[] Values =
    [
        ("empty", ""),
        ("over-long", new string('x', 100_000)),
        ("right-to-left", "\u202Eمرحبا بالعالم שלום"),
        ("emoji", "👩‍👩‍👧‍👦 🔥 🧒🏽"),
        ("NUL", "a\0b"),
        ("script", "<script>alert(1)</script>"),
        ("malformed date", "31/02/-1"),
        ("huge number", "-99999999999999999999999"),
    ];

    private static readonly string[] Accounts =
        ["hol", "sm", "tm", "practitioner", "qa", "bm", "lead", "facilitator", "subgroup", "agency", "admin"];

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task No_input_to_any_form_or_address_gives_a_server_error(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var browsers = new Dictionary<string, TestBrowser>();
        foreach (var account in Accounts) browsers[account] = await app.SignedInAsAsync($"{account}@demo.example");
        var failures = new List<string>();
        try
        {
            var reviews = await app.WithDbAsync(db => db.Reviews
                .Where(r => r.Status == ReviewStatus.Proposed || r.Status == ReviewStatus.InProgress)
                .Select(r => new { r.Id, r.MethodologyKey, r.CurrentStageKey }).ToListAsync());
            var covered = new HashSet<string>();
            foreach (var review in reviews)
            {
                var stageUrl = $"/reviews/{review.Id}/stages/{review.CurrentStageKey}";
                foreach (var (account, browser) in browsers)
                {
                    var form = await browser.GetAsync(stageUrl);
                    if (form.Html.QuerySelector("input[name=recordToken]") is null) continue;
                    covered.Add($"{review.MethodologyKey}/{review.CurrentStageKey}");
                    foreach (var (name, value) in Values)
                    {
                        var fresh = await browser.GetAsync(stageUrl);
                        var token = fresh.Html.QuerySelector("input[name=recordToken]")?.GetAttribute("value") ?? "";
                        var fields = FieldNames(fresh).Where(n => n != "recordToken").Select(n => new KeyValuePair<string, string>(n, value))
                            .Append(new("recordToken", token));
                        Check(failures, $"{account} POST {stageUrl} ({name})", await browser.PostAsync(stageUrl, fields, fresh.AntiforgeryToken()));
                    }
                    break;
                }
            }
            Assert.True(covered.Count >= 9, "Stage forms fuzzed: " + string.Join(", ", covered));

            // Every methodology's start form, as the people who start them.
            var methodologies = app.Services.GetRequiredService<WorkflowCatalogue>().Latest.Select(d => d.Key).ToList();
            foreach (var key in methodologies)
            {
                foreach (var account in new[] { "bm", "tm", "hol" })
                {
                    var url = $"/reviews/start/{key}";
                    var form = await browsers[account].GetAsync(url);
                    if (form.Status != HttpStatusCode.OK) continue;
                    foreach (var (name, value) in Values)
                        Check(failures, $"{account} POST {url} ({name})", await browsers[account].PostAsync(url,
                            FieldNames(form).Select(n => new KeyValuePair<string, string>(n, value)), form.AntiforgeryToken()));
                    break;
                }
            }

            // The other forms of a review: moves, people, the Outcomes Form, with tokens both right and fuzzed.
            foreach (var review in reviews.Take(12))
            {
                foreach (var (account, browser) in browsers.Take(8))
                {
                    var page = await browser.GetAsync($"/reviews/{review.Id}");
                    if (page.Status != HttpStatusCode.OK) continue;
                    var reviewToken = page.Html.QuerySelector("input[name=reviewToken]")?.GetAttribute("value") ?? "";
                    foreach (var (name, value) in Values)
                    {
                        foreach (var (url, fields) in new (string, KeyValuePair<string, string>[])[]
                                 {
                                     ($"/reviews/{review.Id}/withdraw", [new("reviewToken", value), new("reason", value)]),
                                     ($"/reviews/{review.Id}/send-back", [new("reviewToken", name is "NUL" or "script" ? reviewToken : value), new("reason", value)]),
                                     ($"/reviews/{review.Id}/advance", [new("reviewToken", value)]),
                                     ($"/reviews/{review.Id}/participants", [new("Kind", name == "emoji" ? "internal" : "external"), new("UserId", value), new("Name", value),
                                         new("Email", value), new("AgencyId", value), new("Role", name == "right-to-left" ? "Learner" : value), new("CaseId", value)]),
                                     ($"/reviews/{review.Id}/participants/{Guid.NewGuid()}/remove", [new("participantToken", value)]),
                                     ($"/reviews/{review.Id}/outcomes-form/comments", [new("section", value), new("text", value)]),
                                     ($"/reviews/{review.Id}/outcomes-form/comments/{Guid.NewGuid()}/answer", [new("formToken", value), new("response", value), new("resolved", value)]),
                                     ($"/reviews/{review.Id}/outcomes-form/new-version", [new("formToken", value), new("reason", value)]),
                                     ($"/reviews/{review.Id}/outcomes-form/circulate", [new("formToken", value), new("close.day", value), new("close.month", value), new("close.year", value)]),
                                 })
                        {
                            Check(failures, $"{account} POST {url} ({name})", await browser.PostAsync(url, fields, page.AntiforgeryToken()));
                        }
                    }
                    break;
                }
            }

            // Addresses and query strings.
            var anyReview = reviews[0];
            foreach (var (name, value) in Values)
            {
                var part = Uri.EscapeDataString(value.Length > 2000 ? value[..2000] : value);
                foreach (var url in new[]
                         {
                             $"/reviews/{part}", $"/reviews/{anyReview.Id}/stages/{part}", $"/reviews/{anyReview.Id}/stages/{anyReview.CurrentStageKey}?cycle={part}",
                             $"/reviews/{anyReview.Id}/stages/{part}/check", $"/reviews/start/{part}", $"/reviews/start/desktop-review?linkedFrom={part}",
                             $"/reviews/{anyReview.Id}/outcomes-form/versions/{part}", $"/error/{part}", $"/admin/users/{part}",
                             $"/exports?Methodology={part}&Status={part}&From={part}&To={part}&Theme={part}&from.day={part}&to.year={part}",
                             $"/?page={part}", $"/account/sign-in?ReturnUrl={part}",
                         })
                {
                    // A NUL in the path never reaches the application: the server refuses it (and the
                    // in-memory test server cannot even build such a request). In a query string it can.
                    if (url.Split('?')[0].Contains("%00", StringComparison.Ordinal)) continue;
                    foreach (var account in new[] { "bm", "admin" })
                        Check(failures, $"{account} GET {url[..Math.Min(url.Length, 120)]} ({name})", await browsers[account].GetAsync(url));
                }
            }

            // Signing in with awkward values, as someone without an account.
            using var anonymous = new TestBrowser(app.NewBrowser());
            foreach (var (name, value) in Values)
            {
                var signIn = await anonymous.GetAsync("/account/sign-in");
                Check(failures, $"sign-in ({name})", await anonymous.PostAsync("/account/sign-in",
                    [new("Email", value), new("Password", value), new("ReturnUrl", value)], signIn.AntiforgeryToken()));
            }
        }
        finally
        {
            foreach (var browser in browsers.Values) browser.Dispose();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static void Check(List<string> failures, string what, TestBrowser.Page page)
    {
        if ((int)page.Status >= 500) failures.Add($"{(int)page.Status} for {what}");
    }

    /// <summary>The names of every field of the page's main form (its inputs, text areas and selects), once each.</summary>
    private static IEnumerable<string> FieldNames(TestBrowser.Page page) =>
        page.Html.QuerySelectorAll("main form[method=post] input[name], main form[method=post] textarea[name], main form[method=post] select[name]")
            .Select(e => e.GetAttribute("name")!)
            .Where(n => n != "__RequestVerificationToken")
            .Distinct(StringComparer.Ordinal);
}
