using LearningReviews.Domain.Text;
using LearningReviews.Domain.Workflows;
using LearningReviews.Web.Features.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace LearningReviews.UnitTests.Workflows;

/// <summary>
/// Every field of every stage of the nine built-in methodologies, filled with awkward values: the
/// form reader never throws, and an over-long answer anywhere is an error before anything is saved.
/// </summary>
public sealed class StageFormLimitsTests
{
    private static readonly IReadOnlyList<WorkflowDefinition> Definitions = WorkflowDefinitionLoader.LoadBuiltIn();
    private static readonly DateOnly Today = new(2026, 6, 10);

    /// <summary>Every stage of every version: reviews keep the version they started on, so older versions are still filled in.</summary>
    public static TheoryData<string, int, string> Stages()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var definition in Definitions)
            foreach (var stage in definition.Stages) data.Add(definition.Key, definition.Version, stage.Key);
        return data;
    }

    [Theory, MemberData(nameof(Stages))]
    public void An_over_long_answer_in_any_field_is_an_error_under_that_field(string methodology, int version, string stageKey)
    {
        var stage = Stage(methodology, version, stageKey);
        foreach (var field in stage.Fields.Where(f => f.Kind is not (FieldKind.Date or FieldKind.DateTime or FieldKind.MultipleChoice or FieldKind.People)))
        {
            var tooLong = field.Kind switch
            {
                FieldKind.LearningPoints => InputLimits.LearningPoint + 1,
                FieldKind.Actions => InputLimits.ActionWhat + 1,
                FieldKind.Rows => field.Columns.Where(c => c.Kind != FieldKind.Date).Select(c => c.CharacterLimit).DefaultIfEmpty(0).Max() + 1,
                _ => field.CharacterLimit + 1,
            };
            if (tooLong == 1) continue; // a table of dates only
            var modelState = new ModelStateDictionary();
            StageFormReader.Read(stage, Form(stage, field, new string('x', tooLong)), modelState, Today);
            Assert.True(modelState.Keys.Any(k => k == "f." + field.Key || k.StartsWith($"f.{field.Key}[", StringComparison.Ordinal)),
                $"{methodology} v{version}/{stageKey}: {tooLong:N0} characters in '{field.Key}' ({field.Kind}) were accepted");
        }
    }

    [Theory, MemberData(nameof(Stages))]
    public void Awkward_values_in_every_field_at_once_never_break_the_reader(string methodology, int version, string stageKey)
    {
        var stage = Stage(methodology, version, stageKey);
        foreach (var value in new[] { "", new string('x', 100_000), "\u202Eمرحبا שלום", "👩‍👩‍👧‍👦🔥", "<script>alert(1)</script>", "31/02/-1", "-9999999999999999999999" })
        {
            var modelState = new ModelStateDictionary();
            var submission = StageFormReader.Read(stage, Form(stage, null, value), modelState, Today);
            if (value.Length > InputLimits.LongText) Assert.False(modelState.IsValid, $"{methodology} v{version}/{stageKey} accepted 100,000 characters everywhere");
            Assert.NotNull(submission);
        }
    }

    [Fact]
    public void A_word_limit_caps_characters_too()
    {
        var field = new FieldDefinition { Key = "why", Label = "Why", Kind = FieldKind.LongText, WordLimit = 300 };
        Assert.Equal(300 * InputLimits.CharactersPerWord, field.CharacterLimit);
        Assert.Equal(InputLimits.LongText, new FieldDefinition { Key = "k", Kind = FieldKind.LongText, WordLimit = 5000 }.CharacterLimit);
        Assert.Equal(InputLimits.LongText, new FieldDefinition { Key = "k", Kind = FieldKind.LongText }.CharacterLimit);
        Assert.Equal(120, new FieldDefinition { Key = "k", Kind = FieldKind.ShortText, MaxLength = 120 }.CharacterLimit);
    }

    private static StageDefinition Stage(string methodology, int version, string stageKey) =>
        Assert.Single(Definitions, d => d.Key == methodology && d.Version == version).FindStage(stageKey)!;

    /// <summary>A posted stage form with the given value in one field (or, when none is named, in every field and part).</summary>
    private static FormCollection Form(StageDefinition stage, FieldDefinition? only, string value)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var field in stage.Fields.Where(f => only is null || f == only))
        {
            var name = "f." + field.Key;
            switch (field.Kind)
            {
                case FieldKind.LearningPoints:
                    values["lp[0].id"] = ""; values["lp[0].text"] = value;
                    break;
                case FieldKind.Actions:
                    values["act[0].id"] = ""; values["act[0].what"] = value; values["act[0].owner"] = value; values["act[0].impact"] = value;
                    values["act[0].due.day"] = value; values["act[0].due.month"] = value; values["act[0].due.year"] = value; values["act[0].finding"] = value;
                    break;
                case FieldKind.Rows:
                    foreach (var column in field.Columns)
                    {
                        var cell = $"{name}[0].{column.Key}";
                        values[cell] = value;
                        values[cell + ".day"] = value; values[cell + ".month"] = value; values[cell + ".year"] = value;
                    }
                    break;
                default:
                    values[name] = value;
                    values[name + ".day"] = value; values[name + ".month"] = value; values[name + ".year"] = value; values[name + ".time"] = value;
                    break;
            }
        }
        values["checklist"] = value;
        return new FormCollection(values);
    }
}
