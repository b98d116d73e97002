using FluentValidation;

namespace LearningReviews.Web.Features.Setup;

public sealed class SetupForm
{
    public string? Token { get; set; }
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class SetupFormValidator : AbstractValidator<SetupForm>
{
    public SetupFormValidator()
    {
        // One message per field (GOV.UK): a rule stops at its first failure, so an empty answer is not also "not in the list".
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.Token).NotEmpty().WithMessage("Enter the setup token shown in the application's console");
        RuleFor(f => f.DisplayName).NotEmpty().WithMessage("Enter your full name")
            .MaximumLength(200).WithMessage("Full name must be 200 characters or fewer");
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter a password");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage("The passwords do not match");
    }
}
