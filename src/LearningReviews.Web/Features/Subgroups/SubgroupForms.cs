using FluentValidation;
using LearningReviews.Domain.Subgroups;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Subgroups;

/// <summary>The fields of the add-a-subgroup and change-a-subgroup pages.</summary>
public sealed class SubgroupForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }

    /// <summary>On the change page: the version of the subgroup the form was read from, so a stale save is refused.</summary>
    public Guid? ConcurrencyToken { get; set; }
}

public sealed class SubgroupFormValidator : AbstractValidator<SubgroupForm>
{
    public SubgroupFormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the subgroup's name")
            .MaximumLength(Subgroup.NameLength).WithMessage($"The name must be {Subgroup.NameLength} characters or fewer");
        RuleFor(f => f.Description).MaximumLength(Subgroup.DescriptionLength).WithMessage($"The description must be {Subgroup.DescriptionLength:N0} characters or fewer");
    }
}

/// <summary>Adding someone to a subgroup: the account, whether they chair it, and the version of the subgroup the page showed.</summary>
public sealed class SubgroupMemberForm
{
    public string? UserId { get; set; }
    public bool IsChair { get; set; }
    public Guid? ConcurrencyToken { get; set; }
}

/// <summary>One subgroup on the list page: its chairs, how many members, and how many reviews' plans it owns.</summary>
public sealed record SubgroupRow(Guid Id, string Name, string? Description, bool IsRetired, int Members, IReadOnlyList<string> Chairs, int Plans);

/// <summary>One member on the change page.</summary>
public sealed record SubgroupMemberRow(string UserId, string Name, string Email, bool IsChair, bool IsActive);

/// <summary>The change page: the subgroup's own fields, its members, and the add-a-member form (with what was typed, when refused).</summary>
public sealed record SubgroupEditPage(Subgroup Subgroup, SubgroupForm Form, IReadOnlyList<SubgroupMemberRow> Members,
    IReadOnlyList<SelectListItem> People, SubgroupMemberForm AddMember);
