using System.Globalization;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;
using LearningReviews.Infrastructure;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>
/// The startup data step that keeps the answers of reviews begun before meeting dates were booked in the
/// application. A field that now names a meeting kind is answered by the review's meeting of that kind
/// (RecordAnswers), so a date typed there earlier would be lost; for each review with such a date and no
/// meeting of that kind, this makes a meeting from it: the date, the time typed (or 10:00 for a date
/// alone), the kind's usual length, the room (or link) from the stage's venue field, nobody invited, no
/// email sent. Each is audited as done by the system. It runs after the migrations until it has run to the end
/// once on the database (DataStepLedger records it, so later starts skip it), and does
/// nothing the second time: a review with a meeting of the kind is left alone.
/// </summary>
public sealed class TypedMeetingDates(LearningReviewsDbContext db, WorkflowCatalogue catalogue, TimeProvider clock, ILogger<TypedMeetingDates> logger)
{
    /// <summary>Where a date typed without a time is put: a morning start people can move.</summary>
    public static readonly TimeOnly DefaultStart = new(10, 0);

    /// <summary>The stage field naming where the meeting was held, when the stage has one.</summary>
    private const string VenueField = "venue";

    /// <returns>How many meetings were made.</returns>
    public async Task<int> MoveAsync(CancellationToken cancellationToken = default)
    {
        var meetingFields = catalogue.All
            .Where(d => d.Stages.Any(s => s.Fields.Any(f => f.Meeting is not null)))
            .ToDictionary(d => (d.Key, d.Version));
        if (meetingFields.Count == 0) return 0;
        var keys = meetingFields.Keys.Select(k => k.Key).Distinct().ToList();
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => keys.Contains(r.MethodologyKey))
            .Select(r => new { r.Id, r.MethodologyKey, r.DefinitionVersion })
            .ToListAsync(cancellationToken);
        // It reads in three queries in all, not two per review: startup time
        // must not grow with the partnership's history (docs/performance.md).
        var held = (await (
                from m in db.Meetings.AsNoTracking()
                join r in db.Reviews on m.ReviewId equals r.Id
                where keys.Contains(r.MethodologyKey)
                select new { m.ReviewId, m.Kind }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(m => m.ReviewId, m => m.Kind);
        var meetingStageKeys = meetingFields.Values.SelectMany(d => d.Stages).Where(s => s.Fields.Any(f => f.Meeting is not null))
            .Select(s => s.Key).Distinct().ToList();
        var typed = (await (
                from s in db.StageRecords.AsNoTracking()
                join r in db.Reviews on s.ReviewId equals r.Id
                where keys.Contains(r.MethodologyKey) && meetingStageKeys.Contains(s.StageKey)
                select s).ToListAsync(cancellationToken))
            .ToLookup(s => s.ReviewId);
        var audit = new AuditLog(db, new SystemUser(), clock);
        var made = 0;
        foreach (var review in reviews)
        {
            if (!meetingFields.TryGetValue((review.MethodologyKey, review.DefinitionVersion), out var definition)) continue;
            var kindsHeld = held[review.Id].ToHashSet();
            var stageKeys = definition.Stages.Where(s => s.Fields.Any(f => f.Meeting is { } kind && !kindsHeld.Contains(kind))).Select(s => s.Key).ToList();
            if (stageKeys.Count == 0) continue;
            var records = typed[review.Id].Where(s => stageKeys.Contains(s.StageKey)).OrderBy(s => s.Cycle).ToList();
            var planned = new List<Meeting>();
            foreach (var record in records)
            {
                var stage = definition.FindStage(record.StageKey)!;
                var answers = ReviewWorkflowService.AnswersOf(record);
                foreach (var field in stage.Fields.Where(f => f.Meeting is { } kind && !kindsHeld.Contains(kind)))
                {
                    if (MeetingFrom(field, answers, review.Id) is not { } meeting) continue;
                    // A repeated stage may hold the same date in several cycles: one meeting each time it was held.
                    if (planned.Any(p => p.Kind == meeting.Kind && p.Date == meeting.Date && p.Start == meeting.Start)) continue;
                    (meeting.Room, meeting.VirtualLink) = Venue(answers.Text(VenueField));
                    planned.Add(meeting);
                }
            }
            foreach (var meeting in planned)
            {
                db.Meetings.Add(meeting);
                audit.Add(AuditActions.Created, nameof(Meeting), meeting.Id.ToString(), review.Id,
                    $"{meeting.Kind} on {meeting.Date:yyyy-MM-dd} made from the date typed on the stage form (no invitations sent)");
            }
            made += planned.Count;
        }
        if (made > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Made {Count} meetings from meeting dates typed on stage forms", made);
        }
        db.ChangeTracker.Clear();
        return made;
    }

    private static Meeting? MeetingFrom(FieldDefinition field, StageAnswers answers, Guid reviewId)
    {
        var text = answers.Text(field.Key);
        if (text is null || answers.Date(field.Key) is not { } date) return null;
        var start = DateTime.TryParseExact(text, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? TimeOnly.FromDateTime(at)
            : DefaultStart;
        var kind = field.Meeting!.Value;
        return new Meeting { ReviewId = reviewId, Kind = kind, Date = date, Start = start, DurationMinutes = MeetingKindNames.DefaultDurationMinutes(kind) };
    }

    /// <summary>A venue typed as "room or virtual link": an https address is the link, anything else the room.</summary>
    private static (string? Room, string? Link) Venue(string? venue)
    {
        if (string.IsNullOrWhiteSpace(venue)) return (null, null);
        var trimmed = venue.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && trimmed.Length <= Meeting.MaxLinkLength)
            return (null, trimmed);
        return (trimmed.Length <= Meeting.MaxRoomLength ? trimmed : trimmed[..Meeting.MaxRoomLength], null);
    }
}
