using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace LearningReviews.Web.Infrastructure;

/// <summary>
/// The NUL character has no place in anything typed into a form, and PostgreSQL refuses to store it
/// (the save would end in an error page). It is removed from posted form values before anything reads
/// them; an address with one in it is answered 400, as no page of the service has such an address.
/// </summary>
public sealed class NulCharacterFilter(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true
            || request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true
            || request.Query.Any(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // A body that is not a form as it claims, or beyond the form limits: nothing can be read from it.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            if (form.Any(f => f.Key.Contains('\0', StringComparison.Ordinal) || f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
            {
                var cleaned = form.ToDictionary(
                    f => f.Key.Replace("\0", "", StringComparison.Ordinal),
                    f => new StringValues(f.Value.Select(v => v?.Replace("\0", "", StringComparison.Ordinal)).ToArray()),
                    StringComparer.OrdinalIgnoreCase);
                context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(cleaned, form.Files)));
            }
        }
        await next(context);
    }
}
