using System.Net;
using LearningReviews.Domain.Auditing;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Journeys;

/// <summary>A Head of Locality proposes a Locality Learning Circle for a child, over HTTP, as a browser would.</summary>
public sealed class ProposalJourneyTests
{
    private static KeyValuePair<string, string>[] Proposal(string label, Guid locality, string reason = "escalation-of-risk") =>
    [
        new("CaseLabel", label),
        new("LocalityId", locality.ToString()),
        new("CaseRecordNumber", "CR-998877"),
        new("Reason", reason),
        new("ReasonDetail", "Three missing episodes in six weeks."),
    ];

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Head_of_locality_proposes_a_case_sees_it_on_my_work_and_opens_it(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());

        var posted = await hol.SubmitAsync("/reviews/propose", Proposal("Child Q", north));

        Assert.True(posted.IsRedirect, posted.ErrorSummary);
        var page = await hol.FollowAsync(posted);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Child Q", page.H1, StringComparison.Ordinal);
        var reference = page.Html.QuerySelector(".govuk-caption-l")!.TextContent.Split(' ')[0];
        Assert.Matches(@"^LR-\d{4}-\d{4}$", reference);
        Assert.Contains("Escalation of risk to the child and family members", page.Text, StringComparison.Ordinal);
        Assert.Contains("CR-998877", page.Text, StringComparison.Ordinal); // a manager may see the case record number

        var myWork = await hol.GetAsync("/");
        var row = myWork.Html.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Equal(posted.Location, row.QuerySelector("a")!.GetAttribute("href"));

        var reviewId = Guid.Parse(posted.Location!.Split('/').Last());
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.ReviewId == reviewId).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.Created, audit);
        Assert.Contains(AuditActions.Viewed, audit);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Proposals_get_consecutive_references_within_the_year(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.Reviews.MaxAsync(r => r.ReferenceNumber));

        await hol.SubmitAsync("/reviews/propose", Proposal("Child X", north));
        await hol.SubmitAsync("/reviews/propose", Proposal("Child Y", north));

        var numbers = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child X") || r.Title.EndsWith("Child Y"))
            .OrderBy(r => r.ReferenceNumber).Select(r => r.ReferenceNumber).ToListAsync());
        Assert.Equal([before + 1, before + 2], numbers);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Bad_input_is_shown_in_an_error_summary_with_what_was_typed_kept(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var reviewsBefore = await app.WithDbAsync(db => db.Reviews.CountAsync());

        var page = await hol.SubmitAsync("/reviews/propose",
        [
            new("CaseLabel", "Child Z"), new("LocalityId", ""), new("Reason", "not-a-reason"),
            new("ReasonDetail", "Some detail the user typed"),
        ]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Error:", page.Html.Title, StringComparison.Ordinal);
        Assert.Contains("There is a problem", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("Select the child's locality", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("Select a reason from the list", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("#LocalityId", page.Html.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("Child Z", page.InputValue("CaseLabel"));
        Assert.Equal("Some detail the user typed", page.TextareaValue("ReasonDetail"));
        Assert.Equal(reviewsBefore, await app.WithDbAsync(db => db.Reviews.CountAsync()));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_childs_real_name_is_refused_as_a_label(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var north = await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id).SingleAsync());

        var page = await hol.SubmitAsync("/reviews/propose", Proposal("Jayden Smith", north));

        Assert.Contains("Use a label such as Child A, not the child's name", page.ErrorSummary, StringComparison.Ordinal);
    }
}
