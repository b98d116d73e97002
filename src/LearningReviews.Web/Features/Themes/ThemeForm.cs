using FluentValidation;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Themes;

/// <summary>The fields of the add-a-theme and change-a-theme pages.</summary>
public sealed class ThemeForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }

    /// <summary>On the change page: the version of the theme the form was read from, so a stale save is refused.</summary>
    public Guid? ConcurrencyToken { get; set; }
}

public sealed class ThemeFormValidator : AbstractValidator<ThemeForm>
{
    public ThemeFormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the theme's name")
            .MaximumLength(Theme.NameLength).WithMessage($"The name must be {Theme.NameLength} characters or fewer");
        RuleFor(f => f.Description).MaximumLength(Theme.DescriptionLength).WithMessage($"The description must be {Theme.DescriptionLength:N0} characters or fewer");
    }
}

/// <summary>One theme on the list page, with how much it is used.</summary>
public sealed record ThemeRow(Guid Id, string Name, string? Description, bool IsRetired, int Reviews, int LearningPoints, int Actions);
