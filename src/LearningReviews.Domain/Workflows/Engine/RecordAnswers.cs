using System.Globalization;
using System.Text.Json.Nodes;

namespace LearningReviews.Domain.Workflows.Engine;

/// <summary>
/// Puts the review's records into the answers of the fields that read them, so everything that reads answers
/// (gates, deadlines, check-your-answers, documents) reads the booking or the document itself:
/// <list type="bullet">
/// <item>a field naming a meeting kind answers with the latest meeting of that kind that is not cancelled
/// (yyyy-MM-ddTHH:mm, or yyyy-MM-dd for a date field), and with nothing when there is none: what was typed
/// there once was moved into a meeting by <c>TypedMeetingDates</c>;</item>
/// <item>a date field naming a document kind answers with the day the first such document came (or was first
/// circulated); a yes/no with "yes"; a rows field counts as answered. With no such document, what was typed stays.</item>
/// </list>
/// </summary>
public static class RecordAnswers
{
    public static Dictionary<string, StageAnswers> Apply(WorkflowDefinition definition, IReadOnlyDictionary<string, StageAnswers> answers, ReviewRecords records)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(records);
        var result = answers.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        foreach (var stage in definition.Stages.Where(s => s.Fields.Any(f => f.Meeting is not null || f.Document is not null)))
        {
            result[stage.Key] = Apply(stage, answers.GetValueOrDefault(stage.Key), records);
        }
        return result;
    }

    /// <summary>One stage's answers with its record fields answered from the records (a copy: the saved answers are not changed).</summary>
    public static StageAnswers Apply(StageDefinition stage, StageAnswers? typed, ReviewRecords records)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(records);
        var values = typed?.Values.DeepClone() as JsonObject ?? [];
        var byRecord = new List<string>();
        foreach (var field in stage.Fields)
        {
            if (field.Meeting is { } kind)
            {
                values.Remove(field.Key);
                if (records.LatestMeeting(kind) is { } meeting) values[field.Key] = MeetingAnswer(field, meeting);
            }
            else if (field.Document is { } documentKind && records.DocumentFor(documentKind, field.Circulated) is { } document)
            {
                switch (field.Kind)
                {
                    case FieldKind.Date:
                        values[field.Key] = (field.Circulated ? document.CirculatedOn!.Value : document.ReceivedOn).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        break;
                    case FieldKind.YesNo:
                        values[field.Key] = "yes";
                        break;
                    default:
                        byRecord.Add(field.Key);
                        break;
                }
            }
        }
        return new StageAnswers(values, typed?.Ticked, byRecord);
    }

    /// <summary>A meeting as a date or date-time answer.</summary>
    public static string MeetingAnswer(FieldDefinition field, MeetingFacts meeting)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(meeting);
        return field.Kind == FieldKind.DateTime
            ? meeting.StartsAt.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)
            : meeting.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
