using LearningReviews.Infrastructure.Identity;
using LearningReviews.Web.Features.Setup;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.Extensions.Configuration;

namespace LearningReviews.UnitTests.Web;

public sealed class SecurityRulesTests
{
    [Theory]
    [InlineData("correct horse battery staple", true)]
    [InlineData("MyPassword2026!", false)]
    [InlineData("safeguarding-is-everyone", false)]
    [InlineData("priya.shah.rules.ok", false)]
    public async Task Guessable_passwords_are_refused(string password, bool accepted)
    {
        var user = new ApplicationUser { Email = "priya.shah@example.org" };
        var result = await new CommonPasswordValidator().ValidateAsync(null!, user, password);
        Assert.Equal(accepted, result.Succeeded);
    }

    [Fact]
    public void The_setup_token_is_random_matches_only_itself_and_is_spent_once_used()
    {
        var configuration = new ConfigurationBuilder().Build();
        var first = new SetupToken(configuration);
        var second = new SetupToken(configuration);

        Assert.NotEqual(first.Value, second.Value);
        Assert.Equal(24, first.Value!.Length);
        Assert.False(first.Matches(second.Value));
        Assert.True(first.Matches(" " + first.Value + " "));

        first.Spend();
        Assert.Null(first.Value);
        Assert.False(first.Matches(""));
    }

    [Fact]
    public void A_configured_setup_token_is_used_for_automated_deployments()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LR_SETUP_TOKEN"] = "from-the-deployment" }).Build();
        Assert.True(new SetupToken(configuration).Matches("from-the-deployment"));
    }
}
