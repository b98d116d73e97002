using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>What a stage form or its check-answers page shows.</summary>
public sealed record StagePage(
    Review Review,
    WorkflowDefinition Definition,
    StageDefinition Stage,
    ReviewStageRecord Record,
    StageAnswers Answers,
    bool Editable,
    WorkflowMoves Moves,
    IReadOnlyList<SelectListItem> People)
{
    public string FieldName(FieldDefinition field) => "f." + field.Key;

    /// <summary>Learning points as typed, when the form comes back with errors (nothing typed is lost).</summary>
    public IReadOnlyList<LearningPointInput>? TypedLearningPoints { get; init; }

    /// <summary>Actions as typed, when the form comes back with errors.</summary>
    public IReadOnlyList<ActionInput>? TypedActions { get; init; }

    /// <summary>The learning points the form shows: as typed if it came back, else as saved.</summary>
    public IReadOnlyList<LearningPointInput> LearningPointRows() =>
        TypedLearningPoints ?? Review.LearningPoints.OrderBy(p => p.Position).Select(p => new LearningPointInput(p.Id, p.Text)).ToList();

    /// <summary>The actions the form shows: as typed if it came back, else as saved.</summary>
    public IReadOnlyList<ActionInput> ActionRows() =>
        TypedActions ?? Review.Actions.OrderBy(a => a.CreatedAt)
            .Select(a => new ActionInput(a.Id, a.What, a.OwnerName, a.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                a.ImpactMeasure, a.LearningPointId)).ToList();

    public string FieldId(FieldDefinition field) => "f_" + field.Key;

    /// <summary>How an answer reads on the check-answers page.</summary>
    public string Display(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        string OptionText(string value) => field.Options.FirstOrDefault(o => o.Value == value)?.Text
                                           ?? People.FirstOrDefault(p => p.Value == value)?.Text ?? value;
        return field.Kind switch
        {
            FieldKind.MultipleChoice or FieldKind.People => string.Join(", ", Answers.List(field.Key).Select(OptionText)),
            FieldKind.Rows => $"{Answers.Rows(field.Key).Count} rows",
            FieldKind.LearningPoints => string.Join(" / ", Review.LearningPoints.OrderBy(p => p.Position).Select(p => p.Text)),
            FieldKind.Actions => $"{Review.Actions.Count} actions",
            FieldKind.YesNo => Answers.Text(field.Key) switch { "yes" => "Yes", "no" => "No", _ => "" },
            FieldKind.Date => Answers.Date(field.Key)?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "",
            FieldKind.DateTime => DateTime.TryParseExact(Answers.Text(field.Key), "yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var at)
                ? at.ToString("d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))
                : Answers.Text(field.Key) ?? "",
            _ => Answers.Text(field.Key) is { } text ? OptionText(text) : "",
        };
    }
}
