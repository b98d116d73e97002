using LearningReviews.Infrastructure.Email;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LearningReviews.IntegrationTests.Email;

public sealed class EmailAdministrationTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_administrator_sends_a_test_message_to_themselves_and_it_lands_in_the_pickup_folder(Provider provider)
    {
        var pickup = Path.Combine(Path.GetTempPath(), "lr-pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The scheduler fires on real time, so the dispatcher it runs sees real time too, not the test clock.
            await using var app = await AppFactory.StartAsync(provider, services => services.AddSingleton(TimeProvider.System), settings: new Dictionary<string, string>
            {
                ["Email:PickupFolder"] = pickup,
                ["Email:Dispatch:IntervalSeconds"] = "1",
                ["App:PublicBaseUrl"] = "https://reviews.partnership.example",
            });
            using var admin = await app.SignedInAsAsync("admin@demo.example");

            var page = await admin.GetAsync("/admin/email");
            Assert.Contains("the pickup folder", page.Text, StringComparison.Ordinal);
            Assert.NotNull(page.Html.QuerySelector("nav a[href='/admin/email']"));
            var queued = await admin.PostAsync("/admin/email/test", [], page.AntiforgeryToken());
            Assert.True(queued.IsRedirect);

            var file = await WaitForFileAsync(pickup);
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal("admin@demo.example", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
            Assert.Equal("Test message from Learning Reviews", message.Subject);
            Assert.Contains("https://reviews.partnership.example/admin/email", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("href=\"https://reviews.partnership.example/admin/email\"", message.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("localhost", message.HtmlBody, StringComparison.Ordinal);

            var audited = await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "EmailTestQueued"));
            Assert.True(audited);
            var sent = await admin.GetAsync("/admin/email?list=sent");
            Assert.Contains("Test message from Learning Reviews", sent.Text, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(pickup)) Directory.Delete(pickup, recursive: true);
        }
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Only_administrators_see_the_Email_page(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var manager = await app.SignedInAsAsync("bm@demo.example");

        var page = await manager.GetAsync("/admin/email");

        Assert.True(page.IsRedirect && page.Location!.Contains("access-denied", StringComparison.Ordinal), page.Status.ToString());
    }

    [Fact]
    public async Task With_no_mail_server_the_default_pickup_folder_is_data_mail_pickup_under_the_content_root()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "lr-root-" + Guid.NewGuid().ToString("N"));
        try
        {
            var folder = PickupFolderEmailTransport.ResolveFolder(new EmailOptions().PickupFolder, contentRoot);
            Assert.Equal(Path.Combine(contentRoot, "data", "mail-pickup"), folder);

            var outbox = new OutboxMessage
            {
                Kind = "Test", ToAddress = "noor@partnership.example", Subject = "Hello", TextBody = "Plain", HtmlBody = "<p>Rich</p>",
                CreatedAt = AppFactory.StartTime.UtcDateTime,
            };
            await new PickupFolderEmailTransport(folder).SendAsync(OutboxMimeMessage.From(outbox, new EmailOptions()), CancellationToken.None);

            var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(folder, "*.eml")));
            Assert.Equal("Plain", message.TextBody?.Trim());
            Assert.Equal("<p>Rich</p>", message.HtmlBody?.Trim());
            Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        }
        finally
        {
            if (Directory.Exists(contentRoot)) Directory.Delete(contentRoot, recursive: true);
        }
    }

    private static async Task<string> WaitForFileAsync(string folder)
    {
        for (var i = 0; i < 300; i++)
        {
            if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml") is [var file, ..]) return file;
            await Task.Delay(100);
        }
        throw new TimeoutException("No message reached the pickup folder " + folder);
    }
}
