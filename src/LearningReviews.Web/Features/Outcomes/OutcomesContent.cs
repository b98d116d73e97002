using System.Text.Json;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Web.Features.Workflow;

namespace LearningReviews.Web.Features.Outcomes;

public enum OutcomesSectionKind { Text, LearningPoints, Recommendations }

/// <summary>
/// One section of the form, in Appendix 1's order: its heading and guidance, and what was written. The
/// key learning points and the recommendations table sit where their fields are in the form.
/// </summary>
public sealed record OutcomesSection(string Key, string Label, string? Guidance, string Text,
    OutcomesSectionKind Kind = OutcomesSectionKind.Text);

/// <summary>A recommendation row: Action / Person Responsible / Timeframe.</summary>
public sealed record Recommendation(string Action, string PersonResponsible, string Timeframe);

/// <summary>
/// What a Learning Review Outcomes Form says: its sections in the form's order, its key learning
/// points and its recommendations. Built live from the outcomes stage while the form is a draft, and
/// frozen as JSON (SnapshotJson) when it is made final, so earlier versions read as they were.
/// </summary>
public sealed record OutcomesContent(
    IReadOnlyList<OutcomesSection> Sections, IReadOnlyList<string> LearningPoints, IReadOnlyList<Recommendation> Recommendations)
{
    /// <summary>The form as the outcomes stage holds it now.</summary>
    public static OutcomesContent Live(Review review, StageDefinition stage)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(stage);
        var record = ReviewWorkflowService.LatestRecords(review).GetValueOrDefault(stage.Key);
        var answers = record is null ? new Domain.Workflows.Engine.StageAnswers() : ReviewWorkflowService.AnswersOf(record);
        var sections = stage.Fields
            .Select(f => new OutcomesSection(f.Key, f.Label, f.Hint, AnswerText.For(f, answers), f.Kind switch
            {
                FieldKind.LearningPoints => OutcomesSectionKind.LearningPoints,
                FieldKind.Actions => OutcomesSectionKind.Recommendations,
                _ => OutcomesSectionKind.Text,
            }))
            .ToList();
        var points = review.LearningPoints.OrderBy(p => p.Position).Select(p => p.Text).ToList();
        var recommendations = review.Actions.OrderBy(a => a.CreatedAt)
            .Select(a => new Recommendation(a.What, a.OwnerName ?? "", a.DueDate is { } due ? AnswerText.Date(due) : ""))
            .ToList();
        return new OutcomesContent(sections, points, recommendations);
    }

    /// <summary>The form as a viewer who sees only some families reads it (see <see cref="Reviews.FamilyRedactor"/>).</summary>
    public OutcomesContent RedactedFor(Reviews.FamilyRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        if (!redactor.IsActive) return this;
        return new OutcomesContent(
            Sections.Select(s => s with { Text = redactor.Redact(s.Text) ?? "" }).ToList(),
            LearningPoints.Select(p => redactor.Redact(p) ?? "").ToList(),
            Recommendations.Select(r => new Recommendation(redactor.Redact(r.Action) ?? "", redactor.Redact(r.PersonResponsible) ?? "", r.Timeframe)).ToList());
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static OutcomesContent FromJson(string json) =>
        JsonSerializer.Deserialize<OutcomesContent>(json) ?? new OutcomesContent([], [], []);
}
