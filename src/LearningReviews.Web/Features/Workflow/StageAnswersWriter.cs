using System.Globalization;
using System.Text.Json;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>
/// Saves a stage form: the answers on the stage record, learning points and actions as records of
/// their own, and the people chosen in person fields as participants in the field's review role.
/// Learning point and action changes are audited one by one (which record, which review; never the text), and
/// each action made or changed here gets a row in its own history, as status changes on its page do.
/// </summary>
public sealed class StageAnswersWriter(LearningReviewsDbContext db, AuditLog audit, WorkflowCatalogue catalogue, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The actions this save made or changed, and what to say in their history (written once, at the end).</summary>
    private readonly List<(ReviewAction Action, ActionStatus? From, string Note)> history = [];

    public async Task SaveAsync(Review review, StageDefinition stage, ReviewStageRecord record, StageSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(submission);
        var before = ReviewWorkflowService.AnswersOf(record);
        // A meeting's date is not on the form (it is read from the booking): whatever an older version of the
        // form saved there is kept as it was, not cleared.
        foreach (var field in stage.Fields.Where(f => f.Meeting is not null && before.Values[f.Key] is not null))
            submission.Answers[field.Key] = before.Values[field.Key]!.DeepClone();
        // The managed theme list is small: read once for the stage's theme tags (Features/Themes).
        var themeList = stage.Fields.Any(f => f.Kind is FieldKind.Themes or FieldKind.LearningPoints or FieldKind.Actions)
            ? await db.Themes.ToListAsync()
            : [];
        foreach (var field in stage.Fields.Where(f => f.Kind == FieldKind.Themes))
        {
            var ticked = submission.Answers[field.Key]?.AsArray().Select(n => Guid.TryParse(n?.GetValue<string>(), out var id) ? id : Guid.Empty) ?? [];
            var chosen = Themes.ThemeTagging.TagReview(review, ticked, themeList, audit);
            // The answer keeps the names as saved, so check your answers, the Outcomes Form and the PDFs read them.
            submission.Answers[field.Key] = new System.Text.Json.Nodes.JsonArray(chosen.OrderBy(t => t.Position).ThenBy(t => t.Name)
                .Select(t => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(t.Name)).ToArray());
        }
        record.AnswersJson = submission.Answers.ToJsonString();
        record.ChecklistJson = JsonSerializer.Serialize(submission.Ticked);
        if (record.Status == StageStatus.NotStarted) record.Status = StageStatus.InProgress;

        if (stage.Fields.Any(f => f.Kind == FieldKind.LearningPoints)) SyncLearningPoints(review, submission.LearningPoints, themeList);
        if (stage.Fields.Any(f => f.Kind == FieldKind.Actions)) await SyncActionsAsync(review, stage, submission.Actions, themeList);
        foreach (var field in stage.Fields.Where(f => f.Kind is FieldKind.Person or FieldKind.People && f.ReviewRole is not null))
        {
            var chosen = ChosenIn(submission.Answers, field);
            var chosenBefore = ChosenIn(before.Values, field);
            await SyncParticipantsAsync(review, Enum.Parse<ReviewRole>(field.ReviewRole!), chosenBefore, chosen);
        }
        SyncExtractedActions(review, stage);
        await WriteHistoryAsync();
    }

    /// <summary>
    /// One history row per action this save made or changed, stamped with the person saving (their display name is
    /// read once, only when there is something to write) and the time.
    /// </summary>
    private async Task WriteHistoryAsync()
    {
        if (history.Count == 0) return;
        var userId = currentUser.UserId;
        var name = userId is null
            ? "System"
            : await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? currentUser.UserName ?? "Unknown";
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var (action, from, note) in history)
        {
            // Added explicitly: a new row with its key already set, found only through the navigation, would be taken for an update.
            db.ActionHistory.Add(new ActionHistory { ActionId = action.Id, At = at, ByUserId = userId, ByName = name, FromStatus = from, ToStatus = action.Status, Note = note });
        }
        history.Clear();
    }

    /// <summary>Key findings, learning day findings and changes to the plan become actions of the action plan (see ActionExtraction).</summary>
    private void SyncExtractedActions(Review review, StageDefinition stage)
    {
        if (catalogue.Find(review.MethodologyKey, review.DefinitionVersion) is not { } definition) return;
        foreach (var (action, change) in ActionPlans.ActionExtraction.Sync(review, definition))
        {
            if (change == AuditActions.Created) db.Actions.Add(action);
            if (change == AuditActions.Deleted) db.Actions.Remove(action);
            audit.Add(change, nameof(ReviewAction), action.Id.ToString(), review.Id, $"{ActionRules.Name(action.Source)} {change.ToLowerInvariant()} in the action plan");
            if (change == AuditActions.Created) history.Add((action, null, $"Made on the {stage.Title} form ({ActionRules.Name(action.Source)})"));
            else if (change == AuditActions.Updated) history.Add((action, action.Status, $"Changed on the {stage.Title} form ({ActionRules.Name(action.Source)})"));
        }
    }

    private void SyncLearningPoints(Review review, List<LearningPointInput> inputs, List<Theme> themeList)
    {
        var keep = inputs.Where(i => i.Id is not null).Select(i => i.Id).ToHashSet();
        foreach (var removed in review.LearningPoints.Where(p => !keep.Contains(p.Id)).ToList())
        {
            review.LearningPoints.Remove(removed);
            db.LearningPoints.Remove(removed);
            audit.Add(AuditActions.Deleted, nameof(LearningPoint), removed.Id.ToString(), review.Id, "Learning point removed");
        }
        for (var position = 0; position < inputs.Count; position++)
        {
            var input = inputs[position];
            var existing = review.LearningPoints.FirstOrDefault(p => p.Id == input.Id);
            if (existing is null)
            {
                var point = new LearningPoint { ReviewId = review.Id, Text = input.Text, Position = position + 1 };
                review.LearningPoints.Add(point);
                db.LearningPoints.Add(point);
                audit.Add(AuditActions.Created, nameof(LearningPoint), point.Id.ToString(), review.Id, "Learning point added");
                Themes.ThemeTagging.Set(point.Themes, Themes.ThemeTagging.Allowed(input.Themes ?? [], themeList, point.Themes));
            }
            else
            {
                if (existing.Text != input.Text)
                    audit.Add(AuditActions.Updated, nameof(LearningPoint), existing.Id.ToString(), review.Id, "Learning point changed");
                existing.Text = input.Text;
                existing.Position = position + 1;
                if (Themes.ThemeTagging.Set(existing.Themes, Themes.ThemeTagging.Allowed(input.Themes ?? [], themeList, existing.Themes)))
                    audit.Add(AuditActions.Updated, nameof(LearningPoint), existing.Id.ToString(), review.Id, "Learning point's themes changed");
            }
        }
    }

    private async Task SyncActionsAsync(Review review, StageDefinition stage, List<ActionInput> inputs, List<Theme> themeList)
    {
        // An owner chosen from the accounts is kept by id and by name, so every list that shows owners reads the same.
        var ownerIds = inputs.Select(i => i.OwnerUserId).OfType<string>().Distinct().ToList();
        var ownerNames = ownerIds.Count == 0 ? new Dictionary<string, string>() : await db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var keep = inputs.Where(i => i.Id is not null).Select(i => i.Id).ToHashSet();
        // Only actions typed on a form: those made from findings or the plan change with their source (ActionExtraction).
        foreach (var removed in review.Actions.Where(a => a.IsTypedOnForm && !keep.Contains(a.Id)).ToList())
        {
            review.Actions.Remove(removed);
            db.Actions.Remove(removed);
            audit.Add(AuditActions.Deleted, nameof(ReviewAction), removed.Id.ToString(), review.Id, "Action removed");
        }
        foreach (var input in inputs)
        {
            var ownerUserId = input.OwnerUserId is { } chosen && ownerNames.ContainsKey(chosen) ? chosen : null;
            var ownerName = ownerUserId is null ? input.Owner : ownerNames[ownerUserId];
            var action = review.Actions.FirstOrDefault(a => a.Id == input.Id && a.IsTypedOnForm);
            if (action is null)
            {
                action = new ReviewAction
                {
                    ReviewId = review.Id, What = input.What, Source = ActionRules.SourceOfActionsField(review.MethodologyKey), SourceStageKey = stage.Key,
                };
                review.Actions.Add(action);
                db.Actions.Add(action);
                audit.Add(AuditActions.Created, nameof(ReviewAction), action.Id.ToString(), review.Id, "Action added");
                history.Add((action, null, $"Agreed on the {stage.Title} form"));
            }
            else if (action.What != input.What || action.OwnerName != ownerName || action.OwnerUserId != ownerUserId || action.ImpactMeasure != input.Impact
                     || action.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) != input.Due
                     || action.LearningPointId != (review.LearningPoints.Any(p => p.Id == input.Finding) ? input.Finding : null))
            {
                audit.Add(AuditActions.Updated, nameof(ReviewAction), action.Id.ToString(), review.Id, "Action changed");
                history.Add((action, action.Status, $"Changed on the {stage.Title} form"));
            }
            action.What = input.What;
            action.OwnerName = ownerName;
            action.OwnerUserId = ownerUserId;
            action.ImpactMeasure = input.Impact;
            // A recommendation may answer one finding; only this review's learning points can be chosen.
            action.LearningPointId = review.LearningPoints.Any(p => p.Id == input.Finding) ? input.Finding : null;
            if (Themes.ThemeTagging.Set(action.Themes, Themes.ThemeTagging.Allowed(input.Themes ?? [], themeList, action.Themes)) && action.CreatedAt != default)
                audit.Add(AuditActions.Updated, nameof(ReviewAction), action.Id.ToString(), review.Id, "Action's themes changed");
            action.DueDate = DateOnly.TryParseExact(input.Due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null;
        }
    }

    private static List<string> ChosenIn(System.Text.Json.Nodes.JsonObject answers, FieldDefinition field) =>
        field.Kind == FieldKind.People
            ? answers[field.Key]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? []
            : answers[field.Key] is { } one ? [one.GetValue<string>()] : [];

    /// <summary>
    /// Internal users chosen in the field become participants in its role. Only those this field chose
    /// before and no longer chooses leave that role: people added on the participants page stay.
    /// </summary>
    private async Task SyncParticipantsAsync(Review review, ReviewRole role, IReadOnlyCollection<string> chosenBefore, IReadOnlyCollection<string> userIds)
    {
        foreach (var leaving in review.Participants.Where(p => p.Role == role && p.UserId is not null
                     && chosenBefore.Contains(p.UserId) && !userIds.Contains(p.UserId)).ToList())
        {
            review.Participants.Remove(leaving);
            db.Participants.Remove(leaving);
            // People leave through a stage field as they do on the participants page: the audit log says so alike.
            audit.Add(AuditActions.Deleted, nameof(Participant), leaving.Id.ToString(), review.Id, $"Removed from {role} (stage field)");
        }
        var present = review.Participants.Where(p => p.Role == role).Select(p => p.UserId).ToHashSet();
        var joining = userIds.Where(id => !present.Contains(id)).ToList();
        if (joining.Count == 0) return;
        var users = await db.Users.Where(u => joining.Contains(u.Id) && u.IsActive).ToListAsync();
        foreach (ApplicationUser user in users)
        {
            var participant = new Participant { ReviewId = review.Id, UserId = user.Id, Name = user.DisplayName, Email = user.Email, AgencyId = user.AgencyId, Role = role };
            review.Participants.Add(participant);
            db.Participants.Add(participant);
            audit.Add(AuditActions.Created, nameof(Participant), participant.Id.ToString(), review.Id, $"Added as {role} (stage field)");
        }
    }
}
