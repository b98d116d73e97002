using System.Text.Json.Nodes;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Files;
using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;

namespace LearningReviews.UnitTests.Workflows;

/// <summary>
/// Gates over fields that read the review's records: a meeting's date is its booking, a document field is
/// answered by an upload (or its circulation), attendance by the register, a chronology by entries in the app.
/// </summary>
public sealed class RecordGatesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23); // a Monday
    private readonly GateEvaluator _gates = new(new WorkingDayCalendar([]));

    private static StageDefinition Stage(params GateDefinition[] gates) => new()
    {
        Key = "preparation",
        Title = "Before the learning circle",
        Actors = new StageActors { Roles = ["Team Manager"] },
        Fields =
        [
            new FieldDefinition { Key = "circleAt", Label = "Date and time of the learning circle", Kind = FieldKind.DateTime, Required = true, Meeting = MeetingKind.LearningCircle },
            new FieldDefinition { Key = "dayDate", Label = "Date of the day", Kind = FieldKind.Date, Meeting = MeetingKind.PracticeLearningDay },
            new FieldDefinition
            {
                Key = "chronology", Label = "Chronology of key events", Kind = FieldKind.Rows, Required = true, Document = DocumentKind.Chronology,
                Columns = [new FieldDefinition { Key = "date", Label = "Date", Kind = FieldKind.Date }, new FieldDefinition { Key = "event", Label = "Event", Kind = FieldKind.ShortText }],
            },
            new FieldDefinition { Key = "circulatedOn", Label = "Date the briefing was circulated", Kind = FieldKind.Date, Document = DocumentKind.Briefing, Circulated = true },
            new FieldDefinition
            {
                Key = "attendance", Label = "Attendance", Kind = FieldKind.Rows,
                Columns = [new FieldDefinition { Key = "name", Label = "Name", Kind = FieldKind.ShortText }, new FieldDefinition { Key = "attended", Label = "Attended", Kind = FieldKind.SingleChoice, Options = [new("yes", "Attended")] }],
            },
            new FieldDefinition
            {
                Key = "chronologies", Label = "Chronologies", Kind = FieldKind.Rows,
                Columns = [new FieldDefinition { Key = "agency", Label = "Agency", Kind = FieldKind.ShortText }, new FieldDefinition { Key = "received", Label = "Received", Kind = FieldKind.Date }],
            },
        ],
        Gates = gates,
    };

    private static ReviewState State(StageDefinition stage, ReviewRecords? records = null, JsonObject? answers = null, ParticipantFacts[]? participants = null) => new()
    {
        Definition = new WorkflowDefinition { Key = "k", Version = 1, Name = "n", Stages = [stage] },
        CurrentStageKey = stage.Key,
        Answers = new Dictionary<string, StageAnswers> { [stage.Key] = new(answers) },
        Participants = participants ?? [],
        Records = records ?? ReviewRecords.None,
        Today = Today,
        Now = Today.ToDateTime(new TimeOnly(12, 0)),
    };

    private static MeetingFacts Circle(DateOnly date, int hour = 10, bool registerTaken = false) =>
        new(Guid.NewGuid(), MeetingKind.LearningCircle, date, new TimeOnly(hour, 0), "Room 4", false, 5, 3, registerTaken);

    private IReadOnlyList<string> Missing(StageDefinition stage, ReviewState state) => _gates.Missing(stage, state);

    [Fact]
    public void A_circle_not_booked_is_asked_for_once_as_a_booking_whatever_was_typed()
    {
        var stage = Stage(new GateDefinition { Kind = GateKind.RequiredFieldsComplete }, new GateDefinition { Kind = GateKind.MeetingBooked, Field = "circleAt" });
        // A date typed by hand before the field read bookings no longer books the circle.
        var typed = new JsonObject { ["circleAt"] = "2026-11-30T10:00", ["chronology"] = new JsonArray(new JsonObject { ["event"] = "Referral" }) };
        Assert.Equal(["Book the learning circle"], Missing(stage, State(stage, answers: typed)));
    }

    [Fact]
    public void A_booked_circle_answers_the_field_and_must_then_be_held()
    {
        var booked = Stage(new GateDefinition { Kind = GateKind.MeetingBooked, Field = "circleAt" });
        var held = Stage(new GateDefinition { Kind = GateKind.MeetingHeld, Field = "circleAt" });
        var nextWeek = new ReviewRecords { Meetings = [Circle(new DateOnly(2026, 11, 2)), Circle(new DateOnly(2026, 12, 3))] };
        Assert.Empty(Missing(booked, State(booked, nextWeek)));
        // The latest booking is the one read: the earlier circle is not the one awaited.
        Assert.Equal(["The learning circle booked for 3 December 2026 at 10:00 has not happened yet"], Missing(held, State(held, nextWeek)));
        Assert.Equal("2026-12-03T10:00", State(held, nextWeek).AnswersFor("preparation").Text("circleAt"));
        var thisMorning = new ReviewRecords { Meetings = [Circle(Today, hour: 9)] };
        Assert.Empty(Missing(held, State(held, thisMorning)));
    }

    [Fact]
    public void A_meeting_on_a_date_field_answers_with_its_date()
    {
        var day = new MeetingFacts(Guid.NewGuid(), MeetingKind.PracticeLearningDay, new DateOnly(2027, 1, 12), new TimeOnly(9, 0), null, false, 0, 0, false);
        var stage = Stage(new GateDefinition { Kind = GateKind.MeetingHeld, Field = "dayDate" });
        Assert.Equal(["Book the practice learning day"], Missing(stage, State(stage)));
        var state = State(stage, new ReviewRecords { Meetings = [day] });
        Assert.Equal("2027-01-12", state.AnswersFor("preparation").Text("dayDate"));
        Assert.Equal(["The practice learning day booked for 12 January 2027 has not happened yet"], Missing(stage, state));
    }

    [Fact]
    public void Attendance_is_recorded_by_the_register_or_by_the_rows_kept_on_paper()
    {
        var stage = Stage(new GateDefinition { Kind = GateKind.AttendanceRecorded, Meeting = MeetingKind.LearningCircle, Field = "attendance" });
        var notTaken = new ReviewRecords { Meetings = [Circle(new DateOnly(2026, 11, 20))] };
        Assert.Equal(["Record who came to the learning circle: take the register on its meeting page"], Missing(stage, State(stage, notTaken)));
        Assert.Empty(Missing(stage, State(stage, new ReviewRecords { Meetings = [Circle(new DateOnly(2026, 11, 20), registerTaken: true)] })));
        var rows = new JsonObject { ["attendance"] = new JsonArray(new JsonObject { ["name"] = "Sam", ["attended"] = "yes" }) };
        Assert.Empty(Missing(stage, State(stage, notTaken, rows)));
    }

    [Fact]
    public void An_uploaded_chronology_answers_the_chronology_question()
    {
        var stage = Stage(new GateDefinition { Kind = GateKind.DocumentsPresent, Fields = ["chronology"] });
        Assert.Equal(["Upload the chronology to the review's documents, or record 'Chronology of key events'"], Missing(stage, State(stage)));
        var uploaded = new ReviewRecords { Documents = [new DocumentFacts(Guid.NewGuid(), DocumentKind.Chronology, "Key events", new DateOnly(2026, 11, 2), null)] };
        Assert.Empty(Missing(stage, State(stage, uploaded)));
        // Rows typed for a chronology that came on paper still count.
        var typed = new JsonObject { ["chronology"] = new JsonArray(new JsonObject { ["event"] = "Referral" }) };
        Assert.Empty(Missing(stage, State(stage, answers: typed)));
    }

    [Fact]
    public void A_circulated_document_answers_with_the_day_it_was_first_sent()
    {
        var stage = Stage(new GateDefinition { Kind = GateKind.DocumentsPresent, Fields = ["circulatedOn"] });
        var notSent = new ReviewRecords { Documents = [new DocumentFacts(Guid.NewGuid(), DocumentKind.Briefing, "Briefing", new DateOnly(2026, 11, 2), null)] };
        Assert.Equal(["Circulate the briefing from the review's documents, or enter 'Date the briefing was circulated'"], Missing(stage, State(stage, notSent)));
        var sent = new ReviewRecords { Documents = [new DocumentFacts(Guid.NewGuid(), DocumentKind.Briefing, "Briefing", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4))] };
        var state = State(stage, sent);
        Assert.Empty(Missing(stage, state));
        Assert.Equal("2026-11-04", state.AnswersFor("preparation").Text("circulatedOn"));
    }

    [Fact]
    public void An_agency_with_entries_in_the_chronology_has_sent_its_chronology()
    {
        var stage = Stage(new GateDefinition { Kind = GateKind.ChronologyFromEveryAgency, Field = "chronologies" });
        ParticipantFacts[] people = [new("AgencyRepresentative", null, "PC Jones", null, "Police"), new("AgencyRepresentative", null, "Dr Ray", null, "Health"), new("AgencyRepresentative", null, "Ann", null, "School")];
        var paper = new JsonObject { ["chronologies"] = new JsonArray(new JsonObject { ["agency"] = "Police", ["received"] = "2026-11-01" }) };
        Assert.Equal(["Record the chronology received from Health", "Record the chronology received from School"], Missing(stage, State(stage, answers: paper, participants: people)));
        var imported = new ReviewRecords { ChronologyAgencies = ["health"] };
        Assert.Equal(["Record the chronology received from School"], Missing(stage, State(stage, imported, paper, people)));
    }

    [Fact]
    public void Only_date_fields_may_name_a_meeting_and_the_attendance_gate_needs_its_kind()
    {
        const string json = """
            {
              "key": "test-review", "version": 1, "name": "Test review", "description": "A review for tests.",
              "sourceDocument": "none.txt", "mayStart": ["Team Manager"],
              "stages": [
                { "key": "first", "title": "First", "actors": { "roles": ["Team Manager"] },
                  "fields": [
                    { "key": "circleAt", "label": "Circle", "kind": "dateTime", "meeting": "learningCircle" },
                    { "key": "where", "label": "Where", "kind": "shortText", "meeting": "learningCircle" }
                  ],
                  "gates": [ { "kind": "meetingBooked", "field": "circleAt" }, { "kind": "attendanceRecorded" } ] }
              ]
            }
            """;
        var error = Assert.Throws<InvalidWorkflowDefinitionException>(() => WorkflowDefinitionLoader.Load([("broken.v1.json", json)]));
        Assert.Contains("field 'where' names a meeting kind", error.Message, StringComparison.Ordinal);
        Assert.Contains("AttendanceRecorded gate needs the meeting kind", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'circleAt'", error.Message, StringComparison.Ordinal);
    }
}
