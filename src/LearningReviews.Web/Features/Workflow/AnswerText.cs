using System.Globalization;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>
/// How a stage answer reads to people, wherever it is shown: check your answers, the Outcomes Form and
/// the PDFs. Dates in words, choices by their text, yes/no as Yes/No; empty when unanswered.
/// </summary>
public static class AnswerText
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);

    /// <param name="personName">The name of a chosen person, from their user id (for person and people fields).</param>
    /// <remarks>Rows, learning points and actions are shown by each caller in its own way; they read as empty here.</remarks>
    public static string For(FieldDefinition field, StageAnswers answers, Func<string, string?>? personName = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(answers);
        string Choice(string value) => field.Options.FirstOrDefault(o => o.Value == value)?.Text ?? personName?.Invoke(value) ?? value;
        return field.Kind switch
        {
            FieldKind.Themes => string.Join(", ", answers.List(field.Key)),
            FieldKind.MultipleChoice or FieldKind.People => string.Join(", ", answers.List(field.Key).Select(Choice)),
            FieldKind.Rows or FieldKind.LearningPoints or FieldKind.Actions => "",
            FieldKind.YesNo => answers.Text(field.Key) switch { "yes" => "Yes", "no" => "No", _ => "" },
            FieldKind.Date => answers.Date(field.Key) is { } date ? Date(date) : "",
            FieldKind.DateTime => DateTime.TryParseExact(answers.Text(field.Key), "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var at)
                ? at.ToString("d MMMM yyyy 'at' HH:mm", British)
                : answers.Text(field.Key) ?? "",
            _ => answers.Text(field.Key) is { } text ? Choice(text) : "",
        };
    }

    /// <summary>
    /// One cell of a table field (a chronology's date, an attendance's "Sent apologies"), read as people
    /// write it: stored dates (2026-10-03) in words, choices by their text, yes/no as Yes/No.
    /// </summary>
    public static string Cell(FieldDefinition column, string? value, Func<string, string?>? personName = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (string.IsNullOrWhiteSpace(value)) return "";
        return column.Kind switch
        {
            FieldKind.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Date(date) : value,
            FieldKind.DateTime => DateTime.TryParseExact(value, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                ? at.ToString("d MMMM yyyy 'at' HH:mm", British) : value,
            FieldKind.YesNo => value switch { "yes" => "Yes", "no" => "No", _ => value },
            FieldKind.SingleChoice or FieldKind.MultipleChoice => column.Options.FirstOrDefault(o => o.Value == value)?.Text ?? value,
            FieldKind.Person => personName?.Invoke(value) ?? value,
            _ => value,
        };
    }
}
