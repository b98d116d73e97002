using FluentValidation;
using LearningReviews.Domain.Reviews;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Participants;

/// <summary>
/// Adds one person to a review in one review role: either someone with an account (chosen from the
/// list) or someone from outside, known by name, email and agency.
/// </summary>
public sealed class AddParticipantForm
{
    /// <summary>"internal" for someone with an account, "external" for anyone else.</summary>
    public string? Kind { get; set; }
    public string? UserId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? AgencyId { get; set; }
    public string? Role { get; set; }

    /// <summary>In a review of several families, the family the person is involved with; empty for the whole review.</summary>
    public string? CaseId { get; set; }

    /// <summary>The fingerprint of the list the page showed (ParticipantsController.ListToken), sent back in a hidden field.</summary>
    public string? ListToken { get; set; }

    public IEnumerable<SelectListItem> KindChoices { get; set; } =
    [
        new("Someone with an account", "internal"),
        new("Someone from outside (no account)", "external"),
    ];
    public IEnumerable<SelectListItem> UserChoices { get; set; } = [];
    public IEnumerable<SelectListItem> AgencyChoices { get; set; } = [];
    public IEnumerable<SelectListItem> RoleChoices { get; set; } = [];
    public IEnumerable<SelectListItem> CaseChoices { get; set; } = [];

    /// <summary>Roles a person can be added in; the proposer is whoever started the review.</summary>
    public static IReadOnlyList<ReviewRole> AddableRoles { get; } =
        Enum.GetValues<ReviewRole>().Where(r => r != ReviewRole.Proposer).ToList();

    public ReviewRole ParsedRole() => Enum.Parse<ReviewRole>(Role!);
}

public sealed class AddParticipantFormValidator : AbstractValidator<AddParticipantForm>
{
    public AddParticipantFormValidator()
    {
        // One message per field (GOV.UK): a rule stops at its first failure, so an empty answer is not also "not in the list".
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.Kind).NotEmpty().WithMessage("Select whether the person has an account")
            .Must(k => k is "internal" or "external").WithMessage("Select whether the person has an account");
        When(f => f.Kind == "internal", () =>
            RuleFor(f => f.UserId).NotEmpty().WithMessage("Select the person from the list"));
        When(f => f.Kind == "external", () =>
        {
            RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the person's name")
                .MaximumLength(200).WithMessage("The name must be 200 characters or fewer");
            RuleFor(f => f.Email).EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org")
                .MaximumLength(256).WithMessage("The email address must be 256 characters or fewer");
            RuleFor(f => f.AgencyId).Must(id => string.IsNullOrEmpty(id) || Guid.TryParse(id, out _))
                .WithMessage("Select an agency from the list");
        });
        RuleFor(f => f.Role).NotEmpty().WithMessage("Select the person's role in this review")
            .Must(r => Enum.TryParse<ReviewRole>(r, out var role) && AddParticipantForm.AddableRoles.Contains(role))
            .WithMessage("Select a role from the list");
        RuleFor(f => f.CaseId).Must(id => string.IsNullOrEmpty(id) || Guid.TryParse(id, out _))
            .WithMessage("Select a family from the list");
    }
}
