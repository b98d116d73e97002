using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Identity;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Documents;
using LearningReviews.Web.Features.Exports;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningReviews.Web.Features.AnnualReport;

/// <summary>
/// The annual report for a chosen period: reviews by methodology and outcome, timeliness, themes, actions and their
/// evidenced impact, dissemination and family involvement (AnnualReportFigures), over the reviews the reader may
/// see; as a page and as PDF, CSV and XLSX downloads. The roles that have the exports page run it; every view and
/// every download is audited. Nothing changes, so everything is GET.
/// </summary>
[Route("annual-report")]
[Authorize(Roles = Roles.BusinessManager + "," + Roles.SubgroupMember + "," + Roles.QaTeamManager)]
public sealed class AnnualReportController(
    ReviewQueries queries,
    AnnualReportFigures figures,
    AnnualReportExports exports,
    PdfDocumentRenderer renderer,
    UserContextFactory users,
    PartnershipTime time,
    AuditLog audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken = default)
    {
        var today = time.Today;
        var (period, from, to) = AnnualReportPeriod.Read(Request.Query, ModelState, today);
        if (period is null)
        {
            await audit.RecordViewAsync("AnnualReport", null, null, "Annual report, period not valid", cancellationToken);
            return View(new AnnualReportPage(from, to, null));
        }
        var report = await figures.CountAsync(queries.VisibleTo(users.Current()), period, today, cancellationToken);
        await audit.RecordViewAsync("AnnualReport", null, null, $"Annual report, {period.Key}", cancellationToken);
        return View(new AnnualReportPage(from, to, report));
    }

    /// <summary>The report as a file: <c>pdf</c>, <c>csv</c> or <c>xlsx</c>. A period that is not valid goes back to the page, which says why.</summary>
    [HttpGet("download/{format}")]
    public async Task<IActionResult> Download(string format, CancellationToken cancellationToken = default)
    {
        if (format is not ("pdf" or "csv" or "xlsx")) return NotFound();
        var today = time.Today;
        var (period, _, _) = AnnualReportPeriod.Read(Request.Query, ModelState, today);
        if (period is null) return Redirect("/annual-report" + Request.QueryString);
        var report = await figures.CountAsync(queries.VisibleTo(users.Current()), period, today, cancellationToken);
        await audit.RecordAsync(AuditActions.Exported, "AnnualReport", null, null, $"Annual report, {period.Key}, as {format.ToUpperInvariant()}", cancellationToken);
        var name = $"annual-report-{period.Key}.{format}";
        return format switch
        {
            "pdf" => File(renderer.Render(exports.Pdf(report, User.FindFirst(LearningReviewsClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? "Learning Reviews")),
                "application/pdf", name),
            "csv" => File(AnnualReportExports.Csv(report), "text/csv", name),
            _ => File(AnnualReportExports.Workbook(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name),
        };
    }
}

/// <summary>
/// The page: the period's date boxes as typed (named as the boxes are, so the error summary lists their errors in the
/// page's order), and the report when the period is valid.
/// </summary>
public sealed record AnnualReportPage(ExportDateFilter From, ExportDateFilter To, AnnualReportResult? Report);
