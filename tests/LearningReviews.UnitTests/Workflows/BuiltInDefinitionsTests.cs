using LearningReviews.Domain.Workflows;

namespace LearningReviews.UnitTests.Workflows;

/// <summary>
/// The definitions shipped with the application load, and say what the source documents say:
/// the prompts, counts, deadlines and phases that are easy to get wrong when a definition is edited.
/// </summary>
public sealed class BuiltInDefinitionsTests
{
    private static readonly IReadOnlyList<WorkflowDefinition> Definitions = WorkflowDefinitionLoader.LoadBuiltIn();

    /// <summary>The prompts of the four stages of a learning conversation, word for word from 002, spelling mistakes included.</summary>
    private static readonly string[] LearningConversationPrompts =
    [
        // Purpose
        "Why we are here (keep focus on child/young person)",
        "Each professional to provide an overview of their assessment",
        "What are the strengths, concerns, risks and vulnerabilities?",
        "What is the child / young person saying?",
        "What do the family say?",
        "Appropriately challenge and draw on professional curiosity?",
        "How has a Trauma Informed approach shaped our understanding?",
        "Areas for development identified",
        "What else has emerged as a consequence of this discission?",
        // Strategies & Tools
        "What have we learnt from this?",
        "What tools have we used / or now need to consider?",
        "Has this affected any change?",
        "How can we address risk, barriers or concerns?",
        "What are the challenges?",
        "How can we use Motivational Interviewing skills to progress our support and interventions?",
        "What solutions can we identify?",
        // Outcomes
        "Were the outcomes as expected?",
        "What is the progress so far?",
        "What are the tools telling us?",
        "How can we progress this?",
        "What are the barriers or challenges?",
        "Have the risks / concerns changed?",
        "Is the plan SMART? / Does the plan empower and enable change ?",
        // Review & Reflect
        "What worked? /What do we need to do differently?",
        "Were the tools and strategies used appropriately?",
        "How can Motivational Interviewing and Trauma Informed Practice develop this plan ?",
        "What three learning points can we take forward?",
        "Summary of assessment from the facilitator",
        "Are we progressing towards meeting the child / young person's identifed needs?",
        "Are all the risks indentifed and actioned?",
        "What difference has this 'Leanring Conversation' made for the child / young person?",
    ];

    /// <summary>The newest version of a methodology, the one new reviews start on.</summary>
    private static WorkflowDefinition Definition(string key) => Definitions.Where(d => d.Key == key).MaxBy(d => d.Version)!;

    private static WorkflowDefinition Version(string key, int version) => Assert.Single(Definitions, d => d.Key == key && d.Version == version);

    [Theory]
    [InlineData("locality-learning-circle")]
    [InlineData("practice-learning-day")]
    [InlineData("learning-conversation")]
    [InlineData("desktop-review")]
    [InlineData("practitioner-learning-review")]
    [InlineData("thematic-review")]
    [InlineData("single-issue-review")]
    [InlineData("rapid-review")]
    [InlineData("lscb-learning-review")]
    public void Each_of_the_nine_methodologies_is_defined_with_at_least_two_stages(string key)
    {
        Assert.Single(Definitions, d => d.Key == key && d.Version == 1);
        var definition = Definition(key);
        Assert.True(definition.Stages.Count >= 2, $"{key} has {definition.Stages.Count} stage(s)");
    }

    [Fact]
    public void Every_stage_of_every_definition_checks_its_required_fields()
    {
        foreach (var definition in Definitions)
        {
            foreach (var stage in definition.Stages)
            {
                Assert.True(stage.Gates.Any(g => g.Kind == GateKind.RequiredFieldsComplete),
                    $"{definition.Key}, stage '{stage.Key}' has no requiredFieldsComplete gate");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_learning_conversation_asks_every_prompt_of_its_four_stages_word_for_word(int version)
    {
        var conversation = Version("learning-conversation", version).FindStage("conversation");
        Assert.NotNull(conversation);
        var labels = conversation.Fields.Select(f => f.Label).ToList();
        foreach (var prompt in LearningConversationPrompts)
        {
            Assert.Single(labels, label => label == prompt);
        }
        var promptFields = conversation.Fields.Where(f => LearningConversationPrompts.Contains(f.Label)).ToList();
        Assert.Equal(LearningConversationPrompts, promptFields.Select(f => f.Label));
        if (version == 1) Assert.All(promptFields, f => Assert.True(f.Required, $"'{f.Label}' should be required in version 1"));
    }

    [Fact]
    public void Version_2_of_the_learning_conversation_asks_for_something_in_each_of_the_four_stages_not_every_prompt()
    {
        var conversation = Definition("learning-conversation").FindStage("conversation")!;
        Assert.Equal(2, Definition("learning-conversation").Version);
        // 002: "The questions next to each of the stages are prompts that the independent facilitator will ask".
        Assert.Equal(["learningPoints", "facilitatorSummary"], conversation.Fields.Where(f => f.Required).Select(f => f.Key));
        var stages = conversation.Sections.Where(s => s.AtLeastOne).ToList();
        Assert.Equal(["Stage 1 of 4: Purpose", "Stage 2 of 4: Strategies & Tools", "Stage 3 of 4: Outcomes", "Stage 4 of 4: Review & Reflect"], stages.Select(s => s.Title));
        // The prompts of each stage of the document are under that stage's heading, in the document's order.
        Assert.Equal(LearningConversationPrompts, stages.SelectMany(s => s.Fields).Select(k => conversation.FindField(k)!.Label));
        Assert.Equal([9, 7, 7, 8], stages.Select(s => s.Fields.Count));
    }

    [Fact]
    public void The_learning_conversation_needs_exactly_three_learning_points_and_an_independent_facilitator()
    {
        var definition = Definition("learning-conversation");
        var gate = Assert.Single(definition.FindStage("conversation")!.Gates, g => g.Kind == GateKind.LearningPoints);
        Assert.Equal((3, true), (gate.Count, gate.Exactly));

        var independent = Assert.Single(definition.FindStage("preparation")!.Gates, g => g.Kind == GateKind.FacilitatorIndependent);
        Assert.Equal("Practitioner", independent.Role);
    }

    [Fact]
    public void The_rapid_review_is_due_15_working_days_after_the_notification_and_can_start_the_linked_methodologies()
    {
        var definition = Definition("rapid-review");
        var deadlines = definition.Stages.SelectMany(s => s.Deadlines).ToList();
        Assert.NotEmpty(deadlines);
        Assert.All(deadlines, d =>
        {
            Assert.Equal("notification.notifiedOn", d.From);
            Assert.Equal(15, d.WorkingDays);
            Assert.Null(d.CalendarDays);
        });
        Assert.Equal(FieldKind.Date, definition.FindStage("notification")!.FindField("notifiedOn")!.Kind);

        var decision = definition.FindStage("decision");
        Assert.NotNull(decision);
        Assert.Equal(
            ["desktop-review", "lscb-learning-review", "practitioner-learning-review", "single-issue-review", "thematic-review"],
            decision.MayStartLinked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_practice_learning_day_is_planned_at_least_10_working_days_before_the_day()
    {
        var definition = Definition("practice-learning-day");
        var gate = Assert.Single(definition.Stages.SelectMany(s => s.Gates), g => g.Kind == GateKind.WorkingDaysBefore);
        Assert.Equal(10, gate.Days);
        Assert.Equal("planningMeetingDate", gate.Field);
        Assert.Equal("scheduled.dayDate", gate.OtherField);
    }

    [Fact]
    public void The_lscb_learning_review_has_its_four_phases_in_order_and_waits_for_every_agency_chronology()
    {
        var definition = Definition("lscb-learning-review");
        Assert.Equal(["Preparation", "Action", "Review", "Embed"], definition.Stages.Select(s => s.Title));

        var preparation = definition.Stages[0];
        var gate = Assert.Single(preparation.Gates, g => g.Kind == GateKind.ChronologyFromEveryAgency);
        var chronology = preparation.FindField(gate.Field!);
        Assert.NotNull(chronology);
        Assert.Equal(["agency", "received"], chronology.Columns.Select(c => c.Key));
        Assert.Equal("LeadReviewer", preparation.Fields.Single(f => f.Kind == FieldKind.Person).ReviewRole);
    }

    [Fact]
    public void The_thematic_review_covers_several_families()
    {
        Assert.True(Definition("thematic-review").MultipleCases);
    }

    [Fact]
    public void The_desktop_review_can_gather_more_information_and_meet_again()
    {
        var definition = Definition("desktop-review");
        var repeatable = Assert.Single(definition.Stages, s => s.Repeatable);
        // Sending back from the next stage is what opens a new cycle, so there must be one.
        Assert.NotNull(definition.StageAfter(repeatable.Key));
    }
}
