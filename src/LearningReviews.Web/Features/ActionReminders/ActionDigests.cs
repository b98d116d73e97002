using System.Globalization;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Email;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningReviews.Web.Features.ActionReminders;

/// <summary>
/// Once a week, one email to each owner listing all their open actions (and re-checks that have come due), instead
/// of one email per action. Each digest is recorded (<see cref="ActionDigest"/>, unique per owner and week) in the
/// save that queues it, so re-runs and restarts in the same week send nothing more.
/// </summary>
public sealed class ActionDigests(LearningReviewsDbContext db, EmailOutbox outbox, EmailComposer composer,
    PartnershipTime time, TimeProvider clock, IOptions<ActionReminderOptions> options, ILogger<ActionDigests> log)
{
    public const string Kind = "ActionDigest";

    private sealed record Item(Guid Id, string OwnerUserId, string Reference, string What, DateOnly? Due, ActionStatus Status, DateOnly? RecheckOn);

    /// <summary>Queues this week's digests not yet sent, when the digest day has come; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var today = time.Today;
        var settings = options.Value;
        if (!EscalationRules.DigestDue(today, settings.DigestDay)) return 0;
        var week = EscalationRules.WeekOf(today);
        var open = ActionRules.OpenStatuses.ToList();
        var recheckStatuses = new[] { ActionStatus.CompletedAndEmbedded, ActionStatus.NotEmbedded };
        // Only the columns the email shows, of owners who have not had this week's digest.
        var items = await (
            from a in db.Actions.AsNoTracking()
            join r in db.Reviews on a.ReviewId equals r.Id
            where a.OwnerUserId != null && r.Status != ReviewStatus.Withdrawn
                  && (open.Contains(a.Status) || (recheckStatuses.Contains(a.Status) && a.RecheckOn != null && a.RecheckOn <= today))
                  && !db.ActionDigests.Any(d => d.UserId == a.OwnerUserId && d.WeekOf == week)
            select new Item(a.Id, a.OwnerUserId!, r.Reference, a.What, a.DueDate, a.Status, a.RecheckOn))
            .ToListAsync(cancellationToken);
        if (items.Count == 0) return 0;
        var ownerIds = items.Select(i => i.OwnerUserId).Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        var sentAt = clock.GetUtcNow().UtcDateTime;
        var sent = 0;
        foreach (var owner in owners.OrderBy(o => o.Id, StringComparer.Ordinal))
        {
            var theirs = items.Where(i => i.OwnerUserId == owner.Id).ToList();
            var openItems = theirs.Where(i => ActionRules.IsOpen(i.Status)).ToList();
            db.ActionDigests.Add(new ActionDigest { UserId = owner.Id, WeekOf = week, SentAt = sentAt, ActionCount = openItems.Count });
            outbox.Enqueue(Message(owner.Email!, owner.DisplayName, openItems, [.. theirs.Where(i => !ActionRules.IsOpen(i.Status))], today, settings.DigestMaxActions));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
            catch (DbUpdateException)
            {
                // Another run sent this owner's digest for the week first (the unique key refused ours).
                log.LogWarning("This week's action digest was already recorded by another run");
            }
            db.ChangeTracker.Clear();
        }
        return sent;
    }

    /// <summary>
    /// Overdue first, then soonest due, then those with no due date; each line the review's reference, the action's
    /// text and its due date. Nothing about the child or family.
    /// </summary>
    private ComposedEmail Message(string email, string name, List<Item> open, List<Item> rechecks, DateOnly today, int max)
    {
        var british = CultureInfo.GetCultureInfo("en-GB");
        var paragraphs = new List<string>();
        var ordered = open.OrderBy(i => i.Due is null).ThenBy(i => i.Due).ThenBy(i => i.Reference, StringComparer.Ordinal).ThenBy(i => i.Id).ToList();
        var overdue = ordered.Count(i => i.Due < today);
        if (ordered.Count > 0)
        {
            paragraphs.Add($"You own {Count(ordered.Count, "open action")} in Learning Reviews"
                + (overdue > 0 ? $", {overdue} of them overdue." : ".") + " This is your weekly list.");
            foreach (var item in ordered.Take(max))
            {
                var when = item.Due is { } due
                    ? due < today ? $"overdue since {due.ToString("d MMMM yyyy", british)}" : $"due {due.ToString("d MMMM yyyy", british)}"
                    : "no due date";
                paragraphs.Add($"{item.Reference}: {item.What} ({when}; {ActionRules.Name(item.Status).ToLowerInvariant()})");
            }
            if (ordered.Count > max) paragraphs.Add($"And {ordered.Count - max} more: the link below lists them all.");
        }
        if (rechecks.Count > 0)
        {
            paragraphs.Add($"{Count(rechecks.Count, "closed action")} {(rechecks.Count == 1 ? "is" : "are")} due to be checked again: has the change lasted?");
            foreach (var item in rechecks.OrderBy(i => i.RecheckOn).ThenBy(i => i.Id).Take(max))
                paragraphs.Add($"{item.Reference}: {item.What} (re-check due {item.RecheckOn!.Value.ToString("d MMMM yyyy", british)})");
        }
        paragraphs.Add("Update each action on its page: its progress, or its evidence of impact when it is done.");
        var subject = overdue > 0 ? $"Your actions this week: {Count(ordered.Count, "open action")}, {overdue} overdue" : $"Your actions this week: {Count(ordered.Count, "open action")}";
        return composer.Compose(Kind, email, name, subject, paragraphs, new EmailLink("See your open actions", "/action-plans?Mine=me&State=open"));
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
