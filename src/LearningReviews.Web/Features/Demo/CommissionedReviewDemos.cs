using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Demo;

/// <summary>
/// The reviews the Learning and Improvement Subgroup commissions: a Desktop Review run to closure with
/// a final Outcomes Form (so the business manager has something to export), a Thematic Review of two
/// families under way, a Practitioner Learning Review gathering information, and a Single Issue Review
/// waiting to be commissioned.
/// </summary>
internal static class CommissionedReviewDemos
{
    public const string ThematicFamilyOne = "Demo family Osprey";
    public const string ThematicFamilyTwo = "Demo family Curlew";

    public static async Task AddAsync(DemoActor demo, Locality north, Locality south, Locality east)
    {
        await AddDesktopReviewAsync(demo, east);
        await AddThematicReviewAsync(demo, north);
        await AddPractitionerLearningReviewAsync(demo, north);
        await demo.ProposeAsync("bm", "single-issue-review", south, "serviceImprovement",
            "Two home visits to a family new to the area took place without an interpreter.", "Demo family Dunlin");
    }

    private static async Task AddDesktopReviewAsync(DemoActor demo, Locality east)
    {
        var today = demo.Today;
        var review = await demo.ProposeAsync("bm", "desktop-review", east, "serviceImprovement",
            "A twelve-year-old was out of school for most of a term while each agency thought another was following it up.", "Demo child Heron");

        await demo.SaveAsync("subgroup", review, "commissioning", new DemoForm()
            .Tick("authorIndependent").Date("agreedOn", today.AddDays(-70))
            .Text("scope", "How agencies responded to a long absence from school, and who was expected to follow it up.")
            .Row("kloe", 0, ("kloe", "How was the absence recorded and shared between school, early help and health?"))
            .Row("kloe", 1, ("kloe", "Who was expected to see Demo child Heron, and did anyone?"))
            .Date("informationDeadline", today.AddDays(-49)).Date("reportDeadline", today.AddDays(14))
            .Choose("leadAuthor", await demo.IdOfAsync("lead"))
            .Text("publicationRisks", "Only a summary: the school is small and the child could be recognised from the details."));
        await demo.AdvanceAsync("subgroup", review);

        await demo.SaveAsync("bm", review, "information", new DemoForm()
            .Tick("reasonsGiven", "timescaleGiven").Choose("agencyRepresentatives", await demo.IdOfAsync("agency"))
            .Row("requests", 0, ("agency", "Education")).RowDate("requests", 0, "sent", today.AddDays(-63))
            .RowDate("requests", 0, "deadline", today.AddDays(-49)).RowDate("requests", 0, "received", today.AddDays(-50))
            .Row("requests", 1, ("agency", "Early Help")).RowDate("requests", 1, "sent", today.AddDays(-63))
            .RowDate("requests", 1, "deadline", today.AddDays(-49)).RowDate("requests", 1, "received", today.AddDays(-49))
            .Row("responses", 0, ("agency", "Education"), ("goodPractice", "The attendance officer wrote home every fortnight."),
                ("doneDifferently", "Nobody visited when the letters went unanswered."),
                ("issuesOfNote", "A reduced timetable was in place but not recorded as one.")));
        await demo.AdvanceAsync("bm", review);

        await demo.SaveAsync("lead", review, "family", new DemoForm()
            .Tick("impactDiscussed").Text("decision", "notInvolved").Text("meetingOffered", "yes")
            .Text("notInvolvedReason", "The child's parent was offered a meeting with a lay member and preferred not to take part."));
        await demo.AdvanceAsync("lead", review);

        await demo.BookMeetingAsync("lead", review, MeetingKind.StaffMeeting, today.AddDays(-35), new TimeOnly(10, 0), null);
        await demo.SaveAsync("lead", review, "meeting", new DemoForm()
            .Row("attendance", 0, ("name", "Attendance officer"), ("agency", "Education"), ("attended", "yes"))
            .Row("attendance", 1, ("name", "Early help worker"), ("agency", "Early Help"), ("attended", "yes"))
            .Text("learning", "Each agency saw the absence and assumed another was leading; nobody saw the child for eleven weeks.")
            .Text("furtherInformation", "no"));
        await demo.AdvanceAsync("lead", review);

        await demo.SaveAsync("lead", review, "outcomes", new DemoForm()
            .Text("familyDetails", "Demo child Heron, aged twelve, living with one parent and an older sibling.")
            .Text("howUndertaken", "A desktop review of agency records and one staff meeting.")
            .Text("contributors", "Staff from Education and Early Help.").Date("undertakenOn", today.AddDays(-35))
            .Text("synopsis", "Demo child Heron missed most of a term; letters were sent but nobody saw the child for eleven weeks.")
            .Text("findings", "The absence was handled as an attendance matter rather than a welfare concern.")
            .LearningPoint(0, "Treat a long absence from school as a welfare concern and see the child")
            .LearningPoint(1, "Agree who leads when more than one agency is worried about the same absence")
            .Text("background", "Demo child Heron changed school at the start of the year and attendance fell from the first half term.")
            .Text("strengths", "The attendance officer kept writing; early help answered quickly once asked.")
            .Text("doBetter", "Name one lead professional as soon as two agencies are concerned about absence.")
            .Action(0, "Add a home-visit step to the attendance procedure after two unanswered letters", "Education safeguarding lead",
                today.AddDays(60), "Share of long-absence cases with a home visit")
            .Text("dissemination", "A learning bulletin and a briefing for attendance officers.")
            .Text("familyDecisions", "The parent was told of the review and chose not to take part."));
        await demo.AdvanceAsync("lead", review);

        await demo.SaveAsync("subgroup", review, "actionPlan", new DemoForm()
            .Tick("measuresImpact").Date("discussedOn", today.AddDays(-7))
            .Choose("implementation", "bulletins", "policies").Text("themes", "Absence from school; lead professional"));
        await demo.FinaliseOutcomesFormAsync("lead", review);
        await demo.AdvanceAsync("subgroup", review);

        await demo.SaveAsync("bm", review, "publication", new DemoForm()
            .Text("decision", "summary")
            .Text("risksAndBenefits", "A summary spreads the learning to schools; the full report could identify the child.")
            .Date("decidedOn", today.AddDays(-2)));
        await demo.AdvanceAsync("bm", review);
    }

    /// <summary>Two families; the practitioner is involved with one of them only, so sees only that family.</summary>
    private static async Task AddThematicReviewAsync(DemoActor demo, Locality north)
    {
        var today = demo.Today;
        var review = await demo.ProposeAsync("bm", "thematic-review", north, "serviceImprovement",
            "Two families with pre-school children where neglect built up slowly while several agencies were involved.",
            ThematicFamilyOne, ThematicFamilyTwo);

        await demo.SaveAsync("subgroup", review, "commissioning", new DemoForm()
            .Tick("authorIndependent", "subgroupAgreed").Date("agreedOn", today.AddDays(-40))
            .Text("scope", "How agencies recognised neglect that built up slowly in families with pre-school children, and acted together.")
            .Row("kloe", 0, ("kloe", "How did agencies recognise and share concerns about neglect building up over time?"))
            .Row("kloe", 1, ("kloe", "How well did escalation work between health visiting and early help?"))
            .Date("informationDeadline", today.AddDays(7)).Date("reportDeadline", today.AddDays(60))
            .Text("publicationRisks", "Only the themes could be published; the families live close together.")
            .Choose("leadAuthor", await demo.IdOfAsync("lead")));
        await demo.AdvanceAsync("subgroup", review);

        await demo.SaveAsync("lead", review, "scoping", new DemoForm()
            .Tick("dpoAdvice")
            .Row("themes", 0, ("theme", "Recognising neglect that builds up slowly"))
            .Row("themes", 1, ("theme", "Escalation between agencies"))
            .Row("differences", 0, ("case", ThematicFamilyOne), ("differences", "Two children under five; known to early help only."))
            .Row("differences", 1, ("case", ThematicFamilyTwo), ("differences", "Child protection plan for neglect; two house moves in a year."))
            .Row("agencies", 0, ("agency", "Children's Social Care")).RowDate("agencies", 0, "confirmedOn", today.AddDays(-30))
            .Row("agencies", 1, ("agency", "Health")).RowDate("agencies", 1, "confirmedOn", today.AddDays(-29))
            .Choose("activities", "analysis", "practitionerEvent")
            .Text("confidentiality", "Each family is referred to by its label only; agencies answer for each family separately."));
        await demo.AdvanceAsync("lead", review);

        await demo.AddParticipantAsync("bm", review, "practitioner", ReviewRole.Practitioner, ThematicFamilyTwo);
    }

    private static async Task AddPractitionerLearningReviewAsync(DemoActor demo, Locality north)
    {
        var today = demo.Today;
        var review = await demo.ProposeAsync("bm", "practitioner-learning-review", north, "goodPractice",
            "A baby stayed safely at home with a young parent thanks to a plan that several agencies kept going.", "Demo child Linnet");
        await demo.SaveAsync("subgroup", review, "commissioning", new DemoForm()
            .Tick("authorIndependent").Date("agreedOn", today.AddDays(-20))
            .Text("scope", "What helped agencies support a young parent to care safely for a new baby.")
            .Row("kloe", 0, ("kloe", "How was the pre-birth assessment adapted to the parent's needs?"))
            .Row("kloe", 1, ("kloe", "What kept the multi-agency plan going after the first months?"))
            .Text("appreciativeEnquiry", "yes")
            .Date("informationDeadline", today.AddDays(10)).Date("reportDeadline", today.AddDays(50))
            .Choose("leadAuthor", await demo.IdOfAsync("lead"))
            .Text("publicationRisks", "Only a summary of the good practice; the family's circumstances are unusual."));
        await demo.AdvanceAsync("subgroup", review);
        // The agency representative (Police) gives this review its agency's chronology (docs/chronology.md).
        await demo.AddParticipantAsync("bm", review, "agency", ReviewRole.AgencyRepresentative);
    }
}
