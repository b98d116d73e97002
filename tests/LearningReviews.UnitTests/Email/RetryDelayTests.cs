using LearningReviews.Infrastructure.Email;

namespace LearningReviews.UnitTests.Email;

public sealed class RetryDelayTests
{
    [Fact]
    public void The_wait_after_each_failure_doubles_up_to_the_configured_cap()
    {
        var options = new DispatchOptions { FirstRetryDelaySeconds = 60, MaxRetryDelayMinutes = 10 };

        Assert.Equal(TimeSpan.FromMinutes(1), options.RetryDelayAfter(1));
        Assert.Equal(TimeSpan.FromMinutes(2), options.RetryDelayAfter(2));
        Assert.Equal(TimeSpan.FromMinutes(4), options.RetryDelayAfter(3));
        Assert.Equal(TimeSpan.FromMinutes(8), options.RetryDelayAfter(4));
        Assert.Equal(TimeSpan.FromMinutes(10), options.RetryDelayAfter(5));
        Assert.Equal(TimeSpan.FromMinutes(10), options.RetryDelayAfter(40));
    }
}
