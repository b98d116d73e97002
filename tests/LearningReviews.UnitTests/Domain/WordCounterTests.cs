using LearningReviews.Domain.Text;

namespace LearningReviews.UnitTests.Domain;

public sealed class WordCounterTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("one", 1)]
    [InlineData("child-centred practice", 2)]
    [InlineData("  leading and trailing  ", 3)]
    [InlineData("line one\nline two\r\n\r\nline three", 6)]
    [InlineData("3 – 4 visits", 4)]
    [InlineData("don’t “quote” me", 3)]
    public void Counts_words_as_a_word_processor_does(string? text, int expected)
    {
        Assert.Equal(expected, WordCounter.Count(text));
    }
}
