using System.Text.Json.Nodes;
using LearningReviews.Domain.Access;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;
using LearningReviews.Web.Features.Reviews;

namespace LearningReviews.UnitTests.Web;

public sealed class FamilyRedactionTests
{
    private static readonly WorkflowDefinition Thematic = WorkflowDefinitionLoader.LoadBuiltIn().Single(d => d.Key == "thematic-review");

    /// <summary>The demo's thematic review: Priya tied to Curlew; Ola tied to Osprey; Lee leading the whole review.</summary>
    private static (Review Review, UserContext Priya, UserContext Lee) DemoReview()
    {
        var osprey = new Case { Label = "Demo family Osprey", CaseRecordNumber = "CR-40417" };
        var curlew = new Case { Label = "Demo family Curlew", CaseRecordNumber = "CR-55120" };
        var review = new Review
        {
            Title = "Thematic Review: Demo family Curlew, Demo family Osprey", MethodologyKey = "thematic-review",
            ReasonSelected = "serviceImprovement", ReasonDetail = "", CurrentStageKey = "scoping", Reference = "LR-1",
        };
        review.Cases.Add(new ReviewCase { ReviewId = review.Id, CaseId = osprey.Id, Case = osprey });
        review.Cases.Add(new ReviewCase { ReviewId = review.Id, CaseId = curlew.Id, Case = curlew });
        review.Participants.Add(new Participant { UserId = "priya", Name = "Priya Shah", Role = ReviewRole.Practitioner, CaseId = curlew.Id });
        review.Participants.Add(new Participant { UserId = "ola", Name = "Ola Fenwick", Role = ReviewRole.Practitioner, CaseId = osprey.Id });
        review.Participants.Add(new Participant { UserId = "lee", Name = "Lee Author", Role = ReviewRole.LeadAuthor });
        return (review, Context("priya"), Context("lee"));
    }

    private static UserContext Context(string id) => new(id, new HashSet<string>(), null);

    [Theory]
    [InlineData("Demo family Osprey was seen twice.", "[another family] was seen twice.")]
    [InlineData("demo FAMILY osprey was seen", "[another family] was seen")]
    [InlineData("The Osprey children and the Curlew children", "The [another family] children and the Curlew children")]
    [InlineData("See CR-40417 and CR-55120.", "See [another family] and CR-55120.")]
    [InlineData("Ola Fenwick spoke to Priya Shah.", "[a person in another family] spoke to Priya Shah.")]
    [InlineData("Demo family\nOsprey across a line", "[another family] across a line")]
    [InlineData("Ospreys nest; Osprey-like; Demo family Curlew", "Ospreys nest; [another family]-like; Demo family Curlew")]
    public void A_viewer_tied_to_one_family_reads_the_other_familys_names_as_markers(string written, string read)
    {
        var (review, priya, _) = DemoReview();
        Assert.Equal(read, FamilyRedaction.For(priya, review).Redact(written));
    }

    [Fact]
    public void Someone_who_sees_every_family_reads_the_text_as_written()
    {
        var (review, _, lee) = DemoReview();
        var redactor = FamilyRedaction.For(lee, review);
        Assert.False(redactor.IsActive);
        Assert.Equal("Demo family Osprey, CR-40417, Ola Fenwick", redactor.Redact("Demo family Osprey, CR-40417, Ola Fenwick"));
    }

    [Fact]
    public void What_the_viewer_may_see_is_kept_even_when_a_hidden_word_sits_inside_it()
    {
        // "Family Smith" is hidden, but not the start of the visible "Family Smith-Jones".
        var redactor = new FamilyRedactor(["Family Smith"], [], ["Family Smith-Jones"], []);
        Assert.Equal("[another family] and Family Smith-Jones; Smith said", redactor.Redact("Family Smith and Family Smith-Jones; Smith said"));
        // The distinctive word is shared with a visible label, so alone it is not taken to mean the hidden family.
        Assert.Equal("Smith said", redactor.Redact("Smith said"));
    }

    [Fact]
    public void Labels_without_a_distinctive_word_are_redacted_only_whole()
    {
        var redactor = new FamilyRedactor(["Family A", "Child B"], [], ["Family C"], []);
        Assert.Equal("[another family], [another family], a child, Family C", redactor.Redact("Family A, child b, a child, Family C"));
    }

    [Fact]
    public void Stage_answers_lose_the_other_familys_names_in_text_and_every_row_cell_and_its_people_in_person_answers()
    {
        var (review, priya, _) = DemoReview();
        var stage = Thematic.FindStage("scoping")!;
        var answers = new StageAnswers(JsonNode.Parse("""
            {"themes":[{"theme":"Neglect, as with the Osprey family"}],
             "differences":[{"case":"Demo family Curlew","differences":"Unlike Demo family Osprey"}],
             "confidentiality":"Ola Fenwick asked for CR-40417 to stay out"}
            """)!.AsObject());
        var redactor = FamilyRedaction.For(priya, review);

        var read = redactor.Redact(stage, answers);

        Assert.Equal("Neglect, as with the [another family] family", read.Rows("themes")[0]["theme"]);
        Assert.Equal("Demo family Curlew", read.Rows("differences")[0]["case"]);
        Assert.Equal("Unlike [another family]", read.Rows("differences")[0]["differences"]);
        Assert.Equal("[a person in another family] asked for [another family] to stay out", read.Text("confidentiality"));
        Assert.True(redactor.ChangesAny(review, stage, answers));
        Assert.Equal("Ola Fenwick asked for CR-40417 to stay out", answers.Text("confidentiality")); // the original is untouched

        var activities = Thematic.FindStage("activities")!;
        var people = new StageAnswers(JsonNode.Parse("""{"practitioners":["priya","ola"]}""")!.AsObject());
        Assert.Equal(["priya"], redactor.Redact(activities, people).List("practitioners"));
        Assert.True(redactor.ChangesAny(review, activities, people));
    }

    [Fact]
    public void A_stage_that_names_no_other_family_can_still_be_saved()
    {
        var (review, priya, _) = DemoReview();
        var stage = Thematic.FindStage("scoping")!;
        var answers = new StageAnswers(JsonNode.Parse("""{"confidentiality":"Demo family Curlew agreed; Priya Shah to write"}""")!.AsObject());
        Assert.False(FamilyRedaction.For(priya, review).ChangesAny(review, stage, answers));
    }
}
