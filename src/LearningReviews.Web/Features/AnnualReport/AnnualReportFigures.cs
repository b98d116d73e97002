using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.RapidReviews;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;
using FifteenDayClock = LearningReviews.Domain.RapidReviews.RapidReviewClock;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Publication;
using LearningReviews.Web.Features.Themes;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.AnnualReport;

/// <summary>
/// Counts the annual report over the reviews its reader may see (ReviewQueries.VisibleTo, as the themes dashboard
/// does), for one period. Counting is done by the database (GROUP BY) wherever the figure is in a column; where it
/// is an answer on a stage's form (a date or a choice, kept in the stage's JSON), only the few stage rows that hold it
/// are read, never a review's whole record. docs/annual-report.md says how each figure is counted.
/// </summary>
public sealed class AnnualReportFigures(
    LearningReviewsDbContext db,
    ThemeFigures themes,
    DisseminationReport dissemination,
    WorkflowCatalogue catalogue,
    WorkingDayCalendar calendar,
    PartnershipTime time)
{
    private const string RapidReview = RapidReviewAccess.MethodologyKey;

    public async Task<AnnualReportResult> CountAsync(IQueryable<Review> visible, AnnualReportPeriod period, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (Utc(period.From), Utc(period.End));
        var started = visible.Where(r => r.CreatedAt >= start && r.CreatedAt < end);
        return new AnnualReportResult(period, today,
        [
            await ReviewsAsync(visible, started, start, end, cancellationToken),
            await TimelinessAsync(visible, period, today, cancellationToken),
            await ThemesAsync(visible, period, today, cancellationToken),
            await ActionsAsync(visible, start, end, today, cancellationToken),
            await DisseminationAsync(visible, period, cancellationToken),
            await FamilyAsync(started, cancellationToken),
        ]);
    }

    /// <summary>The reviews' outcomes as their status says: proposed, under way, closed or withdrawn.</summary>
    public static readonly IReadOnlyList<(ReviewStatus Status, string Name)> Outcomes =
    [
        (ReviewStatus.Proposed, "Proposed"), (ReviewStatus.InProgress, "In progress"), (ReviewStatus.Closed, "Closed"), (ReviewStatus.Withdrawn, "Withdrawn"),
    ];

    private async Task<ReportSection> ReviewsAsync(IQueryable<Review> visible, IQueryable<Review> started, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var byStatus = await started.GroupBy(r => new { r.MethodologyKey, r.Status })
            .Select(g => new { g.Key.MethodologyKey, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var closed = await visible.Where(r => r.ClosedAt >= start && r.ClosedAt < end).GroupBy(r => r.MethodologyKey)
            .Select(g => new { Key = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var keys = byStatus.Select(x => x.MethodologyKey).Concat(closed.Keys).Distinct().OrderBy(Position).ToList();
        var rows = keys.Select(key => new ReportRow(MethodologyName(key),
        [
            .. Outcomes.Select(o => byStatus.Where(x => x.MethodologyKey == key && x.Status == o.Status).Sum(x => x.Count)),
            byStatus.Where(x => x.MethodologyKey == key).Sum(x => x.Count),
            closed.GetValueOrDefault(key),
        ])).ToList();
        var table = new ReportTable("reviews", "Reviews started in the period, by methodology and where they stand now", "Methodology",
            [.. Outcomes.Select(o => o.Name), "Started in the period", "Closed in the period"], WithTotal(rows));
        var total = byStatus.Sum(x => x.Count);
        return new ReportSection("reviews", "Reviews by methodology and outcome",
        [
            $"{total} {Plural(total, "review was", "reviews were")} started in the period. A review counts in the period it was started (proposed), under where it stands now; "
            + "\"Closed in the period\" counts the reviews closed in the period, whenever they were started.",
        ], [table]);
    }

    private async Task<ReportSection> TimelinessAsync(IQueryable<Review> visible, AnnualReportPeriod period, DateOnly today, CancellationToken cancellationToken)
    {
        var rapid = await RapidReviewsAsync(visible, period, today, cancellationToken);
        var reports = await ReportsAsync(visible, period, today, cancellationToken);
        return new ReportSection("timeliness", "Timeliness",
        [
            $"Rapid reviews are due {FifteenDayClock.TotalWorkingDays} working days after the serious incident notification (weekends and bank holidays do not count); "
            + "a rapid review counts in the period its notification was dated, and is done when its decision is ratified.",
            "A report (the Learning Review Outcomes Form) is on time when it was first made final on or before the deadline agreed when the review was commissioned. "
            + "Reports first made final in the period are counted, and reports not yet final whose agreed deadline fell in the period and has passed.",
        ], [rapid, reports]);
    }

    public const string WithinTime = "Within time";
    public const string Late = "Late";
    public const string NotDueYet = "Not yet done, still within time";
    public const string Overdue = "Not yet done, past its deadline";
    public const string NoDeadline = "No deadline recorded";

    private async Task<ReportTable> RapidReviewsAsync(IQueryable<Review> visible, AnnualReportPeriod period, DateOnly today, CancellationToken cancellationToken)
    {
        // The notification and decision answers of the rapid reviews (two small stage rows each): their dates are
        // answers on the forms, so they are read and compared here.
        var answers = await db.StageRecords.AsNoTracking()
            .Where(s => (s.StageKey == "notification" || s.StageKey == "decision")
                        && visible.Any(r => r.Id == s.ReviewId && r.MethodologyKey == RapidReview && r.Status != ReviewStatus.Withdrawn))
            .Select(s => new StageRow(s.ReviewId, s.StageKey, s.Cycle, s.AnswersJson)).ToListAsync(cancellationToken);
        var latest = Latest(answers);
        var counts = new Dictionary<string, int>();
        foreach (var (reviewId, stages) in latest)
        {
            if (stages.GetValueOrDefault("notification")?.Date("notifiedOn") is not { } notified || notified < period.From || notified > period.To) continue;
            var deadline = FifteenDayClock.Deadline(notified, calendar);
            var ratified = stages.GetValueOrDefault("decision")?.Date("ratifiedOn");
            var outcome = ratified is { } on ? (on <= deadline ? WithinTime : Late) : (today <= deadline ? NotDueYet : Overdue);
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }
        return Timeliness("rapid-reviews", $"Rapid reviews notified in the period: done within {FifteenDayClock.TotalWorkingDays} working days", "Rapid reviews", counts,
            [WithinTime, Late, NotDueYet, Overdue]);
    }

    private async Task<ReportTable> ReportsAsync(IQueryable<Review> visible, AnnualReportPeriod period, DateOnly today, CancellationToken cancellationToken)
    {
        // The methodologies whose commissioning agrees a deadline for the report, and the stage that records it.
        var deadlineStages = catalogue.Latest
            .Select(d => (d.Key, Stage: d.Stages.FirstOrDefault(s => s.FindField(ReportDeadlineField) is not null)?.Key))
            .Where(x => x.Stage is not null).ToDictionary(x => x.Key, x => x.Stage!);
        var keys = deadlineStages.Keys.ToList();
        var stageKeys = deadlineStages.Values.Distinct().ToList();
        var (start, end) = (Utc(period.From), Utc(period.End));
        var forms = db.OutcomesForms.Where(f => f.Status == OutcomesFormStatus.Final && f.FinalisedAt != null);
        var firstFinal = await forms.Where(f => visible.Any(r => r.Id == f.ReviewId && keys.Contains(r.MethodologyKey)))
            .GroupBy(f => f.ReviewId).Select(g => new { ReviewId = g.Key, At = g.Min(f => f.FinalisedAt)!.Value })
            .Where(x => x.At >= start && x.At < end).ToListAsync(cancellationToken);
        // Reports not yet final, of reviews still going: they may be past a deadline in the period.
        var waiting = await visible.Where(r => keys.Contains(r.MethodologyKey) && (r.Status == ReviewStatus.Proposed || r.Status == ReviewStatus.InProgress)
                                               && !forms.Any(f => f.ReviewId == r.Id))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var ids = firstFinal.Select(f => f.ReviewId).Concat(waiting).ToList();
        var commissioning = Latest(await db.StageRecords.AsNoTracking()
            .Where(s => stageKeys.Contains(s.StageKey) && ids.Contains(s.ReviewId))
            .Select(s => new StageRow(s.ReviewId, s.StageKey, s.Cycle, s.AnswersJson)).ToListAsync(cancellationToken));
        DateOnly? DeadlineOf(Guid id) => commissioning.GetValueOrDefault(id)?.Values.Select(a => a.Date(ReportDeadlineField)).FirstOrDefault(d => d is not null);

        var counts = new Dictionary<string, int>();
        void Count(string outcome) => counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        foreach (var report in firstFinal)
        {
            var finalOn = time.LocalDate(report.At);
            Count(DeadlineOf(report.ReviewId) is { } deadline ? (finalOn <= deadline ? WithinTime : Late) : NoDeadline);
        }
        foreach (var id in waiting)
        {
            if (DeadlineOf(id) is { } deadline && deadline >= period.From && deadline <= period.To && deadline < today) Count(Overdue);
        }
        return Timeliness("reports", "Reports (Learning Review Outcomes Forms): made final within their agreed timeframe", "Reports", counts,
            [WithinTime, Late, NoDeadline, Overdue]);
    }

    /// <summary>The commissioning stage's field holding the deadline agreed for the report.</summary>
    public const string ReportDeadlineField = "reportDeadline";

    private static ReportTable Timeliness(string key, string title, string what, Dictionary<string, int> counts, IReadOnlyList<string> outcomes)
    {
        var rows = outcomes.Select(o => new ReportRow(o, [counts.GetValueOrDefault(o)])).ToList();
        rows.Add(new ReportRow("Total", [rows.Sum(r => r.Values[0])]));
        return new ReportTable(key, title, "Outcome", [what], rows);
    }

    private async Task<ReportSection> ThemesAsync(IQueryable<Review> visible, AnnualReportPeriod period, DateOnly today, CancellationToken cancellationToken)
    {
        // The dashboard's own counting, for the dashboard's period: the report's theme figures are the dashboard's.
        var figures = await themes.CountAsync(visible, period.Quarters, today, cancellationToken);
        var counted = figures.Themes.Where(t => t.Reviews + t.LearningPoints + t.Actions + t.OpenActions + t.OverdueActions > 0)
            .Select(t => new ReportRow(ThemesDashboard.Name(t), [t.Reviews, t.LearningPoints, t.Actions, t.OpenActions, t.OverdueActions])).ToList();
        var table = new ReportTable("themes", "Themes: reviews, learning points and actions tagged with each theme", "Theme",
            ["Reviews", "Learning points", "Actions", "Open actions", "Overdue actions"], counted);
        return new ReportSection("themes", "Themes",
        [
            $"{figures.TaggedReviewsInPeriod} of the {figures.ReviewsInPeriod} {Plural(figures.ReviewsInPeriod, "review", "reviews")} started in the period "
            + $"{(figures.TaggedReviewsInPeriod == 1 ? "was" : "were")} tagged with a theme. These are the themes dashboard's figures for the same period "
            + "(a review counts in the quarter it was started; a learning point or action in the quarter it was recorded, under its own themes or else its review's). "
            + $"Open and overdue actions are counted on {AnnualReportPeriod.Written(today)}, whenever the actions were agreed.",
        ], [table]);
    }

    public const string WithEvidence = "With evidence of impact recorded";

    private async Task<ReportSection> ActionsAsync(IQueryable<Review> visible, DateTime start, DateTime end, DateOnly today, CancellationToken cancellationToken)
    {
        var ofVisible = db.Actions.Where(a => visible.Any(r => r.Id == a.ReviewId));
        var agreed = ofVisible.Where(a => a.CreatedAt >= start && a.CreatedAt < end);
        var byStatus = await agreed.GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Evidenced = g.Count(a => a.EvidenceOfImpact != null && a.EvidenceOfImpact != "") })
            .ToListAsync(cancellationToken);
        var overdue = await agreed.CountAsync(ActionProgress.OverdueOn(today), cancellationToken);
        var closedInPeriod = await ofVisible.CountAsync(a => a.Status == ActionStatus.CompletedAndEmbedded && a.CompletedAt >= start && a.CompletedAt < end, cancellationToken);
        var rows = Enum.GetValues<ActionStatus>().Select(s => new ReportRow(ActionRules.Name(s),
            [byStatus.Where(x => x.Status == s).Sum(x => x.Count), byStatus.Where(x => x.Status == s).Sum(x => x.Evidenced)])).ToList();
        var table = new ReportTable("actions", "Actions agreed in the period, by where they stand now", "Status", ["Actions", WithEvidence], WithTotal(rows));
        var total = byStatus.Sum(x => x.Count);
        var embedded = byStatus.Where(x => x.Status == ActionStatus.CompletedAndEmbedded).Sum(x => x.Count);
        return new ReportSection("actions", "Actions and their evidenced impact",
        [
            $"{total} {Plural(total, "action was", "actions were")} agreed in the period; {embedded} {Plural(embedded, "is", "are")} completed and embedded, "
            + $"closed with evidence of impact and a date to check the change has lasted, and {overdue} {Plural(overdue, "is", "are")} open past {Plural(overdue, "its", "their")} due date on {AnnualReportPeriod.Written(today)}.",
            $"{closedInPeriod} {Plural(closedInPeriod, "action was", "actions were")} completed in the period and {Plural(closedInPeriod, "is", "are")} now embedded, whenever {Plural(closedInPeriod, "it was", "they were")} agreed.",
        ], [table]);
    }

    private async Task<ReportSection> DisseminationAsync(IQueryable<Review> visible, AnnualReportPeriod period, CancellationToken cancellationToken)
    {
        var byWay = await dissemination.ByWayAsync(period.From, period.To, visible, cancellationToken);
        var agencies = await dissemination.AgenciesReachedAsync(period.From, period.To, visible, cancellationToken);
        var ways = new ReportTable("dissemination", "How learning was spread in the period", "Way", ["Times", "Reviews"],
            byWay.Select(w => new ReportRow(w.Name, [w.Times, w.Reviews])).ToList());
        var reached = new ReportTable("agencies-reached", "Agencies the learning reached", "Agency", ["Times reached"],
            agencies.Select(a => new ReportRow(a.Agency, [a.Times])).ToList());
        var times = byWay.Sum(w => w.Times);
        return new ReportSection("dissemination", "Dissemination",
        [
            $"Learning was spread {times} {Plural(times, "time", "times")} in the period, reaching {agencies.Count} {Plural(agencies.Count, "agency", "agencies")}. "
            + "Each dissemination recorded on a review's publication page counts on the date it was held; a review spreading its learning one way several times counts once in Reviews.",
        ], [ways, reached]);
    }

    public const string Involved = "Family involved";
    public const string NotInvolved = "Family not involved";
    public const string NotRecorded = "Not recorded yet";
    public const string MeetingOffered = "Independent meeting offered";

    /// <summary>
    /// Where a methodology's forms record whether the family took part: the family engagement stage's decision
    /// (desktop, practitioner, thematic and single issue reviews), whether a learning conversation gathered the child's
    /// and family's views, and the parents' perception an LSCB review's preparation asks for (involved when given).
    /// </summary>
    public static readonly IReadOnlyList<FamilyField> FamilyFields =
    [
        new("family", "decision", "involve", "notInvolved"),
        new(null, "viewsGathered", "yes", "no"),
        new(null, "parentsPerception", null, null),
    ];

    private async Task<ReportSection> FamilyAsync(IQueryable<Review> started, CancellationToken cancellationToken)
    {
        var where = catalogue.Latest.Select(d => (d.Key, Found: FamilyFields
                .SelectMany(f => d.Stages.Where(s => (f.Stage is null || s.Key == f.Stage) && s.FindField(f.Field) is not null).Select(s => (Field: f, Stage: s.Key)))
                .FirstOrDefault()))
            .Where(x => x.Found.Field is not null).ToDictionary(x => x.Key, x => x.Found);
        var keys = where.Keys.ToList();
        var stageKeys = where.Values.Select(v => v.Stage).Distinct().ToList();
        var reviews = await started.Where(r => keys.Contains(r.MethodologyKey) && r.Status != ReviewStatus.Withdrawn)
            .Select(r => new { r.Id, r.MethodologyKey }).ToListAsync(cancellationToken);
        var answers = Latest(await db.StageRecords.AsNoTracking()
            .Where(s => stageKeys.Contains(s.StageKey) && started.Any(r => r.Id == s.ReviewId && keys.Contains(r.MethodologyKey) && r.Status != ReviewStatus.Withdrawn))
            .Select(s => new StageRow(s.ReviewId, s.StageKey, s.Cycle, s.AnswersJson)).ToListAsync(cancellationToken));

        var counts = new Dictionary<(string Methodology, string Column), int>();
        foreach (var review in reviews)
        {
            var (field, stage) = where[review.MethodologyKey];
            var stageAnswers = answers.GetValueOrDefault(review.Id)?.GetValueOrDefault(stage);
            var answer = stageAnswers?.Text(field.Field);
            var column = answer is null ? NotRecorded
                : field.InvolvedWhen is null || answer == field.InvolvedWhen ? Involved
                : answer == field.NotInvolvedWhen ? NotInvolved : NotRecorded;
            Add(counts, (review.MethodologyKey, column));
            if (stageAnswers?.Text("meetingOffered") == "yes") Add(counts, (review.MethodologyKey, MeetingOffered));
        }
        string[] columns = [Involved, NotInvolved, NotRecorded, MeetingOffered];
        var rows = reviews.Select(r => r.MethodologyKey).Distinct().OrderBy(Position)
            .Select(key => new ReportRow(MethodologyName(key), columns.Select(c => counts.GetValueOrDefault((key, c))).ToList())).ToList();
        var table = new ReportTable("family", "Family involvement in the reviews started in the period", "Methodology", columns, WithTotal(rows));
        var involved = counts.Where(c => c.Key.Column == Involved).Sum(c => c.Value);
        return new ReportSection("family", "Family involvement",
        [
            $"In {involved} of the {reviews.Count} {Plural(reviews.Count, "review", "reviews")} started in the period whose forms ask about the family, the family took part. "
            + "Counted from the family engagement decision (desktop, practitioner learning, thematic and single issue reviews), whether a learning conversation gathered "
            + "the child's and family's views, and whether an LSCB review recorded the parents' perception of events. Withdrawn reviews are left out.",
        ], [table]);
    }

    private sealed record StageRow(Guid ReviewId, string StageKey, int Cycle, string AnswersJson);

    /// <summary>Each review's stages' latest answers (the newest cycle of a repeated stage).</summary>
    private static Dictionary<Guid, Dictionary<string, StageAnswers>> Latest(IEnumerable<StageRow> rows) =>
        rows.GroupBy(r => r.ReviewId).ToDictionary(g => g.Key, g => g.GroupBy(r => r.StageKey)
            .ToDictionary(s => s.Key, s => ReviewWorkflowService.AnswersOf(new ReviewStageRecord
            {
                StageKey = s.Key, AnswersJson = s.OrderByDescending(r => r.Cycle).First().AnswersJson,
            }), StringComparer.Ordinal));

    private static List<ReportRow> WithTotal(List<ReportRow> rows)
    {
        if (rows.Count == 0) return rows;
        var width = rows[0].Values.Count;
        rows.Add(new ReportRow("Total", Enumerable.Range(0, width).Select(i => rows.Sum(r => r.Values[i])).ToList()));
        return rows;
    }

    private static void Add<T>(Dictionary<T, int> counts, T key) where T : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;

    private int Position(string methodologyKey)
    {
        var index = catalogue.Latest.Select(d => d.Key).ToList().IndexOf(methodologyKey);
        return index < 0 ? int.MaxValue : index;
    }

    private string MethodologyName(string key) => catalogue.Latest.FirstOrDefault(d => d.Key == key)?.Name ?? key;

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    /// <summary>The UTC instant a partnership day starts (as ThemeFigures counts).</summary>
    private DateTime Utc(DateOnly date) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), time.Zone), DateTimeKind.Utc);
}

/// <summary>A field that says whether the family took part: in the named stage (or any), involved or not by its answer (any answer when null).</summary>
public sealed record FamilyField(string? Stage, string Field, string? InvolvedWhen, string? NotInvolvedWhen);
