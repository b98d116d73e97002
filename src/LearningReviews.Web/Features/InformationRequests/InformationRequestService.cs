using System.Globalization;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Files;
using LearningReviews.Domain.InformationRequests;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Text;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Email;
using LearningReviews.Web.Features.Files;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.InformationRequests;

/// <summary>What the sender typed: the agency representatives chosen, the three parts of the request and the deadline.</summary>
public sealed record SendRequest(IReadOnlyList<Guid> RecipientIds, string? Reasons, string? KeyLinesOfEnquiry, string? Scope, DateOnly? DueOn);

/// <summary>The agency's answer under the three headings of 003.</summary>
public sealed record AnswerRequest(string? GoodPractice, string? DoneDifferently, string? IssuesOfNote)
{
    /// <summary>Documents sent with the answer, already checked by their bytes (UploadReader).</summary>
    public IReadOnlyList<AnswerAttachment> Attachments { get; init; } = [];
}

/// <summary>A checked document attached to an answer: the name the uploader's computer gave it, its bytes and its type.</summary>
public sealed record AnswerAttachment(string FileName, byte[] Bytes, AcceptedFileType Type);

/// <summary>
/// Sends information requests (or requests for Individual Agency Summaries) to agencies' representatives,
/// records their answers, and sends the reminders before the deadline. Email goes through the outbox in the
/// same save as the change it belongs to; every change is audited.
/// </summary>
public sealed class InformationRequestService(
    LearningReviewsDbContext db,
    EmailOutbox outbox,
    EmailComposer composer,
    AuditLog audit,
    TimeProvider clock,
    PartnershipTime time,
    WorkingDayCalendar calendar,
    ReviewFileStore files)
{
    public const int MaxTextLength = 8000;
    /// <summary>How many documents one save of an answer may bring.</summary>
    public const int MaxAttachments = 5;
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Who a request may go to: the review's agency representatives with an agency and an email address.</summary>
    public static IReadOnlyList<Participant> Recipients(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Participants
            .Where(p => p.Role == ReviewRole.AgencyRepresentative && p.AgencyId is not null && !string.IsNullOrWhiteSpace(p.Email))
            .OrderBy(p => p.Agency?.Name, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The problems with what was typed, keyed by field name, with the deadline as it will be saved.</summary>
    public Dictionary<string, string> Check(Review review, SendRequest form, out DateOnly dueOn)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(form);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var recipients = Recipients(review).Select(p => p.Id).ToHashSet();
        if (form.RecipientIds.Count == 0) problems["to"] = "Select at least one agency representative";
        else if (form.RecipientIds.Any(id => !recipients.Contains(id))) problems["to"] = "Select agency representatives from the list";
        Text(problems, "reasons", form.Reasons, "Enter the reasons for the review");
        Text(problems, "enquiry", form.KeyLinesOfEnquiry, "Enter the key lines of enquiry");
        Text(problems, "scope", form.Scope, "Enter the scope of the review");
        dueOn = default;
        if (form.DueOn is not { } typed) problems["due"] = "Enter the deadline as a real date, for example 27 3 2027";
        else
        {
            var check = DeadlineRule.Check(typed, time.Today, calendar, "Deadline for the answer");
            if (check.Problem is not null) problems["due"] = check.Problem;
            else if (check.Date == time.Today) problems["due"] = "The deadline must be after today: give the agency time to answer";
            dueOn = check.Date;
        }
        return problems;
    }

    private static void Text(Dictionary<string, string> problems, string key, string? value, string missing)
    {
        if (string.IsNullOrWhiteSpace(value)) problems[key] = missing;
        else if (value.Trim().Length > MaxTextLength) problems[key] = $"This must be {InputLimits.Format(MaxTextLength)} characters or fewer";
    }

    /// <summary>One request per chosen representative, each emailed; saved together with their messages and audit rows.</summary>
    public async Task<IReadOnlyList<InformationRequest>> SendAsync(Review review, SendRequest form, DateOnly dueOn, string senderUserId)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(form);
        var kind = InformationRequestRules.KindFor(review.MethodologyKey)
                   ?? throw new InvalidOperationException("This kind of review does not send information requests.");
        var now = clock.GetUtcNow().UtcDateTime;
        var sent = new List<InformationRequest>();
        foreach (var recipient in Recipients(review).Where(p => form.RecipientIds.Contains(p.Id)))
        {
            var request = new InformationRequest
            {
                ReviewId = review.Id, Kind = kind, AgencyId = recipient.AgencyId!.Value, RecipientParticipantId = recipient.Id,
                Reasons = form.Reasons!.Trim(), KeyLinesOfEnquiry = form.KeyLinesOfEnquiry!.Trim(), Scope = form.Scope!.Trim(),
                DueOn = dueOn, SentAt = now, SentByUserId = senderUserId,
            };
            db.InformationRequests.Add(request);
            outbox.Enqueue(RequestEmail(review, request, recipient));
            audit.Add(AuditActions.Created, nameof(InformationRequest), request.Id.ToString(), review.Id,
                $"{InformationRequestRules.Name(kind)} sent to {recipient.Agency?.Name ?? "an agency"}, due {dueOn:yyyy-MM-dd}");
            sent.Add(request);
        }
        await db.SaveChangesAsync();
        return sent;
    }

    /// <summary>Saves the agency's answer (or a later change to it). The answer needs at least one heading filled in.</summary>
    public async Task<Dictionary<string, string>> AnswerAsync(Review review, InformationRequest request, AnswerRequest answer,
        string userId, string userName, Guid token)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(answer);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(answer.GoodPractice) && string.IsNullOrWhiteSpace(answer.DoneDifferently)
            && string.IsNullOrWhiteSpace(answer.IssuesOfNote))
        {
            problems["good"] = "Answer under at least one heading";
        }
        foreach (var (key, value) in new[] { ("good", answer.GoodPractice), ("different", answer.DoneDifferently), ("note", answer.IssuesOfNote) })
        {
            if (value?.Trim().Length > MaxTextLength) problems[key] = $"This must be {InputLimits.Format(MaxTextLength)} characters or fewer";
        }
        if (answer.Attachments.Count > MaxAttachments) problems["attachments"] = $"Attach {MaxAttachments} documents or fewer at a time";
        if (problems.Count > 0) return problems;

        var first = !request.IsAnswered;
        request.GoodPractice = Clean(answer.GoodPractice);
        request.DoneDifferently = Clean(answer.DoneDifferently);
        request.IssuesOfNote = Clean(answer.IssuesOfNote);
        request.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        request.AnsweredByUserId = userId;
        request.AnsweredByName = userName;
        // Saved only if nobody else changed the answer since the page was read.
        db.Entry(request).Property(r => r.ConcurrencyToken).OriginalValue = token;
        audit.Add(AuditActions.Updated, nameof(InformationRequest), request.Id.ToString(), review.Id,
            first ? $"{InformationRequestRules.Name(request.Kind)} answered" : $"{InformationRequestRules.Name(request.Kind)} answer changed");
        var attached = await AttachAsync(review, request, answer.Attachments, userId, userName);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            foreach (var file in attached) files.Forget(file);
            problems["good"] = "Someone else changed this answer while you were writing yours. Read it as it is now and try again.";
        }
        catch
        {
            foreach (var file in attached) files.Forget(file);
            throw;
        }
        return problems;
    }

    /// <summary>
    /// Adds the answer's documents to the review's documents (for the whole review, not one family), tied to the
    /// request, in the same save as the answer: an answer refused as stale keeps none of them.
    /// </summary>
    private async Task<List<ReviewFile>> AttachAsync(Review review, InformationRequest request, IReadOnlyList<AnswerAttachment> attachments,
        string userId, string userName)
    {
        var added = new List<ReviewFile>();
        foreach (var attachment in attachments)
        {
            var upload = new AcceptedUpload(attachment.FileName, attachment.Type, attachment.Bytes);
            var file = upload.ToReviewFile(review.Id, DocumentKind.Other,
                $"With the {InformationRequestRules.Name(request.Kind)} answer: {upload.DisplayName}", userId, userName, clock.GetUtcNow().UtcDateTime);
            file.InformationRequestId = request.Id;
            await files.KeepAsync(file, attachment.Bytes);
            db.ReviewFiles.Add(file);
            added.Add(file);
            audit.Add(AuditActions.Created, nameof(ReviewFile), file.Id.ToString(), review.Id,
                $"Attached to an {InformationRequestRules.Name(request.Kind)} answer ({attachment.Type.Name}, {file.Length} bytes)");
        }
        return added;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// Queues the reminders due today (InformationRequestRules.ReminderDue) and records each as sent in the
    /// same save, so a reminder is recorded exactly when it is queued and never sent twice. Returns how many.
    /// </summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken = default)
    {
        var today = time.Today;
        // Only unanswered, unreminded requests whose deadline has not passed and is within reach are read.
        var latest = calendar.AddWorkingDays(today, InformationRequestRules.ReminderWorkingDaysBefore + 7);
        var candidates = await db.InformationRequests.AsNoTracking()
            .Where(r => r.AnsweredAt == null && r.ReminderSentAt == null && r.DueOn >= today && r.DueOn <= latest)
            .ToListAsync(cancellationToken);
        var due = candidates.Where(r => InformationRequestRules.ReminderDue(r, today, time.LocalDate(r.SentAt), calendar)).ToList();
        if (due.Count == 0) return 0;
        var reviewIds = due.Select(r => r.ReviewId).Distinct().ToList();
        var reviews = await db.Reviews.AsNoTracking().Where(r => reviewIds.Contains(r.Id))
            .Include(r => r.Participants).ThenInclude(p => p.Agency).AsSplitQuery().ToDictionaryAsync(r => r.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = 0;
        foreach (var request in due)
        {
            var review = reviews[request.ReviewId];
            if (!Domain.Access.ReviewAccessPolicy.IsOpen(review)) continue;
            var to = review.Participants.FirstOrDefault(p => p.Id == request.RecipientParticipantId)
                     ?? review.Participants.FirstOrDefault(p => p.Role == ReviewRole.AgencyRepresentative && p.AgencyId == request.AgencyId);
            // Each request is claimed with one conditional UPDATE in the transaction that queues its email, as
            // meeting reminders are: whichever run (a second instance, or the scheduled job beside a direct call)
            // claims it first sends the one reminder, and the other moves on instead of failing the whole batch.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.InformationRequests
                .Where(r => r.Id == request.Id && r.ReminderSentAt == null && r.AnsweredAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.ReminderSentAt, now).SetProperty(r => r.ConcurrencyToken, Guid.NewGuid()), cancellationToken);
            if (claimed == 0) continue;
            if (to?.Email is not null) // nobody left to remind: still claimed, so the job does not look again
            {
                outbox.Enqueue(ReminderEmail(review, request, to));
                audit.Add(AuditActions.Updated, nameof(InformationRequest), request.Id.ToString(), review.Id,
                    $"Reminder sent: {InformationRequestRules.Name(request.Kind)} due {request.DueOn:yyyy-MM-dd}");
                queued++;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return queued;
    }

    /// <summary>The request email: the review's reference only, the deadline, and a link; nothing about the child.</summary>
    private ComposedEmail RequestEmail(Review review, InformationRequest request, Participant to)
    {
        var name = InformationRequestRules.Name(request.Kind);
        var asked = request.Kind == InformationRequestKind.AgencySummary
            ? $"Your agency is asked for its Individual Agency Summary for rapid review {review.Reference}."
            : $"Your agency is asked for information for learning review {review.Reference}.";
        return composer.Compose("InformationRequest", to.Email!, to.Name, $"{Capitalise(name)} for {review.Reference}",
        [
            asked,
            $"Please answer by {LongDate(request.DueOn)}. The request gives the reasons for the review, its key lines of enquiry and its scope; "
            + "answer under good practice, what needed to be done differently, and unexpected practice or issues of note.",
            "Sign in to read the request and answer it.",
        ], new EmailLink("Read and answer the request", $"/reviews/{review.Id}/information-requests/{request.Id}"));
    }

    private ComposedEmail ReminderEmail(Review review, InformationRequest request, Participant to)
    {
        var name = InformationRequestRules.Name(request.Kind);
        return composer.Compose("InformationRequestReminder", to.Email!, to.Name, $"Reminder: {name} for {review.Reference} due {LongDate(request.DueOn)}",
        [
            $"This is a reminder that your agency's answer to the {name} for {review.Reference} is due by {LongDate(request.DueOn)}.",
            "Sign in to read the request and answer it.",
        ], new EmailLink("Read and answer the request", $"/reviews/{review.Id}/information-requests/{request.Id}"));
    }

    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", EnGb);

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
