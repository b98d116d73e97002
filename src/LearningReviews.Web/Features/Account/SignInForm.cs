using FluentValidation;

namespace LearningReviews.Web.Features.Account;

public sealed class SignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class SignInFormValidator : AbstractValidator<SignInForm>
{
    public SignInFormValidator()
    {
        // One message per field (GOV.UK): a rule stops at its first failure, so an empty answer is not also "not in the list".
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password");
    }
}
