using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Publication;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Text;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Publication;

/// <summary>What was typed about one dissemination.</summary>
public sealed record DisseminationInput(string? Way, DateOnly? HeldOn, bool DateTyped, IReadOnlyList<Guid> AgencyIds, string? Audience, string? Note);

/// <summary>What was typed about the publication decision.</summary>
public sealed record DecisionInput(string? Decision, string? Risks, string? Benefits, DateOnly? DecidedOn, bool DateTyped, Guid Token);

/// <summary>Who is acting: their account and their name as it should be recorded.</summary>
public sealed record Actor(string UserId, string Name);

/// <summary>
/// Records a review's dissemination, its publication decision and its publishable summary. Every change is
/// audited (without the summary's text: it may hold what the check is there to catch), and every change to the
/// decision or summary carries the concurrency token of the page it was made on.
/// </summary>
public sealed class PublicationService(LearningReviewsDbContext db, AuditLog audit, TimeProvider clock, PartnershipTime time)
{
    public const int TextMax = 4000;
    public const int AudienceMax = 500;
    public const int SummaryMax = 20000;
    public const string StaleMessage = "Someone else changed this while you were working on it. Read it as it is now and try again.";

    /// <summary>The names and numbers the check looks for in this review's summary.</summary>
    public static KnownIdentifiers KnownFor(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new KnownIdentifiers(
            review.Participants.Select(p => p.Name).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().ToList(),
            review.Cases.Select(c => c.Case?.Label).OfType<string>().Distinct().ToList(),
            review.Cases.Select(c => c.Case?.CaseRecordNumber).OfType<string>().Where(n => n.Length > 0).Distinct().ToList());
    }

    public async Task<ReviewPublication?> FindAsync(Guid reviewId, bool tracking = false)
    {
        var publications = tracking ? db.ReviewPublications : db.ReviewPublications.AsNoTracking();
        return await publications.Include(p => p.AcceptedFindings).FirstOrDefaultAsync(p => p.ReviewId == reviewId);
    }

    public async Task<Dictionary<string, string>> AddDisseminationAsync(Review review, DisseminationInput input)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(input);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Enum.TryParse<DisseminationWay>(input.Way, out var way) || !Enum.IsDefined(way)) problems["way"] = "Select how the learning was spread";
        if (input.HeldOn is not { } heldOn)
            problems["heldOn"] = input.DateTyped ? "Enter the date as a real date, for example 27 3 2026" : "Enter the date it took place";
        else if (heldOn > time.Today.AddYears(1)) problems["heldOn"] = "The date must be within the next year";
        var known = await db.Agencies.Where(a => input.AgencyIds.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        if (input.AgencyIds.Count == 0) problems["agencies"] = "Select at least one agency the learning reached";
        else if (known.Count != input.AgencyIds.Distinct().Count()) problems["agencies"] = "Select agencies from the list";
        Text(problems, "audience", input.Audience, AudienceMax, "Enter who it reached, for example 40 social workers and health visitors");
        if (input.Note?.Trim().Length > TextMax) problems["note"] = $"The note must be {InputLimits.Format(TextMax)} characters or fewer";
        else if (way == DisseminationWay.Other && string.IsNullOrWhiteSpace(input.Note)) problems["note"] = "Say in the note how the learning was spread";
        if (problems.Count > 0) return problems;

        var record = new DisseminationRecord
        {
            ReviewId = review.Id, Way = way, HeldOn = input.HeldOn!.Value, Audience = input.Audience!.Trim(),
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            Agencies = known.Select(id => new DisseminationAgency { AgencyId = id }).ToList(),
        };
        db.DisseminationRecords.Add(record);
        audit.Add(AuditActions.Created, nameof(DisseminationRecord), record.Id.ToString(), review.Id,
            $"{DisseminationWays.ShortName(way)} on {record.HeldOn:yyyy-MM-dd}, {known.Count} agencies reached");
        await db.SaveChangesAsync();
        return problems;
    }

    public async Task<bool> RemoveDisseminationAsync(Review review, Guid recordId, Guid token)
    {
        ArgumentNullException.ThrowIfNull(review);
        var record = await db.DisseminationRecords.FirstOrDefaultAsync(d => d.Id == recordId && d.ReviewId == review.Id);
        if (record is null) return false;
        db.Entry(record).Property(d => d.ConcurrencyToken).OriginalValue = token;
        db.DisseminationRecords.Remove(record);
        audit.Add(AuditActions.Deleted, nameof(DisseminationRecord), record.Id.ToString(), review.Id, DisseminationWays.ShortName(record.Way));
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task<Dictionary<string, string>> DecideAsync(Review review, DecisionInput input, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Enum.TryParse<PublicationDecision>(input.Decision, out var decision) || !Enum.IsDefined(decision))
            problems["decision"] = "Select the publication decision";
        Text(problems, "risks", input.Risks, TextMax, "Enter the risks of publication that were considered");
        Text(problems, "benefits", input.Benefits, TextMax, "Enter the benefits of publication that were considered");
        if (input.DecidedOn is not { } decidedOn)
            problems["decidedOn"] = input.DateTyped ? "Enter the date as a real date, for example 27 3 2026" : "Enter the date of the decision";
        else if (decidedOn > time.Today) problems["decidedOn"] = "The date of the decision must be today or in the past";
        if (problems.Count > 0) return problems;

        var publication = await FindOrCreateAsync(review, input.Token);
        publication.Decision = decision;
        publication.Risks = input.Risks!.Trim();
        publication.Benefits = input.Benefits!.Trim();
        publication.DecidedOn = input.DecidedOn;
        publication.DecidedByUserId = actor.UserId;
        publication.DecidedByName = actor.Name;
        audit.Add(AuditActions.Updated, nameof(ReviewPublication), publication.Id.ToString(), review.Id, $"Publication decision: {decision}");
        return await SaveAsync(problems, "decision");
    }

    /// <summary>Saves the summary. A changed summary is no longer publishable until it is checked and marked again.</summary>
    public async Task<Dictionary<string, string>> SaveSummaryAsync(Review review, string? summary, Guid token)
    {
        ArgumentNullException.ThrowIfNull(review);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        Text(problems, "summary", summary, SummaryMax, "Enter the summary");
        if (problems.Count > 0) return problems;
        var publication = await FindOrCreateAsync(review, token);
        var text = summary!.Trim();
        if (publication.Summary != text)
        {
            publication.Summary = text;
            publication.PublishableAt = null;
            publication.PublishableByUserId = null;
            publication.PublishableByName = null;
        }
        var outstanding = IdentifyingDetailsCheck.Outstanding(IdentifyingDetailsCheck.Check(text, KnownFor(review)),
            publication.AcceptedFindings.Select(a => Finding.KeyOf(a.Kind, a.Text)));
        audit.Add(AuditActions.Updated, nameof(ReviewPublication), publication.Id.ToString(), review.Id,
            $"Publishable summary saved; the check found {outstanding.Count} things to look at");
        return await SaveAsync(problems, "summary");
    }

    /// <summary>Records that someone looked at a finding and judged it not identifying.</summary>
    public async Task<Dictionary<string, string>> AcceptAsync(Review review, string? key, Guid token, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var publication = await FindAsync(review.Id, tracking: true);
        var finding = publication is null ? null
            : IdentifyingDetailsCheck.Check(publication.Summary, KnownFor(review)).FirstOrDefault(f => f.Key == key);
        if (publication is null || finding is null)
        {
            problems[""] = "That finding is no longer in the summary";
            return problems;
        }
        db.Entry(publication).Property(p => p.ConcurrencyToken).OriginalValue = token;
        if (publication.AcceptedFindings.All(a => Finding.KeyOf(a.Kind, a.Text) != finding.Key))
        {
            // Added through its set: a new row with its key already set, found only through the collection, would be taken for an existing one.
            db.AcceptedPublicationFindings.Add(new AcceptedFinding
            {
                ReviewPublicationId = publication.Id,
                Kind = finding.Kind, Text = finding.Text.Length > 500 ? finding.Text[..500] : finding.Text,
                AcceptedAt = clock.GetUtcNow().UtcDateTime, AcceptedByUserId = actor.UserId, AcceptedByName = actor.Name,
            });
        }
        // Saving the acceptance renews the publication's token, so two people accepting at once cannot both act on a stale page.
        publication.ModifiedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.Updated, nameof(ReviewPublication), publication.Id.ToString(), review.Id,
            $"{IdentifyingDetailsCheck.KindName(finding.Kind)} accepted as not identifying");
        return await SaveAsync(problems, "");
    }

    /// <summary>Marks the summary publishable, refused while the check finds anything not accepted (listed as problems).</summary>
    public async Task<Dictionary<string, string>> MarkPublishableAsync(Review review, Guid token, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var publication = await FindAsync(review.Id, tracking: true);
        if (publication is null || string.IsNullOrWhiteSpace(publication.Summary))
        {
            problems["summary"] = "Write and save the summary before marking it publishable";
            return problems;
        }
        var outstanding = IdentifyingDetailsCheck.Outstanding(IdentifyingDetailsCheck.Check(publication.Summary, KnownFor(review)),
            publication.AcceptedFindings.Select(a => Finding.KeyOf(a.Kind, a.Text)));
        if (outstanding.Count > 0)
        {
            problems["summary"] = outstanding.Count == 1
                ? "The summary cannot be marked publishable: the check found 1 thing that may identify someone. Remove it or accept it as not identifying."
                : $"The summary cannot be marked publishable: the check found {outstanding.Count} things that may identify someone. Remove them or accept each as not identifying.";
            return problems;
        }
        db.Entry(publication).Property(p => p.ConcurrencyToken).OriginalValue = token;
        publication.PublishableAt = clock.GetUtcNow().UtcDateTime;
        publication.PublishableByUserId = actor.UserId;
        publication.PublishableByName = actor.Name;
        audit.Add(AuditActions.Updated, nameof(ReviewPublication), publication.Id.ToString(), review.Id,
            $"Summary marked publishable ({publication.AcceptedFindings.Count} findings accepted as not identifying)");
        return await SaveAsync(problems, "summary");
    }

    private async Task<ReviewPublication> FindOrCreateAsync(Review review, Guid token)
    {
        var publication = await FindAsync(review.Id, tracking: true);
        if (publication is null)
        {
            publication = new ReviewPublication { ReviewId = review.Id };
            db.ReviewPublications.Add(publication);
            audit.Add(AuditActions.Created, nameof(ReviewPublication), publication.Id.ToString(), review.Id, "Publication record started");
            return publication;
        }
        db.Entry(publication).Property(p => p.ConcurrencyToken).OriginalValue = token;
        return publication;
    }

    private async Task<Dictionary<string, string>> SaveAsync(Dictionary<string, string> problems, string key)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            problems[key] = StaleMessage;
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<ReviewPublication>().Any(e => e.State == EntityState.Added))
        {
            // Two people started the review's publication record at once: the unique review id kept one.
            db.ChangeTracker.Clear();
            problems[key] = StaleMessage;
        }
        return problems;
    }

    private static void Text(Dictionary<string, string> problems, string key, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value)) problems[key] = missing;
        else if (value.Trim().Length > max) problems[key] = $"This must be {InputLimits.Format(max)} characters or fewer";
    }
}
