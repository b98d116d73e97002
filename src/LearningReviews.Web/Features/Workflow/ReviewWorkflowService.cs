using System.Text.Json;
using System.Text.Json.Nodes;
using LearningReviews.Domain.Access;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Text;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;
using LearningReviews.Infrastructure;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>What the signed-in user may do with a review now, and what is still missing before it can move on.</summary>
public sealed record WorkflowMoves(
    bool MayEditCurrentStage, bool MayAdvance, bool IsLastStage, IReadOnlyList<string> Missing,
    bool MaySendBack, bool MayWithdraw, string? PreviousStageTitle)
{
    public bool IsOpen { get; init; } = true;
}

/// <summary>The outcome of a move: done, or refused with a message for the user.</summary>
public sealed record MoveResult(bool Succeeded, string Message)
{
    public static MoveResult Done(string message) => new(true, message);
    public static MoveResult Refused(string message) => new(false, message);
}

/// <summary>
/// Runs reviews through their methodology's stages. The state machine is rebuilt per request from
/// the persisted stage: each gate is a named rule, and the buttons on the page come from the moves
/// permitted now. Every move writes a transition (who, when, from, to, why) and an audit entry, and
/// carries the concurrency token the page was read with, so two people cannot both move a review.
/// </summary>
public sealed class ReviewWorkflowService(
    LearningReviewsDbContext db,
    WorkflowCatalogue catalogue,
    GateEvaluator gates,
    AuditLog audit,
    ICurrentUser currentUser,
    TimeProvider clock,
    PartnershipTime time)
{
    public static readonly string ReasonTooLong = $"The reason must be {InputLimits.Format(InputLimits.Reason)} characters or fewer";

    public const string ConflictMessage =
        "Someone else changed this review while you were looking at it. Check the review as it is now and try again.";

    public WorkflowDefinition DefinitionOf(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return catalogue.Find(review.MethodologyKey, review.DefinitionVersion)
               ?? throw new InvalidOperationException($"Review {review.Reference} uses {review.MethodologyKey} version {review.DefinitionVersion}, which is not installed.");
    }

    /// <summary>The latest cycle of each stage's record.</summary>
    public static Dictionary<string, ReviewStageRecord> LatestRecords(Review review) =>
        review.Stages.GroupBy(s => s.StageKey).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Cycle)!);

    public ReviewState StateOf(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new ReviewState
        {
            Records = RecordsOf(review),
            Definition = DefinitionOf(review),
            CurrentStageKey = review.CurrentStageKey,
            Answers = LatestRecords(review).ToDictionary(r => r.Key, r => AnswersOf(r.Value)),
            Participants = review.Participants
                .Select(p => new ParticipantFacts(p.Role.ToString(), p.UserId, p.Name, p.Email, p.Agency?.Name))
                .ToList(),
            LearningPointCount = review.LearningPoints.Count,
            OutcomesFormFinal = review.OutcomesForms.MaxBy(f => f.Version)?.IsLocked == true,
            Actions = review.Actions.Where(a => a.IsTypedOnForm).Select(a => new ActionFacts(!string.IsNullOrWhiteSpace(a.OwnerName) || a.OwnerUserId is not null, a.DueDate)).ToList(),
            // Answers hold wall-clock dates and times, so gates compare them with local time.
            Today = time.Today,
            Now = time.Now,
        };
    }

    private readonly Dictionary<Guid, ReviewRecords> recordsRead = [];

    /// <summary>
    /// The review's meetings (not cancelled), documents and chronology agencies, which fields naming a meeting
    /// or document kind and some gates read. Read once per review in a request: a page asks several times.
    /// </summary>
    public ReviewRecords RecordsOf(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (recordsRead.TryGetValue(review.Id, out var known)) return known;
        var definition = DefinitionOf(review);
        // Most methodologies read no records: they cost no queries.
        var records = ReadsRecords(definition) ? ReadRecords(review.Id) : ReviewRecords.None;
        recordsRead[review.Id] = records;
        return records;
    }

    /// <summary>Forgets the records read for a review, after a change to them in this request.</summary>
    public void ForgetRecords(Guid reviewId) => recordsRead.Remove(reviewId);

    /// <summary>
    /// Reads the records of many reviews at once (three queries in all, not three per review), for lists
    /// that work out every review's state, such as My work's deadlines. Later RecordsOf calls for these
    /// reviews in this request use what was read.
    /// </summary>
    public void ReadRecordsOf(IEnumerable<Review> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var wanted = reviews.Where(r => !recordsRead.ContainsKey(r.Id) && ReadsRecords(DefinitionOf(r))).Select(r => r.Id).Distinct().ToList();
        if (wanted.Count == 0) return;
        foreach (var (id, records) in ReadRecords(wanted)) recordsRead[id] = records;
    }

    private static bool ReadsRecords(WorkflowDefinition definition) =>
        definition.Stages.Any(s => s.Fields.Any(f => f.Meeting is not null || f.Document is not null)
                                   || s.Gates.Any(g => g.Kind is GateKind.ChronologyFromEveryAgency or GateKind.AttendanceRecorded));

    private ReviewRecords ReadRecords(Guid reviewId) => ReadRecords([reviewId])[reviewId];

    private Dictionary<Guid, ReviewRecords> ReadRecords(List<Guid> reviewIds)
    {
        var meetings = db.Meetings.AsNoTracking()
            .Where(m => reviewIds.Contains(m.ReviewId) && m.CancelledAt == null)
            .Select(m => new
            {
                m.ReviewId, m.Id, m.Kind, m.Date, m.Start, m.Room, m.VirtualLink,
                Invited = m.Invitees.Count,
                Accepted = m.Invitees.Count(i => i.Response == MeetingResponse.Accepted),
                Marked = m.Invitees.Any(i => i.Attendance != MeetingAttendance.NotRecorded),
            })
            .ToList()
            .ToLookup(m => m.ReviewId, m => new MeetingFacts(m.Id, m.Kind, m.Date, m.Start, m.Room, m.VirtualLink is not null, m.Invited, m.Accepted, m.Marked));
        var documents = db.ReviewFiles.AsNoTracking()
            .Where(f => reviewIds.Contains(f.ReviewId))
            .Select(f => new { f.ReviewId, f.Id, f.Kind, f.Title, f.UploadedAt, Circulated = f.Circulations.Min(c => (DateTime?)c.SentAt) })
            .ToList()
            .ToLookup(f => f.ReviewId, f => new DocumentFacts(f.Id, f.Kind, f.Title, time.LocalDate(f.UploadedAt), f.Circulated is { } sent ? time.LocalDate(sent) : null));
        var agencies = db.ChronologyEntries.AsNoTracking()
            .Where(e => reviewIds.Contains(e.ReviewId))
            .Select(e => new { e.ReviewId, e.Agency!.Name })
            .Distinct()
            .ToList()
            .ToLookup(e => e.ReviewId, e => e.Name);
        return reviewIds.ToDictionary(id => id, id => new ReviewRecords
        {
            Meetings = meetings[id].ToList(), Documents = documents[id].ToList(), ChronologyAgencies = agencies[id].ToList(),
        });
    }

    /// <summary>Each stage's latest answers with the fields that read records answered from them (see RecordAnswers).</summary>
    public Dictionary<string, StageAnswers> AnswersWithRecords(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return RecordAnswers.Apply(DefinitionOf(review), LatestRecords(review).ToDictionary(r => r.Key, r => AnswersOf(r.Value)), RecordsOf(review));
    }

    public static StageAnswers AnswersOf(ReviewStageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new StageAnswers(
            JsonNode.Parse(record.AnswersJson) as JsonObject,
            JsonSerializer.Deserialize<List<string>>(record.ChecklistJson));
    }

    public WorkflowMoves MovesFor(UserContext user, Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var definition = DefinitionOf(review);
        var stage = definition.FindStage(review.CurrentStageKey)!;
        var open = ReviewAccessPolicy.IsOpen(review);
        // The same rule ReviewAuthorizationHandler applies to EditStage and Move; controllers ask that
        // first (and log a refusal), this keeps the service safe for callers outside a request.
        var mayAct = ReviewAccessPolicy.MayActNow(user, review, definition);
        var missing = gates.Missing(stage, StateOf(review));
        var previous = PreviousStage(definition, stage);
        return new WorkflowMoves(
            MayEditCurrentStage: mayAct,
            MayAdvance: mayAct && missing.Count == 0,
            IsLastStage: definition.StageAfter(stage.Key) is null,
            Missing: missing,
            MaySendBack: mayAct && previous is not null,
            MayWithdraw: mayAct,
            PreviousStageTitle: previous?.Title) { IsOpen = open };
    }

    public async Task<MoveResult> AdvanceAsync(UserContext user, Review review, Guid expectedToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.ConcurrencyToken != expectedToken) return MoveResult.Refused(ConflictMessage);
        var moves = MovesFor(user, review);
        if (!moves.MayEditCurrentStage) return MoveResult.Refused("You cannot move this review on at this stage.");
        if (!moves.MayAdvance) return MoveResult.Refused("This stage is not finished: " + string.Join("; ", moves.Missing));

        var definition = DefinitionOf(review);
        var from = definition.FindStage(review.CurrentStageKey)!;
        var next = definition.StageAfter(from.Key);
        var now = clock.GetUtcNow().UtcDateTime;
        var records = LatestRecords(review);
        var current = records.GetValueOrDefault(from.Key) ?? AddRecord(review, from.Key, 1, now);
        current.Status = StageStatus.Completed;
        current.CompletedAt = now;
        current.CompletedBy = currentUser.UserId;

        if (next is null)
        {
            review.Status = ReviewStatus.Closed;
            review.ClosedAt = now;
            Record(review, TransitionKind.Closed, from.Key, null, null, now);
            return await SaveMoveAsync(review, expectedToken, $"{review.Reference} is closed.");
        }

        review.CurrentStageKey = next.Key;
        review.Status = ReviewStatus.InProgress;
        var nextRecord = records.GetValueOrDefault(next.Key);
        if (nextRecord is null) AddRecord(review, next.Key, 1, now);
        else nextRecord.Status = StageStatus.InProgress;
        Record(review, TransitionKind.Advanced, from.Key, next.Key, null, now);
        return await SaveMoveAsync(review, expectedToken, $"{from.Title} is complete. Next: {next.Title}.");
    }

    public async Task<MoveResult> SendBackAsync(UserContext user, Review review, Guid expectedToken, string? reason)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.ConcurrencyToken != expectedToken) return MoveResult.Refused(ConflictMessage);
        if (string.IsNullOrWhiteSpace(reason)) return MoveResult.Refused("Enter why the review is being sent back");
        if (reason.Trim().Length > InputLimits.Reason) return MoveResult.Refused(ReasonTooLong);
        var moves = MovesFor(user, review);
        if (!moves.MaySendBack) return MoveResult.Refused("This review cannot be sent back from this stage.");

        var definition = DefinitionOf(review);
        var from = definition.FindStage(review.CurrentStageKey)!;
        var to = PreviousStage(definition, from)!;
        var now = clock.GetUtcNow().UtcDateTime;
        var previousRecord = LatestRecords(review).GetValueOrDefault(to.Key);
        if (to.Repeatable && previousRecord is not null)
        {
            // A repeatable stage (gather more information, meet again) starts a fresh cycle; the earlier one is kept.
            AddRecord(review, to.Key, previousRecord.Cycle + 1, now);
        }
        else if (previousRecord is not null)
        {
            previousRecord.Status = StageStatus.InProgress;
            previousRecord.CompletedAt = null;
        }
        else
        {
            AddRecord(review, to.Key, 1, now);
        }
        review.CurrentStageKey = to.Key;
        Record(review, TransitionKind.SentBack, from.Key, to.Key, reason.Trim(), now);
        return await SaveMoveAsync(review, expectedToken, $"Sent back to {to.Title}.");
    }

    public async Task<MoveResult> WithdrawAsync(UserContext user, Review review, Guid expectedToken, string? reason)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.ConcurrencyToken != expectedToken) return MoveResult.Refused(ConflictMessage);
        if (string.IsNullOrWhiteSpace(reason)) return MoveResult.Refused("Enter why the review is being withdrawn");
        if (reason.Trim().Length > InputLimits.Reason) return MoveResult.Refused(ReasonTooLong);
        if (!MovesFor(user, review).MayWithdraw) return MoveResult.Refused("You cannot withdraw this review.");
        var now = clock.GetUtcNow().UtcDateTime;
        review.Status = ReviewStatus.Withdrawn;
        review.ClosedAt = now;
        Record(review, TransitionKind.Withdrawn, review.CurrentStageKey, null, reason.Trim(), now);
        return await SaveMoveAsync(review, expectedToken, $"{review.Reference} is withdrawn. Nothing has been deleted.");
    }

    private static StageDefinition? PreviousStage(WorkflowDefinition definition, StageDefinition stage)
    {
        var index = definition.Stages.ToList().FindIndex(s => s.Key == stage.Key);
        return index > 0 ? definition.Stages[index - 1] : null;
    }

    private ReviewStageRecord AddRecord(Review review, string stageKey, int cycle, DateTime now)
    {
        var record = new ReviewStageRecord { ReviewId = review.Id, StageKey = stageKey, Cycle = cycle, Status = StageStatus.InProgress, StartedAt = now };
        review.Stages.Add(record);
        db.StageRecords.Add(record);
        return record;
    }

    private void Record(Review review, TransitionKind kind, string? from, string? to, string? reason, DateTime now)
    {
        db.Transitions.Add(new ReviewTransition
        {
            ReviewId = review.Id, Kind = kind, FromStage = from, ToStage = to, Reason = reason,
            UserId = currentUser.UserId, UserName = currentUser.UserName, OccurredAt = now,
        });
        audit.Add(AuditActions.Updated, nameof(Review), review.Id.ToString(), review.Id,
            $"{kind}: {from ?? "-"} → {to ?? "-"}" + (reason is null ? "" : " (reason recorded)"));
    }

    /// <summary>Saves the move only if nobody changed the review since the page was read.</summary>
    private async Task<MoveResult> SaveMoveAsync(Review review, Guid expectedToken, string success)
    {
        db.Entry(review).Property(r => r.ConcurrencyToken).OriginalValue = expectedToken;
        db.Entry(review).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync();
            return MoveResult.Done(success);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return MoveResult.Refused(ConflictMessage);
        }
    }
}
