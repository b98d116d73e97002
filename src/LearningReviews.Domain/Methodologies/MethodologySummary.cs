namespace LearningReviews.Domain.Methodologies;

/// <summary>What the proposal pages need to know about a methodology.</summary>
public sealed record MethodologySummary(
    string Key,
    int Version,
    string Name,
    string Description,
    string SourceDocument,
    string FirstStageKey,
    IReadOnlyList<SelectionReason> Reasons,
    IReadOnlyList<string> RolesThatMayPropose)
{
    public SelectionReason? FindReason(string? key) => Reasons.FirstOrDefault(r => r.Key == key);
}
