using LearningReviews.Domain.InformationRequests;
using LearningReviews.Domain.Reviews;
using LearningReviews.Web.Infrastructure.Authorization;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LearningReviews.Web.Features.InformationRequests;

/// <summary>One request together with its review: what AnswerInformationRequest is decided on.</summary>
public sealed record InformationRequestResource(Review Review, InformationRequest Request);

/// <summary>Decides AnswerInformationRequest from InformationRequestAccess.MayAnswer (the asked agency's representative).</summary>
public sealed class InformationRequestAuthorizationHandler
    : AuthorizationHandler<OperationAuthorizationRequirement, InformationRequestResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        InformationRequestResource resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        if (context.User.Identity?.IsAuthenticated == true && requirement.Name == ReviewOperations.AnswerInformationRequest.Name
            && InformationRequestAccess.MayAnswer(UserContextFactory.From(context.User), resource.Review, resource.Request))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
