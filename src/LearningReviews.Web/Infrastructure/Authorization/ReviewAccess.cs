using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LearningReviews.Web.Infrastructure.Authorization;

/// <summary>
/// How controllers ask IAuthorizationService about a review. Demand() is for doing something (showing
/// case data, saving, moving, downloading): a refusal is written to the audit log. Allows() is for
/// deciding which buttons a page offers, which refuses nothing and so logs nothing.
/// </summary>
public sealed class ReviewAccess(IAuthorizationService authorization, IHttpContextAccessor http, AuditLog audit)
{
    public async Task<bool> Allows(Review review, OperationAuthorizationRequirement operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var user = http.HttpContext?.User ?? throw new InvalidOperationException("There is no signed-in user outside a request.");
        return (await authorization.AuthorizeAsync(user, review, operation)).Succeeded;
    }

    public async Task<bool> Demand(Review review, OperationAuthorizationRequirement operation, string? where = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(operation);
        if (await Allows(review, operation)) return true;
        // The review exists, so the row carries its id and the audit page's review filter finds it.
        await Refuse(review.Id, review.Id, operation.Name, where);
        return false;
    }

    /// <summary>
    /// For an operation decided on something inside a review (an information request): asks about the
    /// resource, and a refusal is audited against the review.
    /// </summary>
    public async Task<bool> Demand(Review review, object resource, OperationAuthorizationRequirement operation, string? where = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(operation);
        var user = http.HttpContext?.User ?? throw new InvalidOperationException("There is no signed-in user outside a request.");
        if ((await authorization.AuthorizeAsync(user, resource, operation)).Succeeded) return true;
        await Refuse(review.Id, review.Id, operation.Name, where);
        return false;
    }

    /// <summary>Logs a refusal for a review id that matches no review (the user is told "not found" either way).</summary>
    public Task RecordRefusalAsync(Guid reviewId, string operation, string? where = null) =>
        // The id goes in EntityId only: the row's ReviewId is kept for reviews that exist.
        Refuse(reviewId, null, operation, where);

    private Task Refuse(Guid asked, Guid? existing, string operation, string? where) =>
        audit.RecordAsync(AuditActions.AccessDenied, nameof(Review), asked.ToString(), reviewId: existing,
            detail: where is null ? $"{operation} refused" : $"{operation} refused: {where}");
}
