using System.Globalization;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Email;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningReviews.Web.Features.ActionReminders;

/// <summary>
/// Escalates overdue actions: after the configured numbers of days past the due date, first to the action's owner,
/// then to its agency's safeguarding lead, then to the chair(s) of the subgroup that owns the review's plan. Each
/// step is recorded (<see cref="ActionEscalation"/>) in the same save that queues its email, and the record's unique
/// key makes a second run, or a second instance, unable to send it again. A step with nobody to send to (no owner
/// account, no lead named, no subgroup or chair) is not recorded, so it goes as soon as someone is named.
/// </summary>
public sealed class OverdueActionEscalation(LearningReviewsDbContext db, EmailOutbox outbox, EmailComposer composer, AuditLog audit,
    PartnershipTime time, TimeProvider clock, IOptions<ActionReminderOptions> options, ILogger<OverdueActionEscalation> log)
{
    public const string Kind = "ActionEscalation";

    private sealed record Candidate(Guid Id, Guid ReviewId, string Reference, Guid? SubgroupId, string What, DateOnly Due,
        ActionStatus Status, string? OwnerUserId, Guid? AgencyId);

    private sealed record Person(string Id, string Email, string Name, Guid? AgencyId);

    /// <summary>Queues every step that has come due and was not sent before; returns how many steps were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var today = time.Today;
        var thresholds = options.Value.Thresholds;
        var latest = EscalationRules.LatestDueDateToEscalate(today, thresholds);
        var open = ActionRules.OpenStatuses.ToList();
        // Open, overdue actions of reviews not withdrawn (closed reviews' actions are followed up long after),
        // leaving out those whose last step has gone for their due date.
        var candidates = await (
            from a in db.Actions.AsNoTracking()
            join r in db.Reviews on a.ReviewId equals r.Id
            where open.Contains(a.Status) && a.DueDate != null && a.DueDate <= latest && r.Status != ReviewStatus.Withdrawn
                  && !db.ActionEscalations.Any(e => e.ActionId == a.Id && e.DueDate == a.DueDate && e.Step == EscalationStep.SubgroupChair)
            orderby a.DueDate, a.Id
            select new Candidate(a.Id, a.ReviewId, r.Reference, r.SubgroupId, a.What, a.DueDate!.Value, a.Status, a.OwnerUserId, a.AgencyId))
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0) return 0;

        var ids = candidates.Select(c => c.Id).ToList();
        var sentBefore = (await db.ActionEscalations.AsNoTracking().Where(e => ids.Contains(e.ActionId))
                .Select(e => new { e.ActionId, e.Step, e.DueDate }).ToListAsync(cancellationToken))
            .Select(e => (e.ActionId, e.Step, e.DueDate)).ToHashSet();
        var leads = await db.Agencies.AsNoTracking().Where(a => a.LeadUserId != null)
            .ToDictionaryAsync(a => a.Id, a => a.LeadUserId!, cancellationToken);
        var subgroupIds = candidates.Where(c => c.SubgroupId != null).Select(c => c.SubgroupId!.Value).Distinct().ToList();
        var chairs = (await db.SubgroupMembers.AsNoTracking().Where(m => m.IsChair && subgroupIds.Contains(m.SubgroupId))
                .Select(m => new { m.SubgroupId, m.UserId }).ToListAsync(cancellationToken))
            .ToLookup(m => m.SubgroupId, m => m.UserId);
        var wanted = candidates.Where(c => c.OwnerUserId != null).Select(c => c.OwnerUserId!)
            .Concat(leads.Values).Concat(chairs.SelectMany(g => g)).Distinct().ToList();
        // Only active accounts with an address are told anything.
        var people = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new Person(u.Id, u.Email!, u.DisplayName, u.AgencyId)).ToDictionaryAsync(p => p.Id, cancellationToken);

        var sentAt = clock.GetUtcNow().UtcDateTime;
        var sent = 0;
        foreach (var action in candidates)
        {
            var steps = EscalationRules.StepsDue(action.Status, action.Due, today, thresholds)
                .Where(step => !sentBefore.Contains((action.Id, step, action.Due))).ToList();
            var queued = 0;
            foreach (var step in steps)
            {
                var to = Recipients(step, action, people, leads, chairs);
                if (to.Count == 0) continue;
                db.ActionEscalations.Add(new ActionEscalation
                {
                    ActionId = action.Id, Step = step, DueDate = action.Due, SentAt = sentAt,
                    SentTo = Fit(string.Join(", ", to.Select(p => p.Name)), ActionEscalation.SentToLength),
                });
                foreach (var person in to) outbox.Enqueue(Message(step, action, person, today));
                audit.Add(AuditActions.Updated, nameof(ReviewAction), action.Id.ToString(), action.ReviewId,
                    $"Overdue action escalated to {StepName(step)} ({EscalationRules.DaysPastDue(action.Due, today)} days past its due date)");
                queued++;
            }
            if (queued == 0) continue;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sent += queued;
            }
            catch (DbUpdateException)
            {
                // Most likely another run recorded one of these steps first (the unique key refused ours) and sent
                // them; nothing of this save is kept, the next action goes on, and the next run looks again.
                log.LogWarning("Escalation of action {ActionId} was not recorded (another run may have recorded it first)", action.Id);
            }
            db.ChangeTracker.Clear();
        }
        return sent;
    }

    /// <summary>How a step reads on the action's page and in the audit log.</summary>
    public static string StepName(EscalationStep step) => step switch
    {
        EscalationStep.Owner => "its owner",
        EscalationStep.AgencyLead => "the agency's safeguarding lead",
        EscalationStep.SubgroupChair => "the subgroup's chair",
        _ => step.ToString(),
    };

    private static List<Person> Recipients(EscalationStep step, Candidate action, Dictionary<string, Person> people,
        Dictionary<Guid, string> leads, ILookup<Guid, string> chairs)
    {
        Person? owner = action.OwnerUserId is { } ownerId ? people.GetValueOrDefault(ownerId) : null;
        switch (step)
        {
            case EscalationStep.Owner:
                return owner is null ? [] : [owner];
            case EscalationStep.AgencyLead:
                // The action's own agency, or else its owner's.
                var agency = action.AgencyId ?? owner?.AgencyId;
                return agency is { } id && leads.TryGetValue(id, out var leadId) && people.TryGetValue(leadId, out var lead) ? [lead] : [];
            case EscalationStep.SubgroupChair:
                return action.SubgroupId is { } subgroup
                    ? [.. chairs[subgroup].Select(people.GetValueOrDefault).OfType<Person>().OrderBy(p => p.Name, StringComparer.Ordinal)]
                    : [];
            default:
                return [];
        }
    }

    /// <summary>
    /// The review's reference, the action's text, its due date and a link: nothing about the child or family, and
    /// not the owner's name (the link shows it to whoever may see the review).
    /// </summary>
    private ComposedEmail Message(EscalationStep step, Candidate action, Person to, DateOnly today)
    {
        var due = action.Due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var days = EscalationRules.DaysPastDue(action.Due, today);
        var overdue = $"It was due on {due} and is {days} {(days == 1 ? "day" : "days")} overdue.";
        var (subject, opening, ask) = step switch
        {
            EscalationStep.Owner => (
                $"Your action for {action.Reference} is overdue",
                $"An action you own from learning review {action.Reference} is not yet done:",
                "Please update it: record its progress, or close it with its evidence of impact. If it needs longer, agree a new due date."),
            EscalationStep.AgencyLead => (
                $"Overdue action for your agency: {action.Reference}",
                $"As your agency's safeguarding lead, you are told of an overdue action for your agency from learning review {action.Reference}:",
                "Please follow it up with its owner."),
            _ => (
                $"Overdue action in your subgroup's plan: {action.Reference}",
                $"As chair of the subgroup that owns the action plan of learning review {action.Reference}, you are told of an overdue action:",
                "Please raise it with the action's owner and agency, or at the subgroup's next meeting."),
        };
        return composer.Compose(Kind, to.Email, to.Name, subject, [opening, action.What, overdue, ask],
            new EmailLink("Open the action", $"/action-plans/{action.Id}"));
    }

    private static string Fit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
