using LearningReviews.Domain.Chronology;

namespace LearningReviews.UnitTests.Chronology;

public sealed class ChronologyAnonymiserTests
{
    private static readonly ChronologyAnonymiser Anonymiser = new(
    [
        new("Demo child Heron", "Child A"),
        new("Jo Bright", "Agency representative (Police)"),
        new("Leo Reid", "Lead author"),
    ]);

    [Fact]
    public void Whole_names_and_their_parts_are_replaced_ignoring_case()
    {
        Assert.Equal("Agency representative (Police) visited Child A; Agency representative (Police) then rang Lead author.",
            Anonymiser.Apply("Jo Bright visited demo child heron; BRIGHT then rang Leo."));
    }

    [Fact]
    public void Only_whole_words_are_replaced_and_labels_are_not_replaced_again()
    {
        Assert.Equal("Leonard met Brightman", Anonymiser.Apply("Leonard met Brightman"));
        // "Child A" contains no name, but a label holding a name part ("Lead author" has none) must never be rewritten.
        var tricky = new ChronologyAnonymiser([new("Sam Police", "Learner"), new("Ann Learner", "Chair")]);
        Assert.Equal("Learner told Chair", tricky.Apply("Sam Police told Ann Learner"));
    }

    [Fact]
    public void Cases_are_labelled_Child_A_B_and_so_on()
    {
        Assert.Equal("Child A", ChronologyAnonymiser.ChildLabel(0));
        Assert.Equal("Child B", ChronologyAnonymiser.ChildLabel(1));
        Assert.Equal("Child Z", ChronologyAnonymiser.ChildLabel(25));
        Assert.Equal("Child AA", ChronologyAnonymiser.ChildLabel(26));
    }
}
