using LearningReviews.Domain.Identity;

namespace LearningReviews.Domain.Methodologies;

/// <summary>
/// The methodologies known to this build. Wording comes from the source documents
/// (shared/seeds/000 for the Locality Learning Circle).
/// </summary>
public sealed class BuiltInMethodologies : IMethodologyCatalogue
{
    public static readonly MethodologySummary LocalityLearningCircle = new(
        Key: MethodologyKeys.LocalityLearningCircle,
        Version: 1,
        Name: "Locality Learning Circle",
        Description: "A locality learning circle is an opportunity to test the quality of our work with a child and their family and to draw out key learning.",
        SourceDocument: "000_f8b123e140bf55d2.txt",
        FirstStageKey: "proposal",
        Reasons:
        [
            new("audit-outcome", "An outstanding or inadequate audit outcome"),
            new("escalation-of-risk", "Escalation of risk to the child and family members"),
            new("exceptions-reporting", "Manager identification through exceptions reporting / dashboard scrutiny"),
            new("turning-point", "A turning point or event in the child's story"),
        ],
        RolesThatMayPropose: [Roles.HeadOfLocality, Roles.ServiceManager, Roles.TeamManager]);

    public IReadOnlyList<MethodologySummary> All { get; } = [LocalityLearningCircle];

    public MethodologySummary? Find(string key) => All.FirstOrDefault(m => m.Key == key);
}
