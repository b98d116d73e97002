using LearningReviews.Domain.Reviews;
using Microsoft.Extensions.Options;

namespace LearningReviews.Web.Features.ActionReminders;

/// <summary>Bound from the "ActionReminders" configuration section (docs/action-plans.md, "Escalation and reminders").</summary>
public sealed class ActionReminderOptions
{
    public const string Section = "ActionReminders";

    /// <summary>Days after its due date that an open action is escalated to its owner (0 or 1: the first day it is overdue).</summary>
    public int EscalateToOwnerAfterDays { get; set; }

    /// <summary>Days after its due date that it goes to its agency's safeguarding lead.</summary>
    public int EscalateToAgencyLeadAfterDays { get; set; } = 14;

    /// <summary>Days after its due date that it goes to the chair(s) of the subgroup that owns the review's plan.</summary>
    public int EscalateToSubgroupChairAfterDays { get; set; } = 28;

    /// <summary>The day of the week each owner's digest of open actions goes (or the first day after it that the job runs).</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The most actions a digest lists; the link to the action plans list shows them all.</summary>
    public int DigestMaxActions { get; set; } = 50;

    public EscalationThresholds Thresholds => new(EscalateToOwnerAfterDays, EscalateToAgencyLeadAfterDays, EscalateToSubgroupChairAfterDays);
}

/// <summary>Refuses to start with thresholds out of order or negative, instead of escalating in a surprising order.</summary>
public sealed class ActionReminderOptionsValidator : IValidateOptions<ActionReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ActionReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Thresholds.Problem() is { } problem) return ValidateOptionsResult.Fail($"{ActionReminderOptions.Section}: {problem}");
        return options.DigestMaxActions < 1
            ? ValidateOptionsResult.Fail($"{ActionReminderOptions.Section}: DigestMaxActions must be at least 1")
            : ValidateOptionsResult.Success;
    }
}
