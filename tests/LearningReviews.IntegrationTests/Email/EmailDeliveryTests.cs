using LearningReviews.Infrastructure.Email;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LearningReviews.IntegrationTests.Email;

/// <summary>The outbox, the dispatcher and the scheduler against a real SMTP server.</summary>
public sealed class EmailDeliveryTests
{
    /// <summary>Settings that keep the scheduler out of a test that runs the dispatcher itself.</summary>
    private static readonly Dictionary<string, string> NoScheduledRuns = new() { ["Email:Dispatch:IntervalSeconds"] = "3600" };

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_scheduler_sends_a_queued_message_which_arrives_with_a_plain_text_and_an_HTML_body(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        await using var app = await StartAsync(provider, With(smtp.Settings(), new()
        {
            ["Email:Dispatch:IntervalSeconds"] = "1",
            ["App:PublicBaseUrl"] = "https://reviews.partnership.example",
            ["Email:FromAddress"] = "reviews@partnership.example",
        }), TimeProvider.System); // the scheduler fires on real time, so the dispatcher it runs sees real time too

        var id = await QueueAsync(app, "noor@partnership.example", "Review LR-2026-0001 needs you");

        var message = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("Review LR-2026-0001 needs you", message.Subject);
        Assert.Equal("noor@partnership.example", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal("reviews@partnership.example", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
        Assert.Contains("Review LR-2026-0001 has reached a new stage.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Review LR-2026-0001 has reached a new stage.</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://reviews.partnership.example/reviews", message.TextBody, StringComparison.Ordinal);
        var stored = await WaitForStatusAsync(app, id, OutboxStatus.Sent);
        Assert.Equal(1, stored.Attempts);
        if (provider == Provider.PostgreSQL)
        {
            // The schedule is in the database: this instance checked in to the cluster.
            Assert.True(await SchedulerNodesAsync(app) >= 1);
        }
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_message_is_queued_only_when_the_change_that_causes_it_is_saved(Provider provider)
    {
        await using var app = await StartAsync(provider, NoScheduledRuns);
        var first = await QueueAsync(app, "one@partnership.example");

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearningReviewsDbContext>();
            Enqueue(scope, "two@partnership.example", "Second");
            // The change the message belongs to fails (here a clashing key), so the whole save is refused.
            db.EmailOutbox.Add(new OutboxMessage { Id = first, Kind = "Test", ToAddress = "x@partnership.example", Subject = "x", TextBody = "x", HtmlBody = "x" });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        var addresses = await app.WithDbAsync(db => db.EmailOutbox.Select(m => m.ToAddress).ToListAsync());
        Assert.Equal(["one@partnership.example"], addresses);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Messages_queued_while_the_mail_server_is_down_arrive_once_it_is_up_none_lost_none_twice(Provider provider)
    {
        var clock = new TestClock(AppFactory.StartTime);
        await using var smtp = new SmtpTestServer(); // not started yet: nothing listens on its port
        await using var app = await StartAsync(provider, With(smtp.Settings(), NoScheduledRuns), clock);
        var ids = new List<Guid>();
        for (var i = 1; i <= 5; i++) ids.Add(await QueueAsync(app, $"person{i}@partnership.example", $"Message {i}"));

        var whileDown = await DispatchAsync(app);
        Assert.Equal(new DispatchResult(0, 5, 0), whileDown);
        // Too soon to try again: the back-off holds them.
        Assert.Equal(new DispatchResult(0, 0, 0), await DispatchAsync(app));

        await smtp.StartAsync();
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(new DispatchResult(5, 0, 0), await DispatchAsync(app));
        Assert.Equal(new DispatchResult(0, 0, 0), await DispatchAsync(app));

        var received = smtp.Messages();
        Assert.Equal(5, received.Count);
        Assert.Equal(ids.Select(id => $"{id:N}@learning-reviews").Order(), received.Select(m => m.MessageId).Order());
        var stored = await app.WithDbAsync(db => db.EmailOutbox.AsNoTracking().ToListAsync());
        Assert.All(stored, m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(2, m.Attempts);
        });
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_message_that_keeps_failing_is_dead_lettered_after_the_configured_attempts_then_retried_or_discarded(Provider provider)
    {
        var clock = new TestClock(AppFactory.StartTime);
        await using var smtp = await SmtpTestServer.StartedAsync();
        await using var app = await StartAsync(provider, With(smtp.Settings(), NoScheduledRuns, new() { ["Email:Dispatch:MaxAttempts"] = "3" }), clock);
        var bouncing = await QueueAsync(app, "bounce@partnership.example", "Never arrives");
        var second = await QueueAsync(app, "bounce-too@partnership.example", "Never arrives either");

        Assert.Equal(new DispatchResult(0, 2, 0), await DispatchAsync(app));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new DispatchResult(0, 2, 0), await DispatchAsync(app));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new DispatchResult(0, 2, 2), await DispatchAsync(app));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new DispatchResult(0, 0, 0), await DispatchAsync(app)); // dead letters are not tried again

        var dead = await app.WithDbAsync(db => db.EmailOutbox.AsNoTracking().SingleAsync(m => m.Id == bouncing));
        Assert.Equal(OutboxStatus.DeadLettered, dead.Status);
        Assert.Equal(3, dead.Attempts);
        Assert.Contains("550", dead.LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());

        // The administrator sees both on the Email page and retries one and discards the other.
        using var admin = await app.SignedInAsAsync("admin@demo.example");
        var page = await admin.GetAsync("/admin/email?list=dead-lettered");
        Assert.Contains("Never arrives", page.Text, StringComparison.Ordinal);
        Assert.Contains("Dead-lettered (2)", page.Text, StringComparison.Ordinal);
        var token = page.AntiforgeryToken();
        Assert.True((await admin.PostAsync($"/admin/email/{bouncing}/retry", [], token)).IsRedirect);
        Assert.True((await admin.PostAsync($"/admin/email/{second}/discard", [], token)).IsRedirect);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await admin.PostAsync($"/admin/email/{second}/retry", [], null)).Status);

        var states = await app.WithDbAsync(db => db.EmailOutbox.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Status));
        Assert.Equal(OutboxStatus.Pending, states[bouncing]);
        Assert.Equal(OutboxStatus.Discarded, states[second]);
        var audited = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "Email").Select(e => e.Action).ToListAsync());
        Assert.Contains("EmailRetried", audited);
        Assert.Contains("EmailDiscarded", audited);
        Assert.Equal(new DispatchResult(0, 1, 0), await DispatchAsync(app)); // the retried one is tried afresh
    }

    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_database_send_each_message_once()
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        var settings = With(smtp.Settings(), new() { ["Email:Dispatch:IntervalSeconds"] = "1", ["Email:Dispatch:BatchSize"] = "5" });
        await using var first = await StartAsync(Provider.PostgreSQL, settings);
        await using var second = new AppFactory(first.Database) { Settings = settings, OwnsDatabase = false };
        _ = second.Server;
        const int count = 30;
        for (var i = 0; i < count; i++) await QueueAsync(i % 2 == 0 ? first : second, $"person{i}@partnership.example", $"Message {i}");

        // Besides the clustered scheduler, both instances also run the dispatcher at the same moments.
        for (var round = 0; round < 10; round++)
        {
            await Task.WhenAll(DispatchAsync(first), DispatchAsync(second), DispatchAsync(first), DispatchAsync(second));
        }

        var received = await smtp.WaitForAsync(count);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a duplicate, if there were one, would have arrived by now
        received = smtp.Messages();
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(count, await first.WithDbAsync(db => db.EmailOutbox.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1)));
        Assert.Equal(2, await SchedulerNodesAsync(first));
    }

    private static async Task<AppFactory> StartAsync(Provider provider, Dictionary<string, string> settings, TimeProvider? clock = null)
    {
        var factory = new AppFactory(await TestDatabase.CreateAsync(provider))
        {
            Settings = settings,
            TestServices = clock is null ? null : services => services.AddSingleton(clock),
        };
        _ = factory.Server;
        return factory;
    }

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    private static OutboxMessage Enqueue(IServiceScope scope, string to, string subject)
    {
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        return scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(composer.Compose("Test", to, null, subject,
            ["Review LR-2026-0001 has reached a new stage."], new EmailLink("Open the review", "/reviews")));
    }

    internal static async Task<Guid> QueueAsync(AppFactory app, string to, string subject = "A message")
    {
        using var scope = app.Services.CreateScope();
        var message = Enqueue(scope, to, subject);
        await scope.ServiceProvider.GetRequiredService<LearningReviewsDbContext>().SaveChangesAsync();
        return message.Id;
    }

    private static async Task<DispatchResult> DispatchAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchDueAsync();
    }

    private static async Task<OutboxMessage> WaitForStatusAsync(AppFactory app, Guid id, OutboxStatus status)
    {
        for (var i = 0; i < 100; i++)
        {
            var message = await app.WithDbAsync(db => db.EmailOutbox.AsNoTracking().SingleAsync(m => m.Id == id));
            if (message.Status == status) return message;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Message {id} did not become {status}");
    }

    private static Task<int> SchedulerNodesAsync(AppFactory app) =>
        app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM qrtz_scheduler_state").SingleAsync());
}
