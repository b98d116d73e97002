using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>
/// Refuses, when the stage is saved, a facilitator who is not independent (FacilitatorIndependence):
/// the person who requested the review, or one of the professionals involved as chosen on the same
/// form or already in the review. The stage's FacilitatorIndependent gate holds the same rule for moving on.
/// </summary>
public static class FacilitatorIndependenceCheck
{
    public static void Check(StageDefinition stage, Review review, StageSubmission submission, IReadOnlyDictionary<string, PickerAccount> accounts, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(modelState);
        var gate = stage.Gates.FirstOrDefault(g => g.Kind == GateKind.FacilitatorIndependent);
        var field = stage.Fields.FirstOrDefault(f => f.Kind == FieldKind.Person && f.ReviewRole == nameof(ReviewRole.Facilitator));
        if (gate?.Role is null || field is null) return;
        if (submission.Answers[field.Key]?.GetValue<string>() is not { Length: > 0 } facilitatorId) return;

        // The professionals involved as this form will leave them: chosen in its fields of that role,
        // plus those added on the participants page (the ones the form chose before and no longer chooses leave).
        var roleFields = stage.Fields.Where(f => f.Kind is FieldKind.People or FieldKind.Person && f.ReviewRole == gate.Role).ToList();
        var chosenNow = roleFields.SelectMany(f => Chosen(submission.Answers, f)).ToHashSet(StringComparer.Ordinal);
        var involved = review.Participants.Where(p => p.Role.ToString() == gate.Role && (p.UserId is null || roleFields.Count == 0
                                                                                        || chosenNow.Contains(p.UserId) || !ChosenBefore(review, stage, roleFields).Contains(p.UserId)))
            .Select(Facts).Concat(chosenNow.Select(id => Facts(id, accounts))).ToList();
        var requesters = review.Participants.Where(p => p.Role == ReviewRole.Proposer).Select(Facts).ToList();
        if (review.CreatedBy is { } creator) requesters.Add(Facts(creator, accounts));

        var facilitator = Facts(facilitatorId, accounts);
        if (FacilitatorIndependence.Refusal(facilitator, requesters, involved) is { } refusal)
            modelState.AddModelError("f." + field.Key, refusal);
    }

    private static IEnumerable<string> Chosen(System.Text.Json.Nodes.JsonObject answers, FieldDefinition field) =>
        field.Kind == FieldKind.People
            ? answers[field.Key]?.AsArray().Select(n => n?.GetValue<string>()).OfType<string>() ?? []
            : answers[field.Key]?.GetValue<string>() is { } one ? [one] : [];

    private static HashSet<string> ChosenBefore(Review review, StageDefinition stage, IEnumerable<FieldDefinition> fields)
    {
        var record = ReviewWorkflowService.LatestRecords(review).GetValueOrDefault(stage.Key);
        if (record is null) return [];
        var before = ReviewWorkflowService.AnswersOf(record).Values;
        return fields.SelectMany(f => Chosen(before, f)).ToHashSet(StringComparer.Ordinal);
    }

    private static ParticipantFacts Facts(Participant p) => new(p.Role.ToString(), p.UserId, p.Name, p.Email, p.Agency?.Name);

    private static ParticipantFacts Facts(string userId, IReadOnlyDictionary<string, PickerAccount> accounts) =>
        new("", userId, accounts.GetValueOrDefault(userId)?.Name ?? "this person", null, null);
}
