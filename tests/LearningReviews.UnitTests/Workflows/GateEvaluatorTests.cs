using System.Text.Json.Nodes;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;

namespace LearningReviews.UnitTests.Workflows;

/// <summary>Each gate kind refuses when its rule does not hold, and says what is missing in plain words.</summary>
public sealed class GateEvaluatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23); // a Monday
    private readonly GateEvaluator _gates = new(new WorkingDayCalendar([]));

    private static StageDefinition Stage(params GateDefinition[] gates) => new()
    {
        Key = "stage",
        Title = "Stage",
        Actors = new StageActors { Roles = ["Team Manager"] },
        Fields =
        [
            new FieldDefinition { Key = "summary", Label = "Summary", Kind = FieldKind.LongText, Required = true },
            new FieldDefinition { Key = "notes", Label = "Notes", Kind = FieldKind.LongText },
            new FieldDefinition { Key = "meetingAt", Label = "Meeting", Kind = FieldKind.DateTime },
            new FieldDefinition { Key = "planning", Label = "Planning meeting", Kind = FieldKind.Date },
            new FieldDefinition { Key = "day", Label = "The day", Kind = FieldKind.Date },
            new FieldDefinition { Key = "decision", Label = "Decision", Kind = FieldKind.SingleChoice, Options = [new("agreed", "Agreed"), new("declined", "Declined")] },
            new FieldDefinition
            {
                Key = "chronologies", Label = "Chronologies", Kind = FieldKind.Rows,
                Columns = [new FieldDefinition { Key = "agency", Label = "Agency", Kind = FieldKind.ShortText }, new FieldDefinition { Key = "received", Label = "Received", Kind = FieldKind.Date }],
            },
        ],
        Checklist = [new ChecklistItem("groundRules", "Ground rules agreed")],
        Gates = gates,
    };

    private static ReviewState State(StageDefinition stage, JsonObject? answers = null, string[]? ticked = null,
        ParticipantFacts[]? participants = null, int learningPoints = 0, ActionFacts[]? actions = null) => new()
    {
        Definition = new WorkflowDefinition { Key = "k", Version = 1, Name = "n", Stages = [stage] },
        CurrentStageKey = stage.Key,
        Answers = new Dictionary<string, StageAnswers> { [stage.Key] = new(answers, ticked) },
        Participants = participants ?? [],
        LearningPointCount = learningPoints,
        Actions = actions ?? [],
        Today = Today,
        Now = Today.ToDateTime(new TimeOnly(12, 0)),
    };

    private IReadOnlyList<string> Missing(StageDefinition stage, ReviewState state) => _gates.Missing(stage, state);

    [Fact]
    public void Required_fields_and_checklist_must_be_complete()
    {
        var stage = Stage(new GateDefinition { Kind = GateKind.RequiredFieldsComplete });
        Assert.Equal(["Answer 'Summary'", "Confirm 'Ground rules agreed'"], Missing(stage, State(stage)));
        Assert.Empty(Missing(stage, State(stage, new JsonObject { ["summary"] = "Done" }, ["groundRules"])));
    }

    [Fact]
    public void A_field_required_when_another_has_an_answer_is_asked_for_only_then()
    {
        var stage = new StageDefinition
        {
            Key = "stage", Title = "Stage", Actors = new StageActors { Roles = ["Team Manager"] },
            Fields =
            [
                new FieldDefinition { Key = "gathered", Label = "Views gathered?", Kind = FieldKind.YesNo, Required = true },
                new FieldDefinition { Key = "whyNot", Label = "Why not", Kind = FieldKind.LongText, RequiredWhen = new RequiredWhen("gathered", "no") },
            ],
            Gates = [new GateDefinition { Kind = GateKind.RequiredFieldsComplete }],
        };
        Assert.Empty(Missing(stage, State(stage, new JsonObject { ["gathered"] = "yes" })));
        Assert.Equal(["Answer 'Why not'"], Missing(stage, State(stage, new JsonObject { ["gathered"] = "no" })));
        Assert.Empty(Missing(stage, State(stage, new JsonObject { ["gathered"] = "no", ["whyNot"] = "The family moved away" })));
    }

    [Fact]
    public void Participants_in_a_review_role_are_counted_at_least_or_exactly()
    {
        var atLeast = Stage(new GateDefinition { Kind = GateKind.Participants, Role = "Learner", Count = 2 });
        var one = new ParticipantFacts("Learner", "u1", "Ann", null, null);
        Assert.Equal(["Add at least 2 learners to the review"], Missing(atLeast, State(atLeast, participants: [one])));
        Assert.Empty(Missing(atLeast, State(atLeast, participants: [one, one with { UserId = "u2" }])));

        var exactly = Stage(new GateDefinition { Kind = GateKind.Participants, Role = "Facilitator", Count = 1, Exactly = true });
        var facilitator = new ParticipantFacts("Facilitator", "f1", "Fran", null, null);
        Assert.Single(Missing(exactly, State(exactly, participants: [facilitator, facilitator with { UserId = "f2" }])));
    }

    [Fact]
    public void A_meeting_must_be_booked_and_then_held()
    {
        var booked = Stage(new GateDefinition { Kind = GateKind.MeetingBooked, Field = "meetingAt" });
        var held = Stage(new GateDefinition { Kind = GateKind.MeetingHeld, Field = "meetingAt" });
        Assert.Single(Missing(booked, State(booked)));
        var tomorrow = new JsonObject { ["meetingAt"] = "2026-11-24T10:00" };
        Assert.Empty(Missing(booked, State(booked, tomorrow)));
        Assert.Equal(["The meeting booked for 24 November 2026 at 10:00 has not happened yet"], Missing(held, State(held, tomorrow)));
        Assert.Empty(Missing(held, State(held, new JsonObject { ["meetingAt"] = "2026-11-23T09:30" })));
    }

    [Fact]
    public void Required_documents_must_be_present()
    {
        var stage = Stage(new GateDefinition { Kind = GateKind.DocumentsPresent, Fields = ["summary", "chronologies"] });
        Assert.Equal(["Provide 'Chronologies'"], Missing(stage, State(stage, new JsonObject { ["summary"] = "Attached" })));
    }

    [Fact]
    public void A_chronology_is_needed_from_every_agency_involved()
    {
        var stage = Stage(new GateDefinition { Kind = GateKind.ChronologyFromEveryAgency, Field = "chronologies" });
        ParticipantFacts[] people = [new("AgencyRepresentative", null, "PC Jones", null, "Police"), new("AgencyRepresentative", null, "Dr Ray", null, "Health")];
        var onlyPolice = new JsonObject { ["chronologies"] = new JsonArray(new JsonObject { ["agency"] = "Police", ["received"] = "2026-11-01" }, new JsonObject { ["agency"] = "Health" }) };
        Assert.Equal(["Record the chronology received from Health"], Missing(stage, State(stage, onlyPolice, participants: people)));
        Assert.Equal(["Add the agencies involved, with their representatives, to the review"], Missing(stage, State(stage)));
    }

    [Fact]
    public void Learning_points_are_counted_at_least_or_exactly()
    {
        var three = Stage(new GateDefinition { Kind = GateKind.LearningPoints, Count = 3, Exactly = true });
        Assert.Equal(["Record exactly 3 learning points (there are 4)"], Missing(three, State(three, learningPoints: 4)));
        Assert.Empty(Missing(three, State(three, learningPoints: 3)));
        var one = Stage(new GateDefinition { Kind = GateKind.LearningPoints, Count = 1 });
        Assert.Equal(["Record at least 1 learning point"], Missing(one, State(one)));
    }

    [Fact]
    public void Every_action_needs_an_owner_and_a_due_date()
    {
        var stage = Stage(new GateDefinition { Kind = GateKind.ActionsHaveOwnerAndDueDate });
        var missing = Missing(stage, State(stage, actions: [new ActionFacts(true, Today), new ActionFacts(false, Today), new ActionFacts(true, null)]));
        Assert.Equal(["Give every action an owner and a due date (2 have not)"], missing);
        Assert.Empty(Missing(stage, State(stage, actions: [new ActionFacts(true, Today)])));
    }

    [Fact]
    public void A_date_must_be_enough_working_days_before_another()
    {
        var stage = Stage(new GateDefinition { Kind = GateKind.WorkingDaysBefore, Field = "planning", OtherField = "day", Days = 10 });
        // 10 working days after Friday 27 March 2026 skips Good Friday (3 April) and Easter Monday (6 April): Tuesday 14 April.
        var tooLate = new JsonObject { ["planning"] = "2026-03-27", ["day"] = "2026-04-13" };
        var inTime = new JsonObject { ["planning"] = "2026-03-27", ["day"] = "2026-04-14" };
        Assert.Equal(["'Planning meeting' must be at least 10 working days before 'The day'"], Missing(stage, State(stage, tooLate)));
        Assert.Empty(Missing(stage, State(stage, inTime)));
    }

    [Fact]
    public void The_facilitator_must_be_independent_of_the_professionals_involved()
    {
        var stage = Stage(new GateDefinition { Kind = GateKind.FacilitatorIndependent, Role = "Practitioner" });
        var facilitator = new ParticipantFacts("Facilitator", "u7", "Fran Ellis", "fran@example.org", null);
        var sameEmail = new ParticipantFacts("Practitioner", null, "F. Ellis", "FRAN@example.org", null);
        var other = new ParticipantFacts("Practitioner", "u8", "Priya Shah", null, null);
        Assert.Single(Missing(stage, State(stage, participants: [facilitator, sameEmail, other])));
        Assert.Empty(Missing(stage, State(stage, participants: [facilitator, other])));
        Assert.Equal(["Assign an independent facilitator"], Missing(stage, State(stage, participants: [other])));
        // Nor may the facilitator be the person who requested the review (its Proposer).
        var requester = new ParticipantFacts("Proposer", "u7", "Fran Ellis", "fran@example.org", null);
        Assert.Equal(["The independent facilitator cannot be Fran Ellis, who requested the learning conversation: choose someone independent of the family's professionals"],
            Missing(stage, State(stage, participants: [facilitator, requester, other])));
    }

    [Fact]
    public void An_answer_must_be_the_one_the_gate_expects_and_a_custom_message_replaces_the_default()
    {
        var stage = Stage(new GateDefinition { Kind = GateKind.AnswerIs, Field = "decision", Value = "agreed", Message = "Not agreed yet" });
        Assert.Equal(["Not agreed yet"], Missing(stage, State(stage, new JsonObject { ["decision"] = "declined" })));
        Assert.Empty(Missing(stage, State(stage, new JsonObject { ["decision"] = "agreed" })));
    }

    /// <summary>The circle preparation stage of 000, as its definition words it: eight questions and six gates.</summary>
    private static StageDefinition CirclePreparation() => new()
    {
        Key = "preparation", Title = "Before the learning circle", Actors = new StageActors { Roles = ["Team Manager"] },
        Fields =
        [
            new FieldDefinition { Key = "practitionersNotified", Label = "Date the practitioners were notified", Kind = FieldKind.Date, Required = true },
            new FieldDefinition { Key = "practitioners", Label = "Practitioners working with the child", Kind = FieldKind.People, Required = true, ReviewRole = "Practitioner" },
            new FieldDefinition { Key = "summaryUpToDate", Label = "Is there an up-to-date summary on the child's record?", Kind = FieldKind.YesNo, Required = true },
            new FieldDefinition
            {
                Key = "chronology", Label = "Chronology of key events", Kind = FieldKind.Rows, Required = true,
                Columns = [new FieldDefinition { Key = "date", Label = "Date", Kind = FieldKind.Date }, new FieldDefinition { Key = "event", Label = "Event", Kind = FieldKind.ShortText }],
            },
            new FieldDefinition { Key = "learners", Label = "Learners", Kind = FieldKind.People, Required = true, ReviewRole = "Learner" },
            new FieldDefinition { Key = "circleAt", Label = "Date and time of the learning circle", Kind = FieldKind.DateTime, Required = true },
            new FieldDefinition { Key = "venue", Label = "Room or virtual link", Kind = FieldKind.ShortText, Required = true },
            new FieldDefinition { Key = "invitationsSent", Label = "Date invitations and documents were circulated to learners", Kind = FieldKind.Date, Required = true },
        ],
        Gates =
        [
            new GateDefinition { Kind = GateKind.RequiredFieldsComplete },
            new GateDefinition { Kind = GateKind.AnswerIs, Field = "summaryUpToDate", Value = "yes", Message = "The summary on the child's record is not up to date" },
            new GateDefinition { Kind = GateKind.DocumentsPresent, Fields = ["summaryUpToDate", "chronology"] },
            new GateDefinition { Kind = GateKind.Participants, Role = "Practitioner", Count = 1 },
            new GateDefinition { Kind = GateKind.Participants, Role = "Learner", Count = 1 },
            new GateDefinition { Kind = GateKind.MeetingBooked, Field = "circleAt" },
        ],
    };

    [Fact]
    public void The_missing_list_has_one_line_per_unanswered_question_and_nothing_about_answers_not_given()
    {
        var stage = CirclePreparation();
        var missing = Missing(stage, State(stage));
        Assert.Equal(stage.Fields.Select(f => $"Answer '{f.Label}'"), missing);
        Assert.DoesNotContain(missing, line => line.Contains("not up to date", StringComparison.Ordinal));
        // The gates still hold the stage back: one line each does not mean fewer rules.
        Assert.All(_gates.Evaluate(stage, State(stage)), result => Assert.False(result.Holds));
    }

    [Fact]
    public void A_wrong_answer_is_said_once_in_the_definition_s_own_words()
    {
        var stage = CirclePreparation();
        var answers = new JsonObject
        {
            ["practitionersNotified"] = "2026-11-02", ["practitioners"] = new JsonArray("p1"), ["summaryUpToDate"] = "no",
            ["chronology"] = new JsonArray(new JsonObject { ["date"] = "2026-10-01", ["event"] = "Referral" }),
            ["learners"] = new JsonArray("l1"), ["circleAt"] = "2026-12-01T10:00", ["venue"] = "Room 2", ["invitationsSent"] = "2026-11-20",
        };
        ParticipantFacts[] people = [new("Practitioner", "p1", "Pat", null, null), new("Learner", "l1", "Lee", null, null)];
        // "No" fails both the answerIs gate and the documentsPresent gate: the first gate's words are the one line.
        Assert.Equal(["The summary on the child's record is not up to date"], Missing(stage, State(stage, answers, participants: people)));
        answers["summaryUpToDate"] = "yes";
        Assert.Empty(Missing(stage, State(stage, answers, participants: people)));
    }

    [Fact]
    public void People_chosen_on_the_form_but_not_yet_in_the_review_are_still_counted_by_their_own_gate()
    {
        // The people question is answered, so the participants gate speaks for itself.
        var stage = CirclePreparation();
        var answers = new JsonObject { ["learners"] = new JsonArray("l1") };
        Assert.Contains("Add at least 1 learner to the review", Missing(stage, State(stage, answers)));
    }

    [Fact]
    public void People_added_from_the_participants_page_satisfy_their_gate_before_the_form_is_saved()
    {
        // A learner added on the participants page: the learners gate holds though the question is unanswered
        // (the required-field gate still asks for it); the practitioners gate, with nobody, asks the question once.
        var stage = CirclePreparation();
        var state = State(stage, participants: [new("Learner", "l1", "Lee", null, null)]);
        var results = _gates.Evaluate(stage, state);
        Assert.True(Assert.Single(results, r => r.Gate.Role == "Learner").Holds);
        Assert.Equal(["Answer 'Practitioners working with the child'"], Assert.Single(results, r => r.Gate.Role == "Practitioner").Missing);
        Assert.DoesNotContain(Missing(stage, state), line => line.StartsWith("Add at least", StringComparison.Ordinal));
    }

    [Fact]
    public void A_section_of_prompts_needs_something_recorded_under_at_least_one_of_them()
    {
        var stage = new StageDefinition
        {
            Key = "conversation", Title = "Learning conversation", Actors = new StageActors { ReviewRoles = ["Facilitator"] },
            Fields =
            [
                new FieldDefinition { Key = "whyHere", Label = "Why we are here", Kind = FieldKind.LongText },
                new FieldDefinition { Key = "familySay", Label = "What do the family say?", Kind = FieldKind.LongText },
                new FieldDefinition { Key = "solutions", Label = "What solutions can we identify?", Kind = FieldKind.LongText },
                new FieldDefinition { Key = "points", Label = "What three learning points can we take forward?", Kind = FieldKind.LearningPoints, Required = true },
            ],
            Sections =
            [
                new FieldSection { Key = "purpose", Title = "Purpose", Fields = ["whyHere", "familySay"], AtLeastOne = true },
                new FieldSection { Key = "strategies", Title = "Strategies & Tools", Fields = ["solutions"], AtLeastOne = true },
                new FieldSection { Key = "reflect", Title = "Review & Reflect", Fields = ["points"], AtLeastOne = true },
            ],
            Gates = [new GateDefinition { Kind = GateKind.RequiredFieldsComplete }, new GateDefinition { Kind = GateKind.LearningPoints, Count = 3, Exactly = true }],
        };
        Assert.Equal(
            ["Answer 'What three learning points can we take forward?'", "Record something under 'Purpose'", "Record something under 'Strategies & Tools'",
             "Record something under 'Review & Reflect'"],
            Missing(stage, State(stage)));
        var some = new JsonObject { ["familySay"] = "They want the school involved", ["solutions"] = "A joint visit" };
        Assert.Empty(Missing(stage, State(stage, some, learningPoints: 3)));
        Assert.Equal(["Record exactly 3 learning points (there are 2)"], Missing(stage, State(stage, some, learningPoints: 2)));
    }
}
