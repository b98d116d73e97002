namespace LearningReviews.Domain.Workflows;

/// <summary>
/// The methodologies the service offers: every version of every definition, loaded and checked once
/// at startup. New reviews use the newest version; a review keeps the version it started with.
/// </summary>
public sealed class WorkflowCatalogue
{
    private readonly Dictionary<(string Key, int Version), WorkflowDefinition> _all;

    public WorkflowCatalogue(IEnumerable<WorkflowDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        _all = definitions.ToDictionary(d => (d.Key, d.Version));
        Latest = _all.Values.GroupBy(d => d.Key).Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        RolesThatMayStart = Latest.SelectMany(d => d.MayStart).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every organisational role that may start some kind of review (who sees "Start a review").</summary>
    public IReadOnlyList<string> RolesThatMayStart { get; }

    /// <summary>The catalogue of the definitions shipped with the application.</summary>
    /// <param name="partnershipName">The partnership's name (Partnership:Name), shown wherever a definition says {partnership}.</param>
    public static WorkflowCatalogue BuiltIn(string? partnershipName = null) => new(WorkflowDefinitionLoader.LoadBuiltIn(partnershipName));

    /// <summary>The newest version of each methodology, by name.</summary>
    public IReadOnlyList<WorkflowDefinition> Latest { get; }

    /// <summary>Every version of every methodology (reviews keep the version they started with).</summary>
    public IReadOnlyCollection<WorkflowDefinition> All => _all.Values;

    public WorkflowDefinition? Newest(string key) => Latest.FirstOrDefault(d => d.Key == key);

    public WorkflowDefinition? Find(string key, int version) => _all.GetValueOrDefault((key, version));
}
