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
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T model, ModelStateDictionary modelState,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(modelState);
        var result = await validator.ValidateAsync(model, cancellationToken);
        foreach (var error in result.Errors)
        {
            // One message per field is enough for the user; the first is the most basic problem.
            if (modelState.TryGetValue(error.PropertyName, out var entry) && entry.Errors.Count > 0) continue;
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
        return modelState.IsValid;
    }
}
