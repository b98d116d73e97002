using LearningReviews.Domain.Files;
using LearningReviews.Domain.Reviews;
using LearningReviews.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Files;

/// <summary>One row of a review's list of documents: only what the list shows.</summary>
public sealed record FileRow(Guid Id, DocumentKind Kind, string Title, string DisplayName, long Length, string UploadedByName, DateTime UploadedAt, Guid? CaseId, int Circulated);

/// <summary>A review's documents (a page of them), and the upload form for those who may upload.</summary>
public sealed record FilesPage(Review Review, string Title, IReadOnlyList<FileRow> Files, int Page, int PageCount, bool MayManage,
    UploadFileForm Form, IEnumerable<SelectListItem> CaseChoices, FilesOptions Options)
{
    public string? CaseLabel(Guid? caseId) => FileText.CaseLabel(Review, caseId);
}

/// <summary>One document: its details, the download, who it was circulated to, and the circulation form.</summary>
public sealed record FilePage(Review Review, string Title, ReviewFile File, bool MayManage, PeopleChoices People, IReadOnlyList<string> Chosen)
{
    public string? CaseLabel => FileText.CaseLabel(Review, File.CaseId);
}

public static class FileText
{
    public static string? CaseLabel(Review review, Guid? caseId)
    {
        ArgumentNullException.ThrowIfNull(review);
        return caseId is null ? null : review.Cases.FirstOrDefault(c => c.CaseId == caseId)?.Case?.Label;
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}
