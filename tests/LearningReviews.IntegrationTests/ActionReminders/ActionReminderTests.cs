using System.Diagnostics;
using System.Net;
using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Subgroups;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.IntegrationTests.Email;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.IntegrationTests.Outcomes;
using LearningReviews.Web.Features.ActionReminders;
using LearningReviews.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LearningReviews.IntegrationTests.ActionReminders;

/// <summary>
/// Overdue actions escalated to the owner, the agency's lead (named on the administrator's page) and the subgroup's
/// chairs on a controlled clock, each step once across re-runs and a restart; one weekly digest per owner; re-checks
/// due on My work. Messages are read back from the real SMTP test server. The review and its actions are written
/// straight to the database (reference LR-2019-0501); only messages about it are counted, since the demo data queues
/// email of its own.
/// </summary>
public sealed class ActionReminderTests
{
    private const int ReviewNumber = 501;
    private const string ChildLabel = "Demo child Kestrel";
    private static readonly string Reference = ExportListPagingTests.Reference(ReviewNumber);
    private static readonly Dictionary<string, string> NoScheduledRuns = new() { ["Email:Dispatch:IntervalSeconds"] = "3600" };

    private sealed record Seeded(Guid Agency, Guid Overdue, Guid NotYetDue, Guid RecheckDue, Guid NoOwnerAccount, Guid Cancelled, Guid PractitionersAction);

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task An_overdue_action_goes_to_its_owner_then_the_agency_lead_then_the_subgroup_chairs_each_once(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        var settings = smtp.Settings().Concat(NoScheduledRuns).ToDictionary(p => p.Key, p => p.Value);
        await using var app = await AppFactory.StartAsync(provider, settings: settings);
        using var admin = await app.SignedInAsAsync("admin@demo.example");
        var seeded = await SeedAsync(app);
        var ids = await UserIdsAsync(app);

        // The administrator names the agency's lead: an account that is not on the list is refused.
        var list = await admin.GetAsync("/admin/agencies");
        Assert.Contains("Escalation Test Agency", list.Text, StringComparison.Ordinal);
        var refused = await admin.SubmitAsync($"/admin/agencies/{seeded.Agency}", [new("LeadUserId", "not-an-account")]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Choose the lead from the list of active accounts", refused.ErrorSummary, StringComparison.Ordinal);
        var noToken = await admin.PostAsync($"/admin/agencies/{seeded.Agency}", [new("LeadUserId", ids["agency"])], antiforgeryToken: null);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.Null(await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == seeded.Agency).Select(a => a.LeadUserId).SingleAsync()));
        var named = await admin.SubmitAsync($"/admin/agencies/{seeded.Agency}", [new("LeadUserId", ids["agency"])]);
        Assert.True(named.IsRedirect, named.ErrorSummary);
        Assert.Equal(ids["agency"], await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == seeded.Agency).Select(a => a.LeadUserId).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == nameof(Agency) && e.EntityId == seeded.Agency.ToString())));

        // Wednesday 10 June: the action due on the 9th is one day overdue, so its owner is told; the action whose
        // owner has no account has nobody to tell yet; nothing else is escalated.
        await EscalateAsync(app);
        Assert.Equal([(seeded.Overdue, EscalationStep.Owner)], await StepsAsync(app, seeded));
        await EscalateAsync(app);
        Assert.Equal(1, await QueuedAsync(app));

        // 13 days later (23 June, 14 days after the due date): the agency's lead, for both overdue actions.
        app.Clock.Advance(TimeSpan.FromDays(13));
        await EscalateAsync(app);
        Assert.Equal(3, (await StepsAsync(app, seeded)).Count);
        Assert.Contains((seeded.NoOwnerAccount, EscalationStep.AgencyLead), await StepsAsync(app, seeded));

        // 7 July, 28 days after: the subgroup's two chairs, not its other member; then nothing more, ever.
        app.Clock.Advance(TimeSpan.FromDays(14));
        await EscalateAsync(app);
        await EscalateAsync(app);
        var steps = await StepsAsync(app, seeded);
        Assert.Equal(5, steps.Count); // three for the owned action, two for the one whose owner has no account
        Assert.Equal([EscalationStep.Owner, EscalationStep.AgencyLead, EscalationStep.SubgroupChair], steps.Where(s => s.Action == seeded.Overdue).Select(s => s.Step).Order());
        Assert.Equal(7, await QueuedAsync(app)); // owner 1, lead 2, chairs 2 × 2

        // A restart (a second instance on the same database, its clock on the same day) sends nothing again.
        await using (var restarted = new AppFactory(app.Database) { Settings = settings, OwnsDatabase = false })
        {
            _ = restarted.Server;
            restarted.Clock.Advance(TimeSpan.FromDays(27));
            await EscalateAsync(restarted);
        }
        Assert.Equal(5, (await StepsAsync(app, seeded)).Count);

        await DispatchAsync(app);
        var mine = await MessagesAboutTheReviewAsync(smtp, 7);
        Assert.Equal(["agency@demo.example", "agency@demo.example", "lead@demo.example", "lead@demo.example", "qa@demo.example", "qa@demo.example", "tm@demo.example"],
            mine.Select(To).Order(StringComparer.Ordinal));
        var toOwner = Assert.Single(mine, m => To(m) == "tm@demo.example");
        Assert.Equal($"Your action for {Reference} is overdue", toOwner.Subject);
        Assert.Contains("Refresh the neglect toolkit training", toOwner.TextBody, StringComparison.Ordinal);
        Assert.Contains("It was due on 9 June 2026 and is 1 day overdue.", toOwner.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/action-plans/{seeded.Overdue}", toOwner.TextBody, StringComparison.Ordinal);
        var toLead = mine.Single(m => To(m) == "agency@demo.example" && (m.TextBody ?? "").Contains("Refresh the neglect", StringComparison.Ordinal));
        Assert.Contains("14 days overdue", toLead.TextBody, StringComparison.Ordinal);
        Assert.Contains("28 days overdue", mine.First(m => To(m) == "qa@demo.example").TextBody, StringComparison.Ordinal);
        // No more personal data than needed: the reference and the action, never the child or the owner's name.
        foreach (var message in mine)
        {
            Assert.DoesNotContain(ChildLabel, message.TextBody + message.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Tariq Owner", message.TextBody + message.HtmlBody, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Refresh the neglect", StringComparison.Ordinal) || l.Contains(ChildLabel, StringComparison.Ordinal));

        // The action's page shows each step, and the audit log has one entry per step.
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var page = await bm.GetAsync($"/action-plans/{seeded.Overdue}");
        var rows = page.Html.QuerySelectorAll("table.app-action-escalations tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("Its owner", rows[0], StringComparison.Ordinal);
        Assert.Contains("The agency's safeguarding lead", rows[1], StringComparison.Ordinal);
        Assert.Contains("The subgroup's chair", rows[2], StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityId == seeded.Overdue.ToString() && e.Detail!.StartsWith("Overdue action escalated"))));

        // A new due date starts the steps again: once it has passed, the owner is told afresh.
        await app.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Id == seeded.Overdue);
            action.DueDate = new DateOnly(2026, 7, 17);
            return await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromDays(10));
        await EscalateAsync(app);
        Assert.Equal(7, await QueuedAsync(app)); // the new due date has not passed
        app.Clock.Advance(TimeSpan.FromDays(1));
        await EscalateAsync(app);
        Assert.Equal(8, await QueuedAsync(app));
        Assert.Contains((seeded.Overdue, EscalationStep.Owner), (await StepsAsync(app, seeded)).Skip(5));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Each_owner_gets_one_digest_a_week_on_the_configured_day_and_rechecks_due_are_tasks_on_My_work(Provider provider)
    {
        await using var smtp = await SmtpTestServer.StartedAsync();
        var settings = smtp.Settings().Concat(NoScheduledRuns).Append(new("ActionReminders:DigestDay", "Friday")).ToDictionary(p => p.Key, p => p.Value);
        await using var app = await AppFactory.StartAsync(provider, settings: settings);
        await app.SeedDemoAsync();
        var seeded = await SeedAsync(app);
        var ids = await UserIdsAsync(app);

        // Wednesday and Thursday: not yet the digest day.
        await DigestAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await DigestAsync(app);
        Assert.Equal(0, await DigestsAsync(app, ids["tm"]));

        // Friday 12 June: one digest for each owner, however often the job runs that week.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await DigestAsync(app);
        await DigestAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await DigestAsync(app); // Saturday
        Assert.Equal(1, await DigestsAsync(app, ids["tm"]));
        Assert.Equal(1, await DigestsAsync(app, ids["practitioner"]));

        await DispatchAsync(app);
        var digests = await DigestMessagesAsync(smtp, 2);
        var tm = Assert.Single(digests, m => To(m) == "tm@demo.example");
        Assert.Equal("Your actions this week: 2 open actions, 1 overdue", tm.Subject);
        var text = tm.TextBody ?? "";
        // Overdue first, then by due date; the closed action as a re-check; never the cancelled one or another owner's.
        var overdueAt = text.IndexOf($"{Reference}: Refresh the neglect toolkit training (overdue since 9 June 2026; not started)", StringComparison.Ordinal);
        var laterAt = text.IndexOf($"{Reference}: Audit ten plans for the child's voice (due 9 August 2026; in progress)", StringComparison.Ordinal);
        Assert.True(overdueAt >= 0 && laterAt > overdueAt, text);
        Assert.Contains($"{Reference}: Check the supervision template is used (re-check due 8 June 2026)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancelled briefing", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share the learning at the team meeting", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ChildLabel, text + tm.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/action-plans?Mine=me&State=open", text, StringComparison.Ordinal);
        var practitioner = Assert.Single(digests, m => To(m) == "practitioner@demo.example");
        Assert.Equal("Your actions this week: 1 open action", practitioner.Subject);
        Assert.Contains("Share the learning at the team meeting", practitioner.TextBody, StringComparison.Ordinal);

        // The next Friday, the next week's digest.
        app.Clock.Advance(TimeSpan.FromDays(6));
        await DigestAsync(app);
        Assert.Equal(2, await DigestsAsync(app, ids["tm"]));

        // The re-check that has come due is a task on its owner's My work; the open actions are not.
        using var tmBrowser = await app.SignedInAsAsync("tm@demo.example");
        var home = await tmBrowser.GetAsync("/");
        var tasks = home.Html.QuerySelectorAll("ul.app-rechecks-due li").Select(li => li.TextContent).ToList();
        var task = Assert.Single(tasks);
        Assert.Contains("Re-check " + Reference + ": Check the supervision template is used", task, StringComparison.Ordinal);
        Assert.Contains("Due since 8 June 2026", task, StringComparison.Ordinal);
        Assert.NotNull(home.Html.QuerySelector($"ul.app-rechecks-due a[href='/action-plans/{seeded.RecheckDue}']"));
        using var practitionerBrowser = await app.SignedInAsAsync("practitioner@demo.example");
        Assert.Null((await practitionerBrowser.GetAsync("/")).Html.QuerySelector("ul.app-rechecks-due"));
    }

    /// <summary>
    /// A desktop review in the new test agency, owned by a new subgroup chaired by lead@ and qa@ (bm@ a member), with
    /// tm@ and practitioner@ taking part, and its actions, on Wednesday 10 June 2026: only two of them are overdue
    /// before August (one owned by tm@, one by someone without an account).
    /// </summary>
    private static async Task<Seeded> SeedAsync(AppFactory app)
    {
        var today = app.Today;
        var ids = await UserIdsAsync(app);
        return await app.WithDbAsync(async db =>
        {
            var agency = new Agency { Name = "Escalation Test Agency" };
            var subgroup = new Subgroup
            {
                Name = "Escalation test subgroup",
                Members = [new() { UserId = ids["lead"], IsChair = true }, new() { UserId = ids["qa"], IsChair = true }, new() { UserId = ids["bm"] }],
            };
            db.AddRange(agency, subgroup);
            var review = ExportListPagingTests.NewReview(ReviewNumber, "desktop-review", "outcomes", "goodPractice", ReviewStatus.InProgress);
            review.Title = ChildLabel;
            review.SubgroupId = subgroup.Id;
            review.Participants.Add(new Participant { UserId = ids["tm"], Name = "Tariq Owner", Role = ReviewRole.Practitioner });
            review.Participants.Add(new Participant { UserId = ids["practitioner"], Name = "Priya Shah", Role = ReviewRole.Practitioner });
            ReviewAction Add(string what, string? owner, DateOnly due, ActionStatus status)
            {
                var action = new ReviewAction
                {
                    What = what, OwnerName = owner is null ? "Night duty manager" : "Tariq Owner", OwnerUserId = owner is null ? null : ids[owner],
                    AgencyId = agency.Id, DueDate = due, Status = status, Source = ActionSource.OutcomesRecommendation, SourceStageKey = "outcomes",
                };
                review.Actions.Add(action);
                return action;
            }
            var overdue = Add("Refresh the neglect toolkit training", "tm", today.AddDays(-1), ActionStatus.NotStarted);
            var later = Add("Audit ten plans for the child's voice", "tm", today.AddDays(60), ActionStatus.InProgress);
            var recheck = Add("Check the supervision template is used", "tm", today.AddDays(-40), ActionStatus.CompletedAndEmbedded);
            recheck.EvidenceOfImpact = "Audit of twelve supervision records";
            recheck.RecheckOn = today.AddDays(-2);
            var noAccount = Add("Brief the night duty team", null, today.AddDays(-1), ActionStatus.NotStarted);
            var cancelled = Add("Cancelled briefing", "tm", today.AddDays(-5), ActionStatus.Cancelled);
            cancelled.CancellationReason = "Replaced by the regional protocol";
            var practitioners = Add("Share the learning at the team meeting", "practitioner", today.AddDays(90), ActionStatus.NotStarted);
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return new Seeded(agency.Id, overdue.Id, later.Id, recheck.Id, noAccount.Id, cancelled.Id, practitioners.Id);
        });
    }

    private static Task<Dictionary<string, string>> UserIdsAsync(AppFactory app) => app.WithDbAsync(async db =>
        (await db.Users.Where(u => u.Email!.EndsWith("@demo.example")).Select(u => new { u.Email, u.Id }).ToListAsync())
            .ToDictionary(u => u.Email![..u.Email!.IndexOf('@', StringComparison.Ordinal)], u => u.Id));

    private static Task<List<(Guid Action, EscalationStep Step)>> StepsAsync(AppFactory app, Seeded seeded) => app.WithDbAsync(async db =>
    {
        Guid[] ours = [seeded.Overdue, seeded.NotYetDue, seeded.RecheckDue, seeded.NoOwnerAccount, seeded.Cancelled, seeded.PractitionersAction];
        return (await db.ActionEscalations.Where(e => ours.Contains(e.ActionId)).OrderBy(e => e.SentAt).ThenBy(e => e.Id).ToListAsync())
            .Select(e => (e.ActionId, e.Step)).ToList();
    });

    /// <summary>Escalation messages about the test review in the outbox.</summary>
    private static Task<int> QueuedAsync(AppFactory app) =>
        app.WithDbAsync(db => db.EmailOutbox.CountAsync(m => m.Kind == OverdueActionEscalation.Kind && m.Subject.Contains(Reference)));

    private static Task<int> DigestsAsync(AppFactory app, string userId) =>
        app.WithDbAsync(db => db.ActionDigests.CountAsync(d => d.UserId == userId));

    private static async Task EscalateAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OverdueActionEscalation>().SendDueAsync();
    }

    private static async Task DigestAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ActionDigests>().SendDueAsync();
    }

    private static async Task DispatchAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        // The demo data queues email of its own: send until nothing is left.
        while ((await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchDueAsync()).Sent > 0) { }
    }

    private static Task<IReadOnlyList<MimeMessage>> MessagesAboutTheReviewAsync(SmtpTestServer smtp, int count) =>
        WaitForAsync(smtp, m => (m.Subject ?? "").Contains(Reference, StringComparison.Ordinal), count);

    private static Task<IReadOnlyList<MimeMessage>> DigestMessagesAsync(SmtpTestServer smtp, int count) =>
        WaitForAsync(smtp, m => (m.Subject ?? "").StartsWith("Your actions this week", StringComparison.Ordinal), count);

    /// <summary>Waits for <paramref name="count"/> matching messages, then a moment more so a duplicate would show.</summary>
    private static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(SmtpTestServer smtp, Func<MimeMessage, bool> match, int count)
    {
        var clock = Stopwatch.StartNew();
        while (smtp.Messages().Count(match) < count && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(200);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var found = smtp.Messages().Where(match).ToList();
        Assert.Equal(count, found.Count);
        return found;
    }

    private static string To(MimeMessage message) => ((MailboxAddress)message.To.Single()).Address;
}
