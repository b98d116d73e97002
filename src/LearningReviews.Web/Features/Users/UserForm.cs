using FluentValidation;
using LearningReviews.Domain.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Users;

/// <summary>The fields of the create-user and edit-user pages.</summary>
public sealed class UserForm
{
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? AgencyId { get; set; }
    public string? LocalityId { get; set; }

    /// <summary>Set on the edit page: the token of the version of the account the form was read from.</summary>
    public string? ConcurrencyStamp { get; set; }

    public IEnumerable<SelectListItem> RoleChoices { get; set; } = [];
    public IEnumerable<SelectListItem> AgencyChoices { get; set; } = [];
    public IEnumerable<SelectListItem> LocalityChoices { get; set; } = [];
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator()
    {
        // One message per field (GOV.UK): a rule stops at its first failure, so an empty answer is not also "not in the list".
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.DisplayName).NotEmpty().WithMessage("Enter the person's full name")
            .MaximumLength(200).WithMessage("Full name must be 200 characters or fewer");
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter the person's email address")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org");
        RuleFor(f => f.Roles).NotEmpty().WithMessage("Select at least one role");
        RuleForEach(f => f.Roles).Must(LearningReviews.Domain.Identity.Roles.Exists).WithMessage("Select roles from the list");
        RuleFor(f => f.AgencyId).Must(BeAGuidOrEmpty).WithMessage("Select an agency from the list");
        RuleFor(f => f.LocalityId).Must(BeAGuidOrEmpty).WithMessage("Select a locality from the list");
    }

    private static bool BeAGuidOrEmpty(string? value) => string.IsNullOrEmpty(value) || Guid.TryParse(value, out _);
}
