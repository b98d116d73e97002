using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Organisation;

namespace LearningReviews.Web.Features.Demo;

/// <summary>
/// The other four kinds: a Rapid Review just notified, a Learning Conversation being prepared, a
/// Practice Learning Day being planned, and an LSCB Learning Review at its first phase.
/// </summary>
internal static class EarlyHelpAndRapidDemos
{
    public static async Task AddAsync(DemoActor demo, Locality north, Locality south)
    {
        var today = demo.Today;

        await demo.ProposeAsync("bm", "rapid-review", south, null,
            "Serious incident notification: an infant was taken to hospital with an injury the carers could not explain.", "Demo child Plover");

        var conversation = await demo.ProposeAsync("tm", "learning-conversation", north, "planNotProgressing",
            "The Child in Need plan has not moved on in three meetings and school attendance is still low.", "Demo child Wagtail");
        await demo.SaveAsync("tm", conversation, "request", new DemoForm()
            .Tick("talk", "questions", "views", "whatNext")
            .Text("process", "cin").Date("agreedOn", today.AddDays(-10))
            .Choose("why", "planNotProgressing").Date("familyAwareOn", today.AddDays(-9))
            .Text("familyAwareBy", await demo.NameOfAsync("practitioner") + ", social worker"));
        await demo.AdvanceAsync("tm", conversation);

        var day = await demo.ProposeAsync("sm", "practice-learning-day", north, null,
            "The Early Support practice learning day on plans that families can follow.", "Plans that families can follow");
        await demo.BookMeetingAsync("sm", day, MeetingKind.PracticeLearningDay, today.AddDays(42), new TimeOnly(9, 30), null);
        await demo.SaveAsync("sm", day, "scheduled", new DemoForm()
            .Text("serviceArea", "Early Support North").Text("jointDay", "no")
            .Date("saveTheDateSent", today.AddMonths(-10)));
        await demo.AdvanceAsync("sm", day);

        await demo.ProposeAsync("lead", "lscb-learning-review", north, "practiceConcern",
            "Repeated police call-outs to the home were not shared with the school or the GP.", "Demo child Siskin");
    }
}
