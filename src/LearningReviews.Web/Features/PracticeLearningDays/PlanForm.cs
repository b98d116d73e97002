using System.Globalization;
using LearningReviews.Domain.Meetings;
using LearningReviews.Web.Features.Meetings;
using LearningReviews.Web.Features.Workflow;

namespace LearningReviews.Web.Features.PracticeLearningDays;

/// <summary>One day added to the year's plan: its date (the GOV.UK date input "date"), service area, whether it is joint, time and place.</summary>
public sealed class PlanDayForm
{
    public string? ServiceArea { get; set; }
    public string? Joint { get; set; }
    public string? Start { get; set; } = "9:30am";
    public string? Duration { get; set; }
    public string? Room { get; set; }
    public string? VirtualLink { get; set; }
    public Guid? ConcurrencyToken { get; set; }

    public int? ParsedDuration()
    {
        if (string.IsNullOrWhiteSpace(Duration)) return MeetingKindNames.DefaultDurationMinutes(MeetingKind.PracticeLearningDay);
        return int.TryParse(Duration.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
               && minutes is >= 15 and <= Meeting.MaxDurationMinutes ? minutes : null;
    }
}

/// <summary>The year's plan: its days, the add form (as typed), and whether days may be changed by this user.</summary>
public sealed record PlanPage(int Year, MeetingSeries? Series, PlanDayForm Form, (string Day, string Month, string Year) DateBoxes, bool MayChange)
{
    public IReadOnlyList<MeetingSlot> Days => Series?.Slots.OrderBy(s => s.Date).ToList() ?? [];
    public bool TooFew => Days.Count < PracticeLearningDayPlan.AtLeastPerYear;
    public bool NoneJoint => !Days.Any(d => d.JointWithPartners);
}

/// <summary>Save-the-dates for one planned day: accounts from the people picker and others typed as "Name, email".</summary>
public sealed record SaveTheDatesPage(int Year, MeetingSlot Day, MeetingForm Form, PeopleChoices People);
