using FluentValidation;

namespace LearningReviews.Web.Features.Password;

public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ForgotPasswordForm
{
    public string? Email { get; set; }
}

/// <summary>The page a reset or invitation link opens. The user and token come from the link.</summary>
public sealed class SetPasswordForm
{
    public string? User { get; set; }
    public string? Token { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("Enter your current password")
            .MaximumLength(200).WithMessage("Current password must be 200 characters or fewer");
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("Enter a new password")
            .MaximumLength(200).WithMessage("New password must be 200 characters or fewer");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("The passwords do not match");
    }
}

public sealed class ForgotPasswordFormValidator : AbstractValidator<ForgotPasswordForm>
{
    public ForgotPasswordFormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address")
            .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org");
    }
}

public sealed class SetPasswordFormValidator : AbstractValidator<SetPasswordForm>
{
    public SetPasswordFormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("Enter a new password")
            .MaximumLength(200).WithMessage("New password must be 200 characters or fewer");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("The passwords do not match");
    }
}
