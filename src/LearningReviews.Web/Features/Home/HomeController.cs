using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Home;

/// <summary>
/// "My work": the reviews the signed-in user takes part in or oversees, open ones first, each with its
/// next deadline, a page at a time; and what is overdue (deadlines passed, actions past their due date)
/// and what waits for comments, across all of the user's reviews, at the top.
/// </summary>
public sealed class HomeController(
    ReviewQueries queries,
    LearningReviewsDbContext db,
    UserContextFactory users,
    ReviewWorkflowService workflow,
    StoredDeadlineService storedDeadlines,
    AuditLog audit,
    PartnershipTime time,
    Infrastructure.Authorization.ReviewAccess access) : Controller
{
    /// <param name="page">Which page of the list (open reviews first, then closed and withdrawn ones).</param>
    [HttpGet("/")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var user = users.Current();
        page = Math.Clamp(page, 1, 10_000);
        var today = time.Today;
        // The database is asked only for reviews this user may see (the view rule as a query), and only
        // for one page of them; the overdue and comment lists are their own small queries over all of them.
        var visible = queries.VisibleTo(user).AsNoTracking();
        // The view rule and the sort run once, for the page's ids; the rows and what they include are then read by id
        // (a split query would repeat the rule and the sort for each included collection).
        var pageIds = await visible
            .OrderBy(r => r.Status == ReviewStatus.Proposed || r.Status == ReviewStatus.InProgress ? 0 : 1)
            .ThenByDescending(r => r.ReferenceYear).ThenByDescending(r => r.ReferenceNumber).ThenBy(r => r.Id)
            .Skip((page - 1) * ReviewQueries.PageSize).Take(ReviewQueries.PageSize + 1)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var loaded = await db.Reviews.AsNoTracking().Where(r => pageIds.Contains(r.Id))
            .Include(r => r.Locality)
            .Include(r => r.Cases).ThenInclude(c => c.Case)
            .Include(r => r.Participants.Where(p => p.UserId == user.UserId))
            .AsSplitQuery().ToDictionaryAsync(r => r.Id, cancellationToken);
        // In the id order of the page; a review gone between the two reads (none is deleted today) is left out, not a failure.
        var pageRows = pageIds.Where(loaded.ContainsKey).Select(id => loaded[id]).ToList();
        var hasMore = pageRows.Count > ReviewQueries.PageSize;
        var reviews = pageRows.Take(ReviewQueries.PageSize).ToList();
        await audit.RecordViewAsync("MyWork", null, null, $"{reviews.Count} reviews listed (page {page})", cancellationToken);

        // Deadlines are stored per review (StoredDeadlineService): the few reviews changed since they were last
        // worked out are worked out now, and then the page reads only its own rows' next deadlines and the
        // oldest overdue items, counting the rest in the database.
        await storedDeadlines.WorkOutMissingAsync(visible, cancellationToken);
        var next = await storedDeadlines.NextDeadlinesAsync(reviews.Where(r => r.Status is ReviewStatus.Proposed or ReviewStatus.InProgress).Select(r => r.Id).ToList(), cancellationToken);
        var rows = reviews.Select(review =>
        {
            var definition = workflow.DefinitionOf(review);
            return new MyWorkRow(
                review.Id, review.Reference, FamilyRestriction.TitleFor(user, review, definition.Name), definition.Name, review.Status,
                definition.FindStage(review.CurrentStageKey)?.Title ?? review.CurrentStageKey, review.Locality?.Name,
                review.Participants.Select(p => p.Role).ToList(),
                next.GetValueOrDefault(review.Id));
        }).ToList();
        // A partnership with a long history can have thousands of overdue items: the page lists the oldest
        // ones and says how many there are in all, rather than growing to megabytes of HTML. Each kind of
        // item gives its oldest OverdueShown and its count, so the oldest of all are among them.
        var deadlinesOverdue = await OverdueDeadlinesAsync(visible, today, cancellationToken);
        var actionsOverdue = await OverdueActionsAsync(visible, today, cancellationToken);
        var requestsOverdue = await InformationRequests.OverdueRequests.OldestAsync(db, visible, today, cancellationToken);
        var overdue = deadlinesOverdue.Oldest.Concat(actionsOverdue.Oldest).Concat(requestsOverdue.Oldest)
            .OrderBy(o => o.Due).ThenBy(o => o.Reference, StringComparer.Ordinal).ThenBy(o => o.What, StringComparer.Ordinal)
            .Take(MyWorkPage.OverdueShown).ToList();
        return View(new MyWorkPage(rows, overdue)
        {
            OverdueTotal = deadlinesOverdue.Total + actionsOverdue.Total + requestsOverdue.Total,
            OverdueCountStopped = deadlinesOverdue.CountStopped || actionsOverdue.CountStopped || requestsOverdue.CountStopped,
            ActionsOverdue = actionsOverdue.Total > 0,
            OpenForComment = await OpenForCommentAsync(visible, today, cancellationToken), Page = page, HasMore = hasMore,
            Meetings = await Meetings.MeetingWork.InvitedAsync(db, visible, user, time, cancellationToken),
            RegistersToTake = await Meetings.MeetingWork.RegistersToTakeAsync(db, visible, user, time,
                review => access.Allows(review, Infrastructure.Authorization.ReviewOperations.ManageMeetings), cancellationToken),
        });
    }

    /// <summary>Stored deadlines of open reviews that have passed: the oldest, and how many in all.</summary>
    private async Task<OverdueItems> OverdueDeadlinesAsync(IQueryable<Review> visible, DateOnly today, CancellationToken cancellationToken)
    {
        var query =
            from d in db.StoredDeadlines
            join s in db.ReviewDeadlineSets on d.SetId equals s.Id
            join r in visible on s.ReviewId equals r.Id
            where (r.Status == ReviewStatus.Proposed || r.Status == ReviewStatus.InProgress) && d.OverdueAfter < today
            select new { r.Id, r.Reference, d.Title, d.Due };
        var oldest = await query.OrderBy(d => d.Due).ThenBy(d => d.Reference).ThenBy(d => d.Title)
            .Take(MyWorkPage.OverdueShown).ToListAsync(cancellationToken);
        var total = await OverdueItems.CountAsync(query, oldest.Count, cancellationToken);
        return new OverdueItems(oldest.Select(d => new OverdueItem(d.Id, d.Reference, d.Title, d.Due)).ToList(), total);
    }

    /// <summary>Actions past their due date and not done, on the user's open and closed reviews (not withdrawn ones).</summary>
    private async Task<OverdueItems> OverdueActionsAsync(IQueryable<Review> visible, DateOnly today, CancellationToken cancellationToken)
    {
        var open = ActionRules.OpenStatuses.ToList();
        var query =
            from a in db.Actions
            join r in visible on a.ReviewId equals r.Id
            where (r.Status == ReviewStatus.Proposed || r.Status == ReviewStatus.InProgress || r.Status == ReviewStatus.Closed)
                  && a.DueDate != null && a.DueDate < today
                  && open.Contains(a.Status)
            select new { r.Id, r.Reference, a.What, a.DueDate };
        var oldest = await query.OrderBy(a => a.DueDate).ThenBy(a => a.Reference).ThenBy(a => a.What)
            .Take(MyWorkPage.OverdueShown).ToListAsync(cancellationToken);
        var total = await OverdueItems.CountAsync(query, oldest.Count, cancellationToken);
        return new OverdueItems(oldest.Select(a => new OverdueItem(a.Id, a.Reference, "Action: " + a.What, a.DueDate!.Value)).ToList(), total);
    }

    /// <summary>
    /// Reviews whose latest Outcomes Form is out for comment and still open for comments. Until email
    /// arrives, My work is where people learn that a form waits for them.
    /// </summary>
    private async Task<List<OverdueItem>> OpenForCommentAsync(IQueryable<Review> visible, DateOnly today, CancellationToken cancellationToken)
    {
        var forms = await (
            from f in db.OutcomesForms
            join r in visible on f.ReviewId equals r.Id
            where f.Status == OutcomesFormStatus.CirculatedForComment && f.CommentsCloseOn != null && f.CommentsCloseOn >= today
                  && !db.OutcomesForms.Any(later => later.ReviewId == f.ReviewId && later.Version > f.Version)
            select new { r.Id, r.Reference, f.CommentsCloseOn }).ToListAsync(cancellationToken);
        return forms.Select(f => new OverdueItem(f.Id, f.Reference, "Learning Review Outcomes Form", f.CommentsCloseOn!.Value))
            .OrderBy(f => f.Due).ThenBy(f => f.Reference, StringComparer.Ordinal).ToList();
    }

}

/// <summary>
/// The oldest overdue items of one kind (at most MyWorkPage.OverdueShown) and how many there are in all, counted
/// up to one more than <see cref="CountedUpTo"/>.
/// </summary>
public sealed record OverdueItems(IReadOnlyList<OverdueItem> Oldest, int Total)
{
    /// <summary>
    /// Counting stops past this many. A partnership with years of history can have tens of thousands of overdue
    /// actions, and counting them all joined to the view rule was most of My work's time (0.2 s at 10,000 reviews
    /// on SQLite); past a thousand the exact figure changes nothing the reader does, and the action plans list
    /// (filtered to red) counts and lists every overdue action.
    /// </summary>
    public const int CountedUpTo = 1000;

    /// <summary>Whether there are more than <see cref="CountedUpTo"/>, so <see cref="Total"/> is a lower bound.</summary>
    public bool CountStopped => Total > CountedUpTo;

    /// <summary>How many rows <paramref name="query"/> has, up to CountedUpTo + 1; no query when the oldest read were fewer than shown.</summary>
    public static async Task<int> CountAsync<T>(IQueryable<T> query, int oldestRead, CancellationToken cancellationToken) =>
        oldestRead < MyWorkPage.OverdueShown ? oldestRead : await query.Take(CountedUpTo + 1).CountAsync(cancellationToken);
}

public sealed record MyWorkRow(
    Guid Id, string Reference, string Title, string MethodologyName, ReviewStatus Status, string StageTitle,
    string? Locality, IReadOnlyList<ReviewRole> MyRoles, DeadlineRow? NextDeadline);

/// <summary>A deadline or an action that is past its date.</summary>
public sealed record OverdueItem(Guid ReviewId, string Reference, string What, DateOnly Due);

public sealed record MyWorkPage(IReadOnlyList<MyWorkRow> Reviews, IReadOnlyList<OverdueItem> Overdue)
{
    /// <summary>How many overdue items the page lists at most (the oldest first).</summary>
    public const int OverdueShown = 100;

    /// <summary>How many items are overdue in all; <see cref="Overdue"/> holds the first <see cref="OverdueShown"/>.</summary>
    public int OverdueTotal { get; init; }

    /// <summary>Whether some kind had more than <see cref="OverdueItems.CountedUpTo"/> overdue, so the total is "more than".</summary>
    public bool OverdueCountStopped { get; init; }

    /// <summary>Whether any action is overdue: the page then points to the action plans list, which lists them all.</summary>
    public bool ActionsOverdue { get; init; }

    /// <summary>Outcomes Forms circulated for comment, with the last day for comments.</summary>
    public IReadOnlyList<OverdueItem> OpenForComment { get; init; } = [];

    /// <summary>Meetings the user is invited to in the next few weeks, and later invitations not yet answered.</summary>
    public IReadOnlyList<Meetings.MyMeeting> Meetings { get; init; } = [];

    /// <summary>Meetings held whose register nobody has taken, where the user may take it.</summary>
    public IReadOnlyList<Meetings.MyMeeting> RegistersToTake { get; init; } = [];

    /// <summary>The page of the list shown (open reviews come first), and whether there are more.</summary>
    public int Page { get; init; } = 1;
    public bool HasMore { get; init; }
}
