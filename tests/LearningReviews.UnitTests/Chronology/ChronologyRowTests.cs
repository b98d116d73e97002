using LearningReviews.Domain.Chronology;

namespace LearningReviews.UnitTests.Chronology;

public sealed class ChronologyRowTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static ChronologyRowResult Read(string? date = "27/03/2025", string? time = "", string? what = "Home visit", string? source = "Health record",
        string? significance = "", string? key = "no") => ChronologyRow.Read(7, date, time, what, source, significance, key, Today);

    [Theory]
    [InlineData("27/03/2025")]
    [InlineData("27/3/2025")]
    [InlineData("2025-03-27")]
    [InlineData("27 March 2025")]
    [InlineData("27 Mar 2025")]
    [InlineData(" 27-3-2025 ")]
    public void Dates_are_read_day_first_or_as_ISO(string typed)
    {
        var result = Read(date: typed);
        Assert.True(result.IsGood, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal(new DateOnly(2025, 3, 27), result.Values!.Date);
    }

    [Theory]
    [InlineData("03/27/2025", "Date must be a real date, like 27/3/2025 or 2025-03-27")]
    [InlineData("31/02/2025", "Date must be a real date, like 27/3/2025 or 2025-03-27")]
    [InlineData("", "Enter the date of the event")]
    [InlineData("11/06/2026", "Date must be today or in the past")]
    public void A_date_that_is_not_real_missing_or_in_the_future_is_refused(string typed, string message)
    {
        var result = Read(date: typed);
        Assert.False(result.IsGood);
        Assert.Equal(new ChronologyProblem("Date", message), Assert.Single(result.Problems));
        Assert.Equal(7, result.RowNumber);
    }

    [Fact]
    public void Times_are_read_with_the_shared_time_parser_and_an_ambiguous_one_is_refused()
    {
        Assert.Equal(new TimeOnly(14, 30), Read(time: "2.30pm").Values!.Time);
        Assert.Null(Read(time: "").Values!.Time);
        var ambiguous = Read(time: "2.30");
        Assert.Equal("Time", Assert.Single(ambiguous.Problems).Column);
        Assert.Contains("morning or the afternoon", ambiguous.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported_not_only_the_first()
    {
        var result = Read(date: "soon", what: " ", source: "", key: "maybe", significance: new string('x', ChronologyRow.SignificanceLimit + 1));
        Assert.Equal(["Date", "What happened", "Source", "Significance", "Key practice episode"], result.Problems.Select(p => p.Column).ToList());
    }

    [Theory]
    [InlineData("Yes", true)]
    [InlineData("y", true)]
    [InlineData("", false)]
    [InlineData("No", false)]
    public void Key_practice_episode_is_yes_or_no_and_blank_means_no(string typed, bool expected) =>
        Assert.Equal(expected, Read(key: typed).Values!.KeyPracticeEpisode);
}
