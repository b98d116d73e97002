using LearningReviews.Domain.Workflows;
using LearningReviews.Web.Features.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace LearningReviews.UnitTests.Workflows;

/// <summary>
/// An action's person responsible is chosen from the accounts, or typed as a name for someone without
/// an account: one or the other, never both, as the form reader reads them.
/// </summary>
public sealed class ActionOwnerReadingTests
{
    private static readonly StageDefinition Circle =
        Assert.Single(WorkflowDefinitionLoader.LoadBuiltIn(), d => d.Key == "locality-learning-circle").FindStage("circle")!;

    [Fact]
    public void An_owner_chosen_from_the_accounts_is_kept_by_id_with_no_typed_name()
    {
        var (action, modelState) = ReadOne(ownerUser: "u-priya", owner: "");
        Assert.True(modelState.IsValid);
        Assert.Equal("u-priya", action.OwnerUserId);
        Assert.Null(action.Owner);
    }

    [Fact]
    public void Someone_without_an_account_is_typed_as_a_name()
    {
        var (action, modelState) = ReadOne(ownerUser: "", owner: "  Jo Bell, school nurse ");
        Assert.True(modelState.IsValid);
        Assert.Null(action.OwnerUserId);
        Assert.Equal("Jo Bell, school nurse", action.Owner);
    }

    [Fact]
    public void Choosing_a_person_and_typing_a_name_for_one_action_is_refused_under_the_field()
    {
        var (_, modelState) = ReadOne(ownerUser: "u-priya", owner: "Jo Bell");
        Assert.Equal(["Action 1: choose the person responsible or type the name of someone without an account, not both"],
            modelState["f.actions"]!.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void A_posted_owner_that_cannot_be_an_account_id_is_refused_and_not_kept()
    {
        var (action, modelState) = ReadOne(ownerUser: new string('x', 5000), owner: "");
        Assert.Null(action.OwnerUserId);
        Assert.Equal(["Choose the person responsible for action 1 from the list"], modelState["f.actions"]!.Errors.Select(e => e.ErrorMessage));
    }

    private static (ActionInput Action, ModelStateDictionary ModelState) ReadOne(string ownerUser, string owner)
    {
        var form = new FormCollection(new Dictionary<string, StringValues>(StringComparer.Ordinal)
        {
            ["act[0].id"] = "", ["act[0].what"] = "Ask the school for its transfer records",
            ["act[0].ownerUser"] = ownerUser, ["act[0].owner"] = owner,
            ["act[0].due.day"] = "", ["act[0].due.month"] = "", ["act[0].due.year"] = "", ["act[0].impact"] = "",
        });
        var modelState = new ModelStateDictionary();
        var submission = StageFormReader.Read(Circle, form, modelState, new DateOnly(2026, 6, 10));
        return (Assert.Single(submission.Actions), modelState);
    }
}
