using LearningReviews.Web.Features.ActionReminders;
using Microsoft.Extensions.Configuration;

namespace LearningReviews.UnitTests.Web;

/// <summary>The ActionReminders settings as appsettings.json gives them, and the startup check that refuses bad ones.</summary>
public sealed class ActionReminderOptionsTests
{
    private static ActionReminderOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new ActionReminderOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ActionReminderOptions.Section).Bind(options);
        return options;
    }

    [Fact]
    public void The_shipped_settings_escalate_at_0_14_and_28_days_and_send_digests_on_Monday()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var options = new ActionReminderOptions();
        var section = new ConfigurationBuilder().AddJsonFile(path).Build().GetSection(ActionReminderOptions.Section);
        Assert.Equal("14", section["EscalateToAgencyLeadAfterDays"]); // written out, so administrators see what to change
        section.Bind(options);
        Assert.Equal(new LearningReviews.Domain.Reviews.EscalationThresholds(0, 14, 28), options.Thresholds);
        Assert.Equal(DayOfWeek.Monday, options.DigestDay);
        Assert.True(new ActionReminderOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Steps_out_of_order_or_an_empty_digest_are_refused_at_startup()
    {
        var validator = new ActionReminderOptionsValidator();
        var outOfOrder = validator.Validate(null, Bind(new() { ["ActionReminders:EscalateToAgencyLeadAfterDays"] = "40" }));
        Assert.True(outOfOrder.Failed);
        Assert.Contains("ActionReminders:", outOfOrder.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, Bind(new() { ["ActionReminders:DigestMaxActions"] = "0" })).Failed);
        var friday = Bind(new() { ["ActionReminders:DigestDay"] = "Friday", ["ActionReminders:EscalateToOwnerAfterDays"] = "3" });
        Assert.Equal(DayOfWeek.Friday, friday.DigestDay);
        Assert.True(validator.Validate(null, friday).Succeeded);
    }
}
