using LearningReviews.Domain.Access;
using LearningReviews.Domain.Chronology;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LearningReviews.Web.Infrastructure.Authorization;

/// <summary>
/// Decides every named operation on a review, from the rules in ReviewAccessPolicy. Seeing follows the
/// newest definition of the methodology (oversight may widen in a later version); acting follows the
/// version the review runs on, since that is whose stages it goes through.
/// </summary>
public sealed class ReviewAuthorizationHandler(WorkflowCatalogue catalogue)
    : AuthorizationHandler<OperationAuthorizationRequirement, Review>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Review resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        if (context.User.Identity?.IsAuthenticated != true) return Task.CompletedTask;
        if (Allows(UserContextFactory.From(context.User), resource, requirement.Name)) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private bool Allows(UserContext user, Review review, string operation)
    {
        var newest = catalogue.Newest(review.MethodologyKey);
        if (!ReviewAccessPolicy.MaySee(user, review, newest)) return false;
        if (operation == nameof(ReviewOperations.EnterChronology)) return ChronologyAccess.MayEnter(user, review, newest);
        if (operation == nameof(ReviewOperations.CompileChronology)) return ChronologyAccess.MaySeeAll(user, review, newest);
        var definition = catalogue.Find(review.MethodologyKey, review.DefinitionVersion);
        if (definition is null) return operation is nameof(ReviewOperations.View) or nameof(ReviewOperations.Export);
        return operation switch
        {
            nameof(ReviewOperations.View) or nameof(ReviewOperations.Export) => true,
            nameof(ReviewOperations.EditStage) or nameof(ReviewOperations.Move) => ReviewAccessPolicy.MayActNow(user, review, definition),
            nameof(ReviewOperations.ManagePeople) => ReviewAccessPolicy.MayManagePeople(user, review, definition),
            // Meetings are arranged by whoever arranges the people at the current stage (000: the team manager books the circle).
            nameof(ReviewOperations.ManageMeetings) => ReviewAccessPolicy.MayManagePeople(user, review, definition),
            nameof(ReviewOperations.Comment) => ReviewAccessPolicy.MayComment(user, review, definition),
            nameof(ReviewOperations.ManageOutcomesForm) => ReviewAccessPolicy.MayManageOutcomesForm(user, review, definition),
            nameof(ReviewOperations.ManageFiles) => ReviewAccessPolicy.MayManageFiles(user, review, definition),
            nameof(ReviewOperations.SendInformationRequests) => Domain.InformationRequests.InformationRequestAccess.MaySend(user, review, newest),
            nameof(ReviewOperations.ManagePublication) => Domain.Publication.PublicationAccess.MayManage(user, review, definition, newest),
            nameof(ReviewOperations.RecordNationalPanelResponse) => Domain.RapidReviews.RapidReviewAccess.MayRecordPanelResponse(user, review, newest),
            _ => false,
        };
    }
}
