using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Home;

/// <summary>
/// "My work": the reviews the signed-in user takes part in or oversees, open ones first, each with its
/// next deadline; and what is overdue (deadlines passed, actions past their due date) at the top.
/// </summary>
public sealed class HomeController(
    ReviewQueries queries,
    UserContextFactory users,
    ReviewWorkflowService workflow,
    DeadlineService deadlines,
    AuditLog audit,
    PartnershipTime time) : Controller
{
    /// <param name="page">Which page of closed and withdrawn reviews to show (open reviews are all shown: they are the work).</param>
    [HttpGet("/")]
    public async Task<IActionResult> Index(int page = 1)
    {
        var user = users.Current();
        page = Math.Clamp(page, 1, 10_000);
        // The database is asked only for reviews this user may see (the view rule as a query): every open
        // one, with what deadlines need, and one page of finished ones, newest first.
        var visible = queries.VisibleTo(user).AsNoTracking();
        var openReviews = await WithListDetails(visible.Where(r => r.Status == ReviewStatus.Proposed || r.Status == ReviewStatus.InProgress))
            .Include(r => r.Stages)
            .Include(r => r.Actions)
            .Include(r => r.OutcomesForms)
            .OrderByDescending(r => r.ReferenceYear).ThenByDescending(r => r.ReferenceNumber)
            .ToListAsync();
        var finishedPage = await WithListDetails(visible.Where(r => r.Status != ReviewStatus.Proposed && r.Status != ReviewStatus.InProgress))
            .Include(r => r.Actions)
            .OrderByDescending(r => r.ReferenceYear).ThenByDescending(r => r.ReferenceNumber)
            .Skip((page - 1) * ReviewQueries.PageSize).Take(ReviewQueries.PageSize + 1)
            .ToListAsync();
        var moreFinished = finishedPage.Count > ReviewQueries.PageSize;
        var reviews = openReviews.Concat(finishedPage.Take(ReviewQueries.PageSize)).ToList();
        await audit.RecordAsync(AuditActions.Viewed, "MyWork", null, null, $"{reviews.Count} reviews listed (page {page})");
        var today = time.Today;

        var rows = new List<MyWorkRow>();
        var overdue = new List<OverdueItem>();
        var forComment = new List<OverdueItem>();
        foreach (var review in reviews)
        {
            var definition = workflow.DefinitionOf(review);
            // Only open reviews have deadlines: closed ones skip building their state.
            var due = review.Status is ReviewStatus.Proposed or ReviewStatus.InProgress
                ? deadlines.For(review, definition, workflow.StateOf(review))
                : [];
            var next = due.OrderBy(d => d.Due).FirstOrDefault();
            rows.Add(new MyWorkRow(
                review.Id, review.Reference, FamilyRestriction.TitleFor(user, review, definition.Name), definition.Name, review.Status,
                definition.FindStage(review.CurrentStageKey)?.Title ?? review.CurrentStageKey, review.Locality?.Name,
                review.Participants.Where(p => p.UserId == user.UserId).Select(p => p.Role).ToList(), next));
            overdue.AddRange(due.Where(d => d.WorkingDaysLeft < 0)
                .Select(d => new OverdueItem(review.Id, review.Reference, d.Title, d.Due)));
            // Until email arrives, My work is where people learn that a form waits for their comments.
            if (review.OutcomesForms.MaxBy(f => f.Version) is { Status: Domain.Outcomes.OutcomesFormStatus.CirculatedForComment, CommentsCloseOn: { } close }
                && close >= today)
            {
                forComment.Add(new OverdueItem(review.Id, review.Reference, "Learning Review Outcomes Form", close));
            }
            if (review.Status is ReviewStatus.Proposed or ReviewStatus.InProgress or ReviewStatus.Closed)
            {
                overdue.AddRange(review.Actions.Where(a => a.IsOverdue(today))
                    .Select(a => new OverdueItem(review.Id, review.Reference, "Action: " + a.What, a.DueDate!.Value)));
            }
        }
        return View(new MyWorkPage(rows, overdue.OrderBy(o => o.Due).ToList())
        {
            OpenForComment = forComment, Page = page, HasMoreFinished = moreFinished,
        });
    }

    private static IQueryable<Review> WithListDetails(IQueryable<Review> reviews) =>
        reviews.Include(r => r.Locality)
            .Include(r => r.Cases).ThenInclude(c => c.Case)
            .Include(r => r.Participants)
            .AsSplitQuery();
}

public sealed record MyWorkRow(
    Guid Id, string Reference, string Title, string MethodologyName, ReviewStatus Status, string StageTitle,
    string? Locality, IReadOnlyList<ReviewRole> MyRoles, DeadlineRow? NextDeadline);

/// <summary>A deadline or an action that is past its date.</summary>
public sealed record OverdueItem(Guid ReviewId, string Reference, string What, DateOnly Due);

public sealed record MyWorkPage(IReadOnlyList<MyWorkRow> Reviews, IReadOnlyList<OverdueItem> Overdue)
{
    /// <summary>Outcomes Forms circulated for comment, with the last day for comments.</summary>
    public IReadOnlyList<OverdueItem> OpenForComment { get; init; } = [];

    /// <summary>The page of closed and withdrawn reviews shown, and whether there are more.</summary>
    public int Page { get; init; } = 1;
    public bool HasMoreFinished { get; init; }
}
