using LearningReviews.Domain.Text;

namespace LearningReviews.UnitTests.Domain;

public sealed class TypedTimeTests
{
    [Theory]
    [InlineData("10am", "10:00")]
    [InlineData("10 AM", "10:00")]
    [InlineData("10 a.m.", "10:00")]
    [InlineData("2pm", "14:00")]
    [InlineData("2.15pm", "14:15")]
    [InlineData("2:15 p.m.", "14:15")]
    [InlineData("12pm", "12:00")]
    [InlineData("12.30am", "00:30")]
    [InlineData("10.30", "10:30")]
    [InlineData("10:30", "10:30")]
    [InlineData("9:05", "09:05")]
    [InlineData("14:30", "14:30")]
    [InlineData("14.30", "14:30")]
    [InlineData("1430", "14:30")]
    [InlineData("0930", "09:30")]
    [InlineData("02:30", "02:30")]
    [InlineData("00:00", "00:00")]
    [InlineData("23:59", "23:59")]
    [InlineData(" noon ", "12:00")]
    [InlineData("Midday", "12:00")]
    public void Reads_times_as_people_write_them(string typed, string expected)
    {
        var time = TypedTime.Read(typed, "Date and time of the learning circle", out var problem);
        Assert.Null(problem);
        Assert.Equal(TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
    }

    [Theory]
    [InlineData("2.30", "Enter whether the time of 'Meeting' is in the morning or the afternoon, like 2:30am or 2:30pm")]
    [InlineData("7:45", "Enter whether the time of 'Meeting' is in the morning or the afternoon, like 7:45am or 7:45pm")]
    [InlineData("10", "Enter the time of 'Meeting' with am or pm, or as hours and minutes: like 10am, 2.30pm or 14:30")]
    [InlineData("midnight", "Enter the time of 'Meeting' as 00:00 (the start of the day) or 23:59 (the end of the day)")]
    [InlineData("13pm", "Enter the time of 'Meeting' like 10am, 2.30pm or 14:30")]
    [InlineData("0am", "Enter the time of 'Meeting' like 10am, 2.30pm or 14:30")]
    [InlineData("24:00", "Enter the time of 'Meeting' like 10am, 2.30pm or 14:30")]
    [InlineData("10:60", "Enter the time of 'Meeting' like 10am, 2.30pm or 14:30")]
    [InlineData("930", "Enter the time of 'Meeting' like 10am, 2.30pm or 14:30")]
    [InlineData("half past ten", "Enter the time of 'Meeting' like 10am, 2.30pm or 14:30")]
    [InlineData("١٠:٣٠", "Enter the time of 'Meeting' like 10am, 2.30pm or 14:30")]
    public void Refuses_what_is_ambiguous_or_not_a_time_saying_how_to_write_it(string typed, string message)
    {
        Assert.Null(TypedTime.Read(typed, "Meeting", out var problem));
        Assert.Equal(message, problem);
    }
}
