using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Demo;

/// <summary>
/// Four Locality Learning Circles at the start, middle and end of their stages: Child A just proposed
/// (with a practitioner already added), Child B being prepared, Child C after its circle, and Child D
/// proposed in another locality, which the North accounts do not see.
/// </summary>
internal static class LocalityLearningCircleDemos
{
    private const string Key = "locality-learning-circle";

    public static async Task AddAsync(DemoActor demo, Locality north, Locality south)
    {
        var today = demo.Today;

        var childA = await demo.ProposeWithRecordNumberAsync("hol", Key, north, "escalation-of-risk",
            "Three missing episodes in six weeks; the plan has not changed since the last review.", "DEMO-A", ["Child A"]);
        await demo.AddParticipantAsync("hol", childA, "practitioner", ReviewRole.Practitioner);

        var childB = await demo.ProposeWithRecordNumberAsync("tm", Key, north, "audit-outcome",
            "Audit rated the assessment outstanding: we want to understand what made it work.", "DEMO-B", ["Child B"]);
        await AgreeAsync(demo, childB, today.AddDays(-3));

        var childC = await demo.ProposeWithRecordNumberAsync("hol", Key, north, "turning-point",
            "A move to kinship care after a long period of neglect.", "DEMO-C", ["Child C"]);
        await AgreeAsync(demo, childC, today.AddDays(-30));
        // The circle is booked on the review's meetings page; the register was taken there on the day.
        await demo.BookMeetingAsync("tm", childC, MeetingKind.LearningCircle, today.AddDays(-7), new TimeOnly(10, 0),
            "Meeting room 2, Pebblebrook Family Hub", ["practitioner", "facilitator"], attended: ["practitioner", "facilitator"]);
        await demo.SaveAsync("tm", childC, "preparation", new DemoForm()
            .Date("practitionersNotified", today.AddDays(-28)).Choose("practitioners", await demo.IdOfAsync("practitioner"))
            .Text("summaryUpToDate", "yes")
            .Date("chronology[0].date", today.AddDays(-200)).Text("chronology[0].event", "First referral from the nursery about missed meals")
            .Date("chronology[1].date", today.AddDays(-60)).Text("chronology[1].event", "Moved to live with an aunt under a kinship arrangement")
            .Choose("learners", await demo.IdOfAsync("facilitator"))
            .Text("venue", "Meeting room 2, Pebblebrook Family Hub")
            .Date("invitationsSent", today.AddDays(-21)));
        await demo.AdvanceAsync("tm", childC);
        await demo.SaveAsync("hol", childC, "circle", new DemoForm()
            .Tick("checkIn", "groundRules", "reasonsShared", "checkOut")
            .Choose("timekeeper", await demo.IdOfAsync("facilitator"))
            .Text("areasOfFocus", "What helped the move to kinship care happen when it did, and what delayed it")
            .Text("overview", "Neglect was known for two years before the kinship assessment started; once it did, it moved quickly.")
            .LearningPoint(0, "Start a kinship assessment as soon as a relative offers to help, not once proceedings begin")
            .Action(0, "Add a prompt about family offers of help to the neglect assessment template", await demo.NameOfAsync("tm"),
                today.AddDays(45), "Audit of ten neglect assessments in three months")
            .Text("attendance[0].name", await demo.NameOfAsync("practitioner")).Text("attendance[0].attended", "yes")
            .Text("attendance[1].name", await demo.NameOfAsync("facilitator")).Text("attendance[1].attended", "yes"));
        await demo.AdvanceAsync("hol", childC);

        await demo.ProposeWithRecordNumberAsync("hol", Key, south, "exceptions-reporting",
            "Dashboard shows visits overdue for four months.", "DEMO-D", ["Child D"]);
    }

    /// <summary>The Head of Locality records that the Locality Management Meeting agreed the circle.</summary>
    private static async Task AgreeAsync(DemoActor demo, Guid review, DateOnly meetingDate)
    {
        await demo.SaveAsync("hol", review, "proposal", new DemoForm().Date("meetingDate", meetingDate).Text("decision", "agreed"));
        await demo.AdvanceAsync("hol", review);
    }
}
