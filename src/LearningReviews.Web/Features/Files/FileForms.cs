using FluentValidation;
using LearningReviews.Domain.Files;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Files;

/// <summary>The upload form. The file itself is checked by the controller, which knows the size limit and reads its bytes.</summary>
public sealed class UploadFileForm
{
    public string? Kind { get; set; }
    public string? Title { get; set; }

    /// <summary>In a review of several families, the family the document belongs to; empty for the whole review.</summary>
    public string? CaseId { get; set; }

    public IFormFile? File { get; set; }

    public DocumentKind? ParsedKind() => Enum.TryParse<DocumentKind>(Kind, out var kind) && Enum.IsDefined(kind) ? kind : null;

    public static IEnumerable<SelectListItem> KindChoices() =>
        Enum.GetValues<DocumentKind>().Select(k => new SelectListItem(DocumentKindNames.Of(k), k.ToString()));
}

public sealed class UploadFileFormValidator : AbstractValidator<UploadFileForm>
{
    public const int TitleMaxLength = 200;

    public UploadFileFormValidator()
    {
        RuleFor(f => f.Kind).Must(k => Enum.TryParse<DocumentKind>(k, out var kind) && Enum.IsDefined(kind))
            .WithMessage("Select what kind of document this is");
        RuleFor(f => f.Title).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter a title for the document")
            .MaximumLength(TitleMaxLength).WithMessage($"The title must be {TitleMaxLength} characters or fewer");
    }
}

/// <summary>Who to circulate a document to: ids of the review's participants.</summary>
public sealed class CirculateFileForm
{
    public List<string> People { get; set; } = [];
}

/// <summary>The kinds of document as people say them.</summary>
public static class DocumentKindNames
{
    public static string Of(DocumentKind kind) => kind switch
    {
        DocumentKind.Summary => "Summary",
        DocumentKind.Chronology => "Chronology",
        DocumentKind.Agenda => "Agenda",
        DocumentKind.Briefing => "Briefing",
        DocumentKind.TermsOfReference => "Terms of reference",
        DocumentKind.Report => "Report",
        _ => "Other",
    };
}
