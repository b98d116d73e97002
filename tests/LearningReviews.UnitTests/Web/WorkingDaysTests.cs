using LearningReviews.Web.Features.Reviews;

namespace LearningReviews.UnitTests.Web;

/// <summary>Deadlines on the review page count working days in words that agree with the number.</summary>
public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData(1, "1 working day")]
    [InlineData(0, "0 working days")]
    [InlineData(2, "2 working days")]
    [InlineData(11, "11 working days")]
    public void One_working_day_is_singular_and_every_other_count_plural(int days, string expected) =>
        Assert.Equal(expected, WorkingDays.Count(days));
}
