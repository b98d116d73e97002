using FluentValidation;
using LearningReviews.Domain.Workflows;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>What a manager fills in to start a review of a child's (or several families') case.</summary>
public sealed class StartReviewForm
{
    public string? CaseLabel { get; set; }

    /// <summary>For reviews of several families: the other labels, one per line.</summary>
    public string? OtherCaseLabels { get; set; }
    public string? LocalityId { get; set; }
    public string? CaseRecordNumber { get; set; }
    public string? Reason { get; set; }
    public string? ReasonDetail { get; set; }

    /// <summary>The review whose decision starts this one, if any (posted back as a hidden field).</summary>
    public Guid? LinkedFromReviewId { get; set; }
    public string? LinkedFromReference { get; set; }

    public WorkflowDefinition? Definition { get; set; }
    public IEnumerable<SelectListItem> LocalityChoices { get; set; } = [];
    public IEnumerable<SelectListItem> ReasonChoices { get; set; } = [];

    public IReadOnlyList<string> AllCaseLabels =>
        new[] { CaseLabel }.Concat((OtherCaseLabels ?? "").Split('\n'))
            .Select(l => l?.Trim()).Where(l => !string.IsNullOrEmpty(l)).Select(l => l!).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>Validates a start form against the methodology it starts (its reasons, whether it takes several families).</summary>
public sealed class StartReviewFormValidator : AbstractValidator<StartReviewForm>
{
    public const int DetailMaxLength = 4000;

    public StartReviewFormValidator()
    {
        // One message per field (GOV.UK): a rule stops at its first failure, so an empty answer is not also "not in the list".
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.CaseLabel).NotEmpty()
            .WithMessage(f => f.Definition?.Subject is { } subject ? $"Enter the {subject.Label.ToLowerInvariant()}" : "Enter a label for the child, like Child A")
            .MaximumLength(100).WithMessage("The label must be 100 characters or fewer")
            // Only labels for children are meant to be pseudonyms; a theme such as "Domestic Abuse" is not a name.
            .Must(label => !LooksLikeAFullName(label))
            .WithMessage("Use a label such as Child A, not the child's name")
            .When(f => f.Definition?.Subject is null, ApplyConditionTo.CurrentValidator);
        RuleFor(f => f.OtherCaseLabels)
            .Must(labels => (labels ?? "").Split('\n').All(l => !LooksLikeAFullName(l.Trim()) && l.Trim().Length <= 100))
            .WithMessage("Use labels such as Family B, not names, each 100 characters or fewer")
            .Must((form, _) => form.AllCaseLabels.Count >= form.Definition!.MinimumCases)
            .WithMessage(form => $"Enter at least {form.Definition!.MinimumCases - 1} more label, one per line: this kind of review covers several families")
            .When(f => f.Definition is { MinimumCases: > 1 } && !string.IsNullOrWhiteSpace(f.CaseLabel), ApplyConditionTo.CurrentValidator);
        RuleFor(f => f.LocalityId).NotEmpty().WithMessage("Select the child's locality")
            .Must(id => Guid.TryParse(id, out _)).WithMessage("Select a locality from the list");
        RuleFor(f => f.CaseRecordNumber).MaximumLength(50).WithMessage("The case record number must be 50 characters or fewer");
        When(f => f.Definition is { Reasons.Count: > 0 }, () =>
            RuleFor(f => f.Reason).NotEmpty().WithMessage("Select why this case is being proposed")
                .Must((form, key) => form.Definition!.FindReason(key) is not null).WithMessage("Select a reason from the list"));
        RuleFor(f => f.ReasonDetail).NotEmpty().WithMessage("Enter what happened and what learning you hope for")
            .MaximumLength(DetailMaxLength).WithMessage($"The detail must be {DetailMaxLength} characters or fewer");
    }

    /// <summary>
    /// A gentle guard against names: labels are meant to be pseudonyms such as "Child A" or "Sibling 2".
    /// Two or more capitalised words where none is a usual label word suggests a real name.
    /// </summary>
    internal static bool LooksLikeAFullName(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return false;
        string[] labelWords = ["child", "children", "young", "person", "sibling", "baby", "family", "infant", "mother", "father", "unborn"];
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2
               && words.All(w => w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower))
               && !words.Any(w => labelWords.Contains(w.ToLowerInvariant()));
    }
}
