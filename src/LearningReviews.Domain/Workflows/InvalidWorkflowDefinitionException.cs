namespace LearningReviews.Domain.Workflows;

/// <summary>A definition file that cannot be used. Startup stops with this message.</summary>
public sealed class InvalidWorkflowDefinitionException : Exception
{
    public InvalidWorkflowDefinitionException(IReadOnlyList<DefinitionProblem> problems)
        : base("Invalid workflow definition:" + Environment.NewLine +
               string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Problems = problems;
    }

    public InvalidWorkflowDefinitionException() : this([]) { }

    public InvalidWorkflowDefinitionException(string message) : base(message) => Problems = [];

    public InvalidWorkflowDefinitionException(string message, Exception inner) : base(message, inner) => Problems = [];

    public IReadOnlyList<DefinitionProblem> Problems { get; } = [];
}

/// <summary>One thing wrong with a definition: which file, which stage (if any), and what.</summary>
public sealed record DefinitionProblem(string File, string? Stage, string Problem)
{
    public override string ToString() =>
        Stage is null ? $"{File}: {Problem}" : $"{File}, stage '{Stage}': {Problem}";
}
