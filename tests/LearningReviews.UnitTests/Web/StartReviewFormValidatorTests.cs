using LearningReviews.Domain.Workflows;
using LearningReviews.Web.Features.Reviews;

namespace LearningReviews.UnitTests.Web;

public sealed class StartReviewFormValidatorTests
{
    private readonly StartReviewFormValidator _validator = new();
    private static readonly WorkflowDefinition Circle = WorkflowCatalogue.BuiltIn().Newest("locality-learning-circle")!;

    private static StartReviewForm Valid() => new()
    {
        CaseLabel = "Child A", LocalityId = Guid.NewGuid().ToString(), Reason = "turning-point", ReasonDetail = "Moved school", Definition = Circle,
    };

    [Fact]
    public void A_complete_proposal_is_valid()
    {
        Assert.True(_validator.Validate(Valid()).IsValid);
    }

    [Theory]
    [InlineData("Jayden Smith", true)]
    [InlineData("Amelia Rose Jones", true)]
    [InlineData("Child A", false)]
    [InlineData("Sibling 2", false)]
    [InlineData("Young Person B", false)]
    [InlineData("Baby C", false)]
    [InlineData("child a", false)]
    [InlineData("Ellie", false)]
    public void Labels_that_look_like_a_full_name_are_caught(string label, bool looksLikeName)
    {
        Assert.Equal(looksLikeName, StartReviewFormValidator.LooksLikeAFullName(label));
    }

    [Fact]
    public void Each_missing_answer_gets_its_own_message()
    {
        var errors = _validator.Validate(new StartReviewForm { Definition = Circle }).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        Assert.Contains((nameof(StartReviewForm.CaseLabel), "Enter a label for the child, like Child A"), errors);
        Assert.Contains((nameof(StartReviewForm.LocalityId), "Select the child's locality"), errors);
        Assert.Contains((nameof(StartReviewForm.Reason), "Select why this case is being proposed"), errors);
        Assert.Contains((nameof(StartReviewForm.ReasonDetail), "Enter what happened and what learning you hope for"), errors);
    }

    [Fact]
    public void A_field_gets_one_message_the_most_basic_problem()
    {
        var form = Valid();
        form.LocalityId = "";
        form.Reason = "";
        form.CaseLabel = "Jayden S" + new string('m', 100); // too long, and like a name
        var errors = _validator.Validate(form).Errors;
        Assert.Equal(["Select the child's locality"], errors.Where(e => e.PropertyName == nameof(StartReviewForm.LocalityId)).Select(e => e.ErrorMessage));
        Assert.Equal(["Select why this case is being proposed"], errors.Where(e => e.PropertyName == nameof(StartReviewForm.Reason)).Select(e => e.ErrorMessage));
        Assert.Equal(["The label must be 100 characters or fewer"], errors.Where(e => e.PropertyName == nameof(StartReviewForm.CaseLabel)).Select(e => e.ErrorMessage));
    }

    [Fact]
    public void A_reason_not_in_the_methodology_is_refused()
    {
        var form = Valid();
        form.Reason = "because";
        Assert.Contains(_validator.Validate(form).Errors, e => e.ErrorMessage == "Select a reason from the list");
    }

    [Fact]
    public void A_thematic_review_needs_several_families()
    {
        var thematic = WorkflowCatalogue.BuiltIn().Newest("thematic-review")!;
        var form = Valid();
        form.Definition = thematic;
        form.Reason = "goodPractice";
        form.CaseLabel = "Family A";
        Assert.Contains(_validator.Validate(form).Errors, e => e.PropertyName == nameof(StartReviewForm.OtherCaseLabels)
            && e.ErrorMessage.StartsWith("Enter at least 1 more label", StringComparison.Ordinal));

        form.OtherCaseLabels = "Family B";
        Assert.True(_validator.Validate(form).IsValid);
    }

    [Fact]
    public void A_practice_learning_day_asks_for_a_theme_which_may_look_like_a_name()
    {
        var day = WorkflowCatalogue.BuiltIn().Newest("practice-learning-day")!;
        var form = new StartReviewForm { LocalityId = Guid.NewGuid().ToString(), ReasonDetail = "Quarterly day", Definition = day };
        Assert.Contains(_validator.Validate(form).Errors, e => e.ErrorMessage == "Enter the theme of the day");
        form.CaseLabel = "Domestic Abuse";
        Assert.True(_validator.Validate(form).IsValid);
    }
}
