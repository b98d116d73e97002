using System.Text.Json;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Web.Features.Workflow;

namespace LearningReviews.Web.Features.Outcomes;

/// <summary>
/// How a section reads. FindingsWithLearningPoints is Appendix 1's "Findings and key learning points" row: the
/// summary as written, then the key learning points kept one by one. LearningPoints on its own is how
/// forms made final before that row was joined up keep reading.
/// </summary>
public enum OutcomesSectionKind { Text, LearningPoints, Recommendations, FindingsWithLearningPoints }

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
        var sections = new List<OutcomesSection>();
        foreach (var field in stage.Fields)
        {
            if (field.Kind == FieldKind.LearningPoints)
            {
                // Appendix 1 has one row, "Findings and key learning points": the points join the summary before them.
                if (sections.Count > 0 && sections[^1].Kind == OutcomesSectionKind.Text)
                {
                    sections[^1] = sections[^1] with { Kind = OutcomesSectionKind.FindingsWithLearningPoints };
                    continue;
                }
                sections.Add(new OutcomesSection(field.Key, field.Label, field.Hint, "", OutcomesSectionKind.LearningPoints));
                continue;
            }
            sections.Add(new OutcomesSection(field.Key, field.Label, field.Hint, AnswerText.For(field, answers),
                field.Kind == FieldKind.Actions ? OutcomesSectionKind.Recommendations : OutcomesSectionKind.Text));
            // Appendix 1's second row: who wrote the form, from the review's lead author (or lead reviewer).
            if (sections.Count == 1) sections.Add(new OutcomesSection(LeadAuthorKey, "Lead Author", null, LeadAuthorOf(review)));
        }
        var points = review.LearningPoints.OrderBy(p => p.Position).Select(p => p.Text).ToList();
        var recommendations = review.Actions.Where(a => a.IsTypedOnForm).OrderBy(a => a.CreatedAt)
            .Select(a => new Recommendation(a.What, a.OwnerName ?? "", a.DueDate is { } due ? AnswerText.Date(due) : ""))
            .ToList();
        return new OutcomesContent(sections, points, recommendations);
    }

    /// <summary>The key comments on the Lead Author row are recorded under (no stage field has it).</summary>
    public const string LeadAuthorKey = "leadAuthor";

    /// <summary>The review's lead author, or its lead reviewer when it has none by that name; several are listed together.</summary>
    public static string LeadAuthorOf(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var authors = review.Participants.Where(p => p.Role == ReviewRole.LeadAuthor).Select(p => p.Name).Distinct().ToList();
        if (authors.Count == 0) authors = review.Participants.Where(p => p.Role == ReviewRole.LeadReviewer).Select(p => p.Name).Distinct().ToList();
        return string.Join(", ", authors);
    }

    /// <summary>Whether comments may be recorded against this key: one of the form's sections.</summary>
    public bool HasSection(string? key) => key is not null && Sections.Any(s => s.Key == key);

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
