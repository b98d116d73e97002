using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Web.Features.Documents;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
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
    ReviewWorkflowService workflow,
    WorkflowCatalogue catalogue,
    UserContextFactory users,
    PartnershipTime time,
    AuditLog audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ExportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ReadDates(filter);
        var user = users.Current();
        // The view rule as a query: the database returns only the reviews this user may see (and of the
        // chosen methodology); the other filters work on the documents, which are made in memory.
        var visible = queries.VisibleTo(user);
        if (!string.IsNullOrEmpty(filter.Methodology)) visible = visible.Where(r => r.MethodologyKey == filter.Methodology);
        var reviews = await visible
            .Include(r => r.Cases).ThenInclude(c => c.Case)
            .Include(r => r.Participants)
            .Include(r => r.OutcomesForms)
            .Include(r => r.Stages)
            .Include(r => r.Themes)
            .AsSplitQuery().AsNoTracking().ToListAsync();
        var rows = reviews.SelectMany(r => RowsFor(r, FamilyRestriction.TitleFor(user, r, workflow.DefinitionOf(r).Name))).Where(row => Matches(row, filter))
            .OrderByDescending(r => r.Date).ThenBy(r => r.Reference, StringComparer.Ordinal).ToList();
        filter.MethodologyChoices = catalogue.Latest.Select(d => new SelectListItem(d.Name, d.Key, d.Key == filter.Methodology));
        await audit.RecordAsync(AuditActions.Viewed, "Exports", null, null, $"{rows.Count} documents listed");
        return View(new ExportsPage(filter, rows));
    }

    /// <summary>
    /// Reads the From and To date boxes (see <see cref="ExportDateFilter.ReadRange"/>). The other
    /// filters still apply, so the user sees a list that matches everything that was entered correctly.
    /// </summary>
    private void ReadDates(ExportFilter filter)
    {
        var range = ExportDateFilter.ReadRange(Request.Query, ModelState, nameof(ExportFilter.From), nameof(ExportFilter.To));
        (filter.FromTyped, filter.ToTyped, filter.From, filter.To) = (range.FromTyped, range.ToTyped, range.From, range.To);
    }

    /// <summary>Every version of an Outcomes Form for the methodologies that use one; the record for the others.</summary>
    private IEnumerable<ExportRow> RowsFor(Review review, string title)
    {
        var definition = workflow.DefinitionOf(review);
        var themes = ThemesOf(review);
        if (definition.OutcomesForm is not null)
        {
            foreach (var form in review.OutcomesForms.OrderBy(f => f.Version))
            {
                var date = time.LocalDate(form.FinalisedAt ?? form.ModifiedAt);
                var status = form.Status switch
                {
                    OutcomesFormStatus.Final => "Final",
                    OutcomesFormStatus.CirculatedForComment => "Circulated for comment",
                    _ => "Draft",
                };
                yield return new ExportRow(review.Id, review.Reference, title, definition.Key, definition.Name, ReviewDocuments.OutcomesKind,
                    form.Version, status, form.Status == OutcomesFormStatus.Final, date, themes,
                    $"/reviews/{review.Id}/outcomes-form.pdf?version={form.Version}");
            }
            yield break;
        }
        var closed = review.Status == ReviewStatus.Closed;
        yield return new ExportRow(review.Id, review.Reference, title, definition.Key, definition.Name, ReviewDocuments.RecordKind(definition), 1,
            closed ? "Final" : "Draft", closed, time.LocalDate(review.ClosedAt ?? review.ModifiedAt), themes, $"/reviews/{review.Id}/record.pdf");
    }

    /// <summary>The review's themes, and what any stage recorded under a field called "themes".</summary>
    private static List<string> ThemesOf(Review review) =>
        review.Themes.Select(t => t.Name)
            .Concat(ReviewWorkflowService.LatestRecords(review).Values
                .Select(r => ReviewWorkflowService.AnswersOf(r).Text("themes")).OfType<string>())
            .Distinct(StringComparer.Ordinal).ToList();

    private static bool Matches(ExportRow row, ExportFilter filter) =>
        (string.IsNullOrEmpty(filter.Methodology) || row.MethodologyKey == filter.Methodology)
        && filter.EffectiveStatus switch { "final" => row.IsFinal, "draft" => !row.IsFinal, _ => true }
        && (filter.From is not { } from || row.Date >= from)
        && (filter.To is not { } to || row.Date <= to)
        && (string.IsNullOrWhiteSpace(filter.Theme) || row.Themes.Any(t => t.Contains(filter.Theme.Trim(), StringComparison.OrdinalIgnoreCase)));
}

public sealed record ExportsPage(ExportFilter Filter, IReadOnlyList<ExportRow> Rows);
