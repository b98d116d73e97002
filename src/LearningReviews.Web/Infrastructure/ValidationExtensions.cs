using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningReviews.Web.Infrastructure;

/// <summary>
/// FluentValidation's ASP.NET integration is not in the registry here (and its authors now advise
/// calling validators explicitly), so controllers run the validator and copy errors into ModelState,
/// keyed by property name so the error summary links to the field.
/// </summary>
public static class ValidationExtensions
{
    /// <param name="prefix">The model's name in the page's form (e.g. "Form" for inputs named Form.Name), if any.</param>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T model, ModelStateDictionary modelState,
        string? prefix = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(modelState);
        var result = await validator.ValidateAsync(model, cancellationToken);
        foreach (var error in result.Errors)
        {
            // One message per field is enough for the user; the first is the most basic problem.
            var key = prefix is null ? error.PropertyName : prefix + "." + error.PropertyName;
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            modelState.AddModelError(key, error.ErrorMessage);
        }
        return modelState.IsValid;
    }
}
