using LearningReviews.Domain.Workflows;

namespace LearningReviews.UnitTests.Workflows;

/// <summary>Startup refuses a broken definition and says which file, which stage and what is wrong.</summary>
public sealed class DefinitionLoaderTests
{
    /// <summary>A small valid definition; each test breaks one thing in it.</summary>
    private const string Valid = """
        {
          "key": "test-review", "version": 1, "name": "Test review", "description": "A review for tests.",
          "sourceDocument": "none.txt", "mayStart": ["Team Manager"],
          "stages": [
            { "key": "first", "title": "First", "actors": { "roles": ["Team Manager"], "reviewRoles": ["Chair"] },
              "fields": [
                { "key": "meetingAt", "label": "Meeting", "kind": "dateTime", "required": true },
                { "key": "outcome", "label": "Outcome", "kind": "singleChoice", "options": [ { "value": "agreed", "text": "Agreed" } ] }
              ],
              "gates": [ { "kind": "meetingBooked", "field": "meetingAt" }, { "kind": "answerIs", "field": "outcome", "value": "agreed" } ] },
            { "key": "second", "title": "Second", "actors": { "roles": ["Team Manager"] },
              "gates": [ { "kind": "meetingHeld", "field": "first.meetingAt" } ] }
          ]
        }
        """;

    private static InvalidWorkflowDefinitionException Refused(string json, string file = "broken.v1.json") =>
        Assert.Throws<InvalidWorkflowDefinitionException>(() => WorkflowDefinitionLoader.Load([(file, json)]));

    [Fact]
    public void A_valid_definition_loads()
    {
        var definition = Assert.Single(WorkflowDefinitionLoader.Load([("test.v1.json", Valid)]));
        Assert.Equal(("test-review", 1, 2), (definition.Key, definition.Version, definition.Stages.Count));
        Assert.Equal(GateKind.MeetingHeld, definition.Stages[1].Gates[0].Kind);
    }

    [Theory]
    [InlineData("\"kind\": \"meetingBooked\"", "\"kind\": \"moonIsFull\"", "broken.v1.json, stage 'first': unknown gate kind")]
    [InlineData("\"kind\": \"dateTime\"", "\"kind\": \"hologram\"", "broken.v1.json, stage 'first': unknown field kind")]
    [InlineData("\"key\": \"second\"", "\"key\": \"first\"", "broken.v1.json, stage 'first': duplicate stage key")]
    [InlineData("\"roles\": [\"Team Manager\"], \"reviewRoles\"", "\"roles\": [\"Chief Wizard\"], \"reviewRoles\"", "broken.v1.json, stage 'first': role 'Chief Wizard' does not exist")]
    [InlineData("\"reviewRoles\": [\"Chair\"]", "\"reviewRoles\": [\"Umpire\"]", "broken.v1.json, stage 'first': review role 'Umpire' does not exist")]
    [InlineData("\"mayStart\": [\"Team Manager\"]", "\"mayStart\": [\"Team Captain\"]", "broken.v1.json: role 'Team Captain' does not exist")]
    [InlineData("\"key\": \"outcome\"", "\"key\": \"meetingAt\"", "broken.v1.json, stage 'first': duplicate field key 'meetingAt'")]
    [InlineData("\"field\": \"first.meetingAt\"", "\"field\": \"first.nowhere\"", "broken.v1.json, stage 'second': MeetingHeld gate refers to field 'first.nowhere'")]
    [InlineData("\"field\": \"meetingAt\" }", "\"field\": \"outcome\" }", "broken.v1.json, stage 'first': MeetingBooked gate needs 'outcome' to be Date or DateTime, not SingleChoice")]
    [InlineData("\"value\": \"agreed\" }", "\"value\": \"maybe\" }", "broken.v1.json, stage 'first': AnswerIs gate expects 'maybe', which is not an option of 'outcome'")]
    [InlineData("\"options\": [ { \"value\": \"agreed\", \"text\": \"Agreed\" } ]", "\"options\": []", "broken.v1.json, stage 'first': field 'outcome' is a choice with no options")]
    [InlineData("\"version\": 1", "\"version\": 0", "broken.v1.json: version must be 1 or more")]
    [InlineData("\"version\": 1", "\"version\": 1, \"minimumCases\": 3", "broken.v1.json: minimumCases is more than 1 but multipleCases is not true")]
    [InlineData("\"required\": true }", "\"required\": false, \"requiredWhen\": { \"field\": \"outcome\", \"value\": \"perhaps\" } }", "broken.v1.json, stage 'first': field 'meetingAt' is required when 'outcome' is 'perhaps', which is not one of its answers")]
    [InlineData("\"title\": \"Second\",", "\"title\": \"Second\", \"colour\": \"blue\",", "broken.v1.json, stage 'second': unknown property")]
    [InlineData("\"required\": true }", "\"required\": true, \"wordLimit\": 20 }", "broken.v1.json, stage 'first': field 'meetingAt' has a word limit but is not long text")]
    [InlineData("\"title\": \"Second\", \"actors\": { \"roles\": [\"Team Manager\"] }", "\"title\": \"Second\", \"actors\": { }", "broken.v1.json, stage 'second': actors name nobody")]
    [InlineData("\"gates\": [ { \"kind\": \"meetingBooked\"", "\"sections\": [ { \"key\": \"when\", \"title\": \"When\", \"fields\": [\"meetingAt\"] } ], \"gates\": [ { \"kind\": \"meetingBooked\"", "broken.v1.json, stage 'first': field 'outcome' is in no section")]
    [InlineData("\"gates\": [ { \"kind\": \"meetingBooked\"", "\"sections\": [ { \"key\": \"a\", \"title\": \"A\", \"fields\": [\"meetingAt\", \"outcome\"] }, { \"key\": \"b\", \"title\": \"B\", \"fields\": [\"outcome\"] } ], \"gates\": [ { \"kind\": \"meetingBooked\"", "broken.v1.json, stage 'first': field 'outcome' is in more than one section")]
    [InlineData("\"gates\": [ { \"kind\": \"meetingBooked\"", "\"sections\": [ { \"key\": \"a\", \"title\": \"A\", \"fields\": [\"meetingAt\", \"outcome\", \"venue\"] } ], \"gates\": [ { \"kind\": \"meetingBooked\"", "broken.v1.json, stage 'first': section 'a' names field 'venue', which is not a field of this stage")]
    [InlineData("\"gates\": [ { \"kind\": \"meetingBooked\"", "\"sections\": [ { \"key\": \"a\", \"title\": \"\", \"fields\": [\"meetingAt\", \"outcome\"] } ], \"gates\": [ { \"kind\": \"meetingBooked\"", "broken.v1.json, stage 'first': a section needs a key and a title")]
    [InlineData("\"gates\": [ { \"kind\": \"meetingBooked\"", "\"sections\": [ { \"key\": \"a\", \"title\": \"A\", \"fields\": [\"meetingAt\", \"outcome\"], \"atLeastTwo\": true } ], \"gates\": [ { \"kind\": \"meetingBooked\"", "broken.v1.json, stage 'first': unknown property")]
    [InlineData("\"required\": true }", "\"required\": true, \"prefillFrom\": [\"first.outcome\"] }", "broken.v1.json, stage 'first': field 'meetingAt' is prefilled with people but is not rows with a 'name' column")]
    public void Each_kind_of_mistake_is_named_with_its_file_and_stage(string find, string replace, string expected)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var error = Refused(Valid.Replace(find, replace, StringComparison.Ordinal));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_group_the_fields_in_their_own_order()
    {
        var json = Valid.Replace("\"gates\": [ { \"kind\": \"meetingBooked\"",
            "\"sections\": [ { \"key\": \"decision\", \"title\": \"Decision\", \"lead\": \"What was decided.\", \"fields\": [\"outcome\"], \"atLeastOne\": true }, { \"key\": \"when\", \"title\": \"When\", \"fields\": [\"meetingAt\"] } ], \"gates\": [ { \"kind\": \"meetingBooked\"",
            StringComparison.Ordinal);
        var stage = Assert.Single(WorkflowDefinitionLoader.Load([("test.v1.json", json)])).Stages[0];
        Assert.Equal(["Decision", "When"], stage.FieldGroups().Select(g => g.Section!.Title));
        Assert.Equal(["outcome", "meetingAt"], stage.FieldGroups().SelectMany(g => g.Fields).Select(f => f.Key));
        Assert.True(stage.Sections[0].AtLeastOne);
        Assert.Equal("What was decided.", stage.Sections[0].Lead);
        Assert.Null(Assert.Single(Assert.Single(WorkflowDefinitionLoader.Load([("test.v1.json", Valid)])).Stages[0].FieldGroups()).Section);
    }

    [Fact]
    public void Two_files_with_the_same_key_and_version_are_refused()
    {
        var error = Assert.Throws<InvalidWorkflowDefinitionException>(() =>
            WorkflowDefinitionLoader.Load([("a.v1.json", Valid), ("b.v1.json", Valid)]));
        Assert.Contains("a.v1.json, b.v1.json: more than one file defines 'test-review' version 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linked_methodology_must_exist()
    {
        var json = Valid.Replace("\"key\": \"second\", \"title\": \"Second\",", "\"key\": \"second\", \"title\": \"Second\", \"mayStartLinked\": [\"no-such-review\"],", StringComparison.Ordinal);
        Assert.Contains("stage 'second': mayStartLinked names 'no-such-review'", Refused(json).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var json = Valid.Replace("\"version\": 1", "\"version\": 0", StringComparison.Ordinal)
            .Replace("\"mayStart\": [\"Team Manager\"]", "\"mayStart\": []", StringComparison.Ordinal);
        var error = Refused(json);
        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public void The_built_in_definitions_all_load()
    {
        var definitions = WorkflowDefinitionLoader.LoadBuiltIn();
        Assert.Contains(definitions, d => d.Key == "locality-learning-circle" && d.Version == 1);
    }
}
