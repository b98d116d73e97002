using System.Globalization;
using LearningReviews.Domain.Access;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Documents;
using LearningReviews.Web.Features.Outcomes;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;

namespace LearningReviews.Web.Features.Documents;

/// <summary>
/// Turns a review into the documents people share: the Learning Review Outcomes Form (any version) for
/// the methodologies that use it, and for the others the review's record, stage by stage, in the words
/// of their forms (the learning circle record, the learning conversation record, the practice learning
/// day report, the rapid review decision, the LSCB key findings and action plan).
/// </summary>
public sealed class ReviewDocuments(IConfiguration configuration, PartnershipTime time)
{
    public const string OutcomesKind = "Learning Review Outcomes Form";

    private string PartnershipName => configuration["Partnership:Name"] is { Length: > 0 } name ? name : Domain.Workflows.WorkflowDefinitionLoader.DefaultPartnershipName;

    /// <param name="viewer">
    /// Who the document is for: someone who sees only some of a thematic review's families gets a title,
    /// families, people and rows for those only (the PDF's metadata takes its title from the same place).
    /// Null prints everything, for whoever oversees the whole review.
    /// </param>
    public PrintedDocument OutcomesForm(Review review, WorkflowDefinition definition, OutcomesForm form, string author, UserContext? viewer = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(form);
        var content = form.SnapshotJson is { } snapshot
            ? OutcomesContent.FromJson(snapshot)
            : OutcomesContent.Live(review, definition.FindStage(definition.OutcomesForm!.Stage)!);
        var redactor = RedactorFor(viewer, review);
        content = content.RedactedFor(redactor);
        var blocks = new List<DocumentBlock>();
        if (form.VersionReason is not null) blocks.Add(new KeyValueBlock([new("Why this version was made", redactor.Redact(form.VersionReason)!)]));
        foreach (var section in content.Sections)
        {
            blocks.Add(new HeadingBlock(section.Kind == OutcomesSectionKind.Recommendations ? "Recommendations" : section.Label));
            if (section.Guidance is not null) blocks.Add(new GuidanceBlock(section.Guidance));
            if (section.Kind == OutcomesSectionKind.FindingsWithLearningPoints)
            {
                blocks.Add(new ParagraphBlock(section.Text));
                blocks.Add(new HeadingBlock("Key learning points", 2));
            }
            blocks.Add(section.Kind switch
            {
                OutcomesSectionKind.LearningPoints or OutcomesSectionKind.FindingsWithLearningPoints => new ParagraphBlock(content.LearningPoints.Count == 0 ? null
                    : string.Join('\n', content.LearningPoints.Select((p, i) => $"{i + 1}. {p}"))),
                OutcomesSectionKind.Recommendations => new TableBlock([new("Action", 3), new("Person Responsible", 2), new("Timeframe", 1.4)],
                    content.Recommendations.Select(r => (IReadOnlyList<string>)[r.Action, r.PersonResponsible, r.Timeframe]).ToList()),
                _ => new ParagraphBlock(section.Text),
            });
        }
        return new PrintedDocument
        {
            PartnershipName = PartnershipName,
            Title = $"{OutcomesKind}: {TitleFor(viewer, review, definition)}",
            Kind = OutcomesKind,
            Reference = review.Reference,
            Methodology = definition.Name,
            Version = form.Version,
            Status = form.Status switch
            {
                OutcomesFormStatus.Draft => "Draft",
                OutcomesFormStatus.CirculatedForComment => "Circulated for comment",
                _ => "Final",
            },
            Date = form.FinalisedAt is { } finalised ? time.LocalDate(finalised) : time.Today,
            Author = redactor.Redact(author)!,
            Subject = $"{definition.Name} {review.Reference}",
            IsFinal = form.Status == OutcomesFormStatus.Final,
            Blocks = blocks,
        };
    }

    /// <summary>The record of a review run without an Outcomes Form: each stage reached, its answers, learning points and actions.</summary>
    /// <param name="viewer">As for <see cref="OutcomesForm"/>.</param>
    /// <param name="kept">The review's meetings and documents, which questions naming a meeting or document kind print (see RecordAnswers).</param>
    public PrintedDocument Record(Review review, WorkflowDefinition definition, string author, UserContext? viewer = null,
        Domain.Workflows.Engine.ReviewRecords? kept = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(definition);
        var kind = RecordKind(definition);
        var records = ReviewWorkflowService.LatestRecords(review);
        var redactor = RedactorFor(viewer, review);
        string? PersonName(string userId) => review.Participants.FirstOrDefault(p => p.UserId == userId)?.Name;
        var blocks = new List<DocumentBlock>
        {
            new KeyValueBlock(
            [
                new(definition.Subject?.Label ?? "Children or families", string.Join(", ", review.Cases.Where(c => viewer is null || ReviewAccessPolicy.MaySeeCase(viewer, review, c.CaseId)).Select(c => c.Case?.Label))),
                new("Reason selected", definition.FindReason(review.ReasonSelected)?.Text ?? review.ReasonSelected),
                new("Detail", redactor.Redact(review.ReasonDetail)),
                new("People involved", string.Join(", ", review.Participants.Where(p => viewer is null || FamilyRestriction.MaySeeParticipant(viewer, review, p)).Select(p => $"{p.Name} ({ReviewRoleNames.Of(p.Role)})"))),
            ]),
        };
        foreach (var stage in definition.Stages.Where(s => records.ContainsKey(s.Key)))
        {
            var answers = ReviewWorkflowService.AnswersOf(records[stage.Key]);
            if (viewer is not null) answers = redactor.Redact(stage, FamilyRows.VisibleTo(viewer, review, stage, answers));
            if (kept is not null) answers = Domain.Workflows.Engine.RecordAnswers.Apply(stage, answers, kept);
            blocks.Add(new HeadingBlock(stage.Title));
            if (stage.Checklist.Count > 0)
            {
                // The stage's boxes print as the page shows them, each ticked or not.
                blocks.Add(new HeadingBlock("Checklist", 2));
                blocks.Add(new KeyValueBlock(stage.Checklist.Select(item => new KeyValueRow(item.Text, answers.Ticked.Contains(item.Key) ? "Ticked" : "Not ticked")).ToList()));
            }
            foreach (var field in stage.Fields)
            {
                switch (field.Kind)
                {
                    case FieldKind.LearningPoints:
                        blocks.Add(new HeadingBlock(field.Label, 2));
                        blocks.Add(new ParagraphBlock(review.LearningPoints.Count == 0 ? null
                            : string.Join('\n', review.LearningPoints.OrderBy(p => p.Position).Select((p, i) => $"{i + 1}. {redactor.Redact(p.Text)}"))));
                        break;
                    case FieldKind.Actions:
                        blocks.Add(new HeadingBlock(field.Label, 2));
                        blocks.Add(new TableBlock([new("Action", 3), new("Person responsible", 2), new("Due", 1.3), new("How impact is measured", 2)],
                            review.Actions.Where(a => a.IsTypedOnForm).OrderBy(a => a.CreatedAt).Select(a => (IReadOnlyList<string>)
                                [redactor.Redact(a.What)!, redactor.Redact(a.OwnerName) ?? "", a.DueDate is { } due ? AnswerText.Date(due) : "", redactor.Redact(a.ImpactMeasure) ?? ""]).ToList()));
                        break;
                    case FieldKind.Rows:
                        blocks.Add(new HeadingBlock(field.Label, 2));
                        blocks.Add(new TableBlock(field.Columns.Select(c => new TableColumn(c.Label)).ToList(),
                            answers.Rows(field.Key).Select(row => (IReadOnlyList<string>)field.Columns.Select(c => AnswerText.Cell(c, row.GetValueOrDefault(c.Key), PersonName)).ToList()).ToList()));
                        break;
                    case FieldKind.Person or FieldKind.People:
                        var ids = answers.List(field.Key).Concat(answers.Text(field.Key) is { } one ? [one] : []).ToHashSet();
                        blocks.Add(new KeyValueBlock([new(field.Label, string.Join(", ", review.Participants.Where(p => p.UserId is not null && ids.Contains(p.UserId)).Select(p => p.Name).Distinct()))]));
                        break;
                    default:
                        blocks.Add(new HeadingBlock(field.Label, 2));
                        blocks.Add(new ParagraphBlock(AnswerText.For(field, answers, PersonName)));
                        break;
                }
            }
        }
        return new PrintedDocument
        {
            PartnershipName = PartnershipName,
            Title = $"{kind}: {TitleFor(viewer, review, definition)}",
            Kind = kind,
            Reference = review.Reference,
            Methodology = definition.Name,
            Version = 1,
            Status = review.Status == ReviewStatus.Closed ? "Final" : "Draft",
            Date = review.ClosedAt is { } closed ? time.LocalDate(closed) : time.Today,
            Author = redactor.Redact(author)!,
            Subject = $"{definition.Name} {review.Reference}",
            IsFinal = review.Status == ReviewStatus.Closed,
            Blocks = blocks,
        };
    }

    /// <summary>What each methodology calls its record, in the documents' words.</summary>
    public static string RecordKind(WorkflowDefinition definition) => definition?.Key switch
    {
        "locality-learning-circle" => "Learning circle record",
        "learning-conversation" => "Learning conversation record",
        "practice-learning-day" => "Practice learning day report",
        "rapid-review" => "Rapid review decision",
        "lscb-learning-review" => "Key findings and action plan",
        _ => "Review record",
    };

    private static FamilyRedactor RedactorFor(UserContext? viewer, Review review) =>
        viewer is null ? FamilyRedactor.None : FamilyRedaction.For(viewer, review);

    private static string TitleFor(UserContext? viewer, Review review, WorkflowDefinition definition) =>
        viewer is null ? review.Title : FamilyRestriction.TitleFor(viewer, review, definition.Name);
}
