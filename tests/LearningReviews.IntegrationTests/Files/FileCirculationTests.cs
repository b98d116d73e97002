using System.Text;
using LearningReviews.Domain.Files;
using LearningReviews.IntegrationTests.Email;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LearningReviews.IntegrationTests.Files;

/// <summary>Circulating a document: emails through the outbox to a real SMTP server, with a link and nothing about the child.</summary>
public sealed class FileCirculationTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Circulating_a_document_emails_each_chosen_participant_a_link_to_it_and_records_who_it_went_to(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        var settings = new Dictionary<string, string>(smtp.Settings())
        {
            ["Email:Dispatch:IntervalSeconds"] = "3600", // this test runs the dispatcher itself
            ["App:PublicBaseUrl"] = "https://reviews.partnership.example",
        };
        await using var app = await AppFactory.StartAsync(provider, settings: settings);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var (review, _, curlew) = await FileClient.ThematicAsync(app);
        var file = FileClient.FileIdFrom(await FileClient.UploadAsync(bm, review, Encoding.UTF8.GetBytes("date,what happened\n2026-01-04,Home visit\n"),
            "curlew chronology.csv", title: "Demo family Curlew chronology", caseId: curlew.ToString(), browserType: "text/csv"));

        var (reference, people) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.Id == review).Select(r => r.Reference).SingleAsync(),
            await db.Participants.Where(p => p.ReviewId == review && p.Email != null).Select(p => new { p.Id, p.Email, p.CaseId, p.Name }).ToListAsync()));
        var chosen = people.Where(p => p.CaseId is null || p.CaseId == curlew).DistinctBy(p => p.Email!.ToLowerInvariant()).Take(2).ToList();
        Assert.Equal(2, chosen.Count);
        // Someone tied to the other family is not offered a Curlew document, and cannot be slipped in.
        var page = await bm.GetAsync($"/reviews/{review}/files/{file}");
        var offered = page.Html.QuerySelectorAll("input[name=People]").Select(i => i.GetAttribute("value")).ToHashSet();
        Assert.All(chosen, p => Assert.Contains(p.Id.ToString(), offered));
        Assert.All(people.Where(p => p.CaseId is { } c && c != curlew), p => Assert.DoesNotContain(p.Id.ToString(), offered));

        var nobody = await bm.PostAsync($"/reviews/{review}/files/{file}/circulate", [], page.AntiforgeryToken());
        Assert.Contains("Select at least one person", nobody.ErrorSummary, StringComparison.Ordinal);
        var sent = await bm.PostAsync($"/reviews/{review}/files/{file}/circulate",
            chosen.Select(p => new KeyValuePair<string, string>("People", p.Id.ToString())), page.AntiforgeryToken());
        Assert.True(sent.IsRedirect, sent.ErrorSummary);

        using (var scope = app.Services.CreateScope())
        {
            // Everything due goes out (the demo data may have queued messages of its own before these).
            var dispatcher = scope.ServiceProvider.GetRequiredService<EmailDispatcher>();
            for (var round = 0; round < 20 && (await dispatcher.DispatchDueAsync()).Sent > 0; round++) { }
        }
        var messages = smtp.Messages().Where(m => (m.Subject ?? "").Contains("document", StringComparison.Ordinal)).ToList();
        Assert.Equal(chosen.Select(p => p.Email!.ToLowerInvariant()).Order(),
            messages.Select(m => Assert.IsType<MailboxAddress>(Assert.Single(m.To)).Address.ToLowerInvariant()).Order());
        var link = $"https://reviews.partnership.example/reviews/{review}/files/{file}";
        Assert.All(messages, m =>
        {
            Assert.Contains(reference, m.Subject, StringComparison.Ordinal);
            Assert.Contains(link, m.TextBody, StringComparison.Ordinal);
            Assert.Contains($"href=\"{link}\"", m.HtmlBody, StringComparison.Ordinal);
            Assert.Empty(m.Attachments); // the document itself never travels by email
            Assert.DoesNotContain("Curlew", m.TextBody + m.HtmlBody + m.Subject, StringComparison.OrdinalIgnoreCase);
        });

        var shown = (await bm.GetAsync($"/reviews/{review}/files/{file}")).Html.QuerySelector("table.app-circulations")!.TextContent;
        Assert.All(chosen, p => Assert.Contains(p.Name, shown, StringComparison.Ordinal));
        Assert.Equal(2, await app.WithDbAsync(db => db.ReviewFileCirculations.CountAsync(c => c.FileId == file)));
        Assert.Equal("2 people", (await bm.GetAsync($"/reviews/{review}/files")).Html
            .QuerySelector("table.app-files tbody tr td:last-child")!.TextContent.Trim());
        Assert.Equal(FileContentSniffer.Csv.ContentType, await app.WithDbAsync(db => db.ReviewFiles.Where(f => f.Id == file).Select(f => f.ContentType).SingleAsync()));
    }
}
