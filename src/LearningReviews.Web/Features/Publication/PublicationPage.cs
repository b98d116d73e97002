using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Publication;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Publication;

/// <summary>One dissemination as the page lists it.</summary>
public sealed record DisseminationRow(DisseminationRecord Record, IReadOnlyList<string> Agencies);

/// <summary>A finding of the summary check with its place in the text and whether it has been accepted.</summary>
public sealed record FindingRow(Finding Finding, FindingExcerpt Excerpt, AcceptedFinding? Accepted);

/// <summary>A review's dissemination, publication decision and publishable summary, with what was typed into a form that came back.</summary>
public sealed record PublicationPage(Review Review, string MethodologyName, bool MayManage, IReadOnlyList<DisseminationRow> Disseminations,
    ReviewPublication? Publication, IReadOnlyList<FindingRow> Findings, IReadOnlyList<Agency> Agencies)
{
    public Guid Token => Publication?.ConcurrencyToken ?? Guid.Empty;
    public int Outstanding => Findings.Count(f => f.Accepted is null);

    // What was typed into the dissemination form.
    public string? Way { get; init; }
    public (string? Day, string? Month, string? Year) HeldOn { get; init; }
    public IReadOnlyCollection<string> ChosenAgencies { get; init; } = [];
    public string? Audience { get; init; }
    public string? Note { get; init; }

    // What was typed into the decision form (null: show the saved decision).
    public string? Decision { get; init; }
    public string? Risks { get; init; }
    public string? Benefits { get; init; }
    public (string? Day, string? Month, string? Year)? DecidedOn { get; init; }

    // What was typed into the summary (null: show the saved summary).
    public string? Summary { get; init; }
}
