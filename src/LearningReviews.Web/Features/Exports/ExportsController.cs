using LearningReviews.Domain.Access;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Documents;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Exports;

/// <summary>
/// The business manager's export page: the Outcomes Forms and review records this user may see, with
/// filters, each a one-click PDF download (the download itself is audited by DocumentsController).
/// </summary>
[Route("exports")]
[Authorize(Roles = Roles.BusinessManager + "," + Roles.SubgroupMember + "," + Roles.QaTeamManager)]
public sealed class ExportsController(
    ReviewQueries queries,
    ExportList list,
    LearningReviewsDbContext db,
    WorkflowCatalogue catalogue,
    UserContextFactory users,
    PartnershipTime time,
    AuditLog audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ExportFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ReadDates(filter);
        var user = users.Current();
        // The view rule and every filter are one query: the database counts the matching rows and returns
        // one page of them, with only the columns a row shows.
        var rows = await list.QueryAsync(queries.VisibleTo(user), filter, cancellationToken);
        var total = await rows.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + ReviewQueries.PageSize - 1) / ReviewQueries.PageSize);
        page = Math.Clamp(page, 1, pages);
        var items = await rows.Skip((page - 1) * ReviewQueries.PageSize).Take(ReviewQueries.PageSize).ToListAsync(cancellationToken);
        var titles = await TitlesAsync(user, items.Select(i => i.ReviewId).Distinct().ToList(), cancellationToken);
        filter.MethodologyChoices = catalogue.Latest.Select(d => new SelectListItem(d.Name, d.Key, d.Key == filter.Methodology));
        await audit.RecordViewAsync("Exports", null, null, $"{items.Count} of {total} documents listed (page {page})", cancellationToken);
        return View(new ExportsPage(filter, items.Select(i => RowFor(i, titles[i.ReviewId])).ToList(), page, pages, total));
    }

    /// <summary>
    /// Each listed review's title as this user may see it (FamilyRestriction), read for the page's reviews
    /// only: their families and this user's own participant rows are all the rule needs.
    /// </summary>
    private async Task<Dictionary<Guid, string>> TitlesAsync(UserContext user, List<Guid> ids, CancellationToken cancellationToken)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Include(r => r.Cases).ThenInclude(c => c.Case)
            .Include(r => r.Participants.Where(p => p.UserId == user.UserId))
            .AsSplitQuery().ToListAsync(cancellationToken);
        return reviews.ToDictionary(r => r.Id, r => FamilyRestriction.TitleFor(user, r, DefinitionOf(r.MethodologyKey, r.DefinitionVersion).Name));
    }

    private WorkflowDefinition DefinitionOf(string key, int version) =>
        catalogue.Find(key, version) ?? throw new InvalidOperationException($"{key} version {version} is not installed.");

    /// <summary>
    /// Reads the From and To date boxes (see <see cref="ExportDateFilter.ReadRange"/>). The other
    /// filters still apply, so the user sees a list that matches everything that was entered correctly.
    /// </summary>
    private void ReadDates(ExportFilter filter)
    {
        var range = ExportDateFilter.ReadRange(Request.Query, ModelState, nameof(ExportFilter.From), nameof(ExportFilter.To));
        (filter.FromTyped, filter.ToTyped, filter.From, filter.To) = (range.FromTyped, range.ToTyped, range.From, range.To);
    }

    /// <summary>An Outcomes Form version, for the methodologies that use one; the review's record for the others.</summary>
    private ExportRow RowFor(ExportList.Item item, string title)
    {
        var definition = DefinitionOf(item.MethodologyKey, item.DefinitionVersion);
        var date = time.LocalDate(item.At);
        var isFinal = item.StatusCode == ExportList.Final;
        if (item.IsForm)
        {
            var status = item.StatusCode switch { ExportList.Final => "Final", 1 => "Circulated for comment", _ => "Draft" };
            return new ExportRow(item.ReviewId, item.Reference, title, definition.Key, definition.Name, ReviewDocuments.OutcomesKind,
                item.Version, status, isFinal, date, $"/reviews/{item.ReviewId}/outcomes-form.pdf?version={item.Version}");
        }
        return new ExportRow(item.ReviewId, item.Reference, title, definition.Key, definition.Name, ReviewDocuments.RecordKind(definition), 1,
            isFinal ? "Final" : "Draft", isFinal, date, $"/reviews/{item.ReviewId}/record.pdf");
    }
}

/// <summary>One page of the export list: <paramref name="Total"/> rows match, shown <see cref="ReviewQueries.PageSize"/> at a time.</summary>
public sealed record ExportsPage(ExportFilter Filter, IReadOnlyList<ExportRow> Rows, int Page, int Pages, int Total)
{
    public int FirstShown => Rows.Count == 0 ? 0 : ((Page - 1) * ReviewQueries.PageSize) + 1;
    public int LastShown => FirstShown + Rows.Count - 1;
}
