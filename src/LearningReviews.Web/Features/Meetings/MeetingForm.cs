using System.Globalization;
using System.Net.Mail;
using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Text;
using LearningReviews.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>
/// Booking or changing a meeting. The date is the GOV.UK date input "date" (read from the form by the
/// controller); the start is typed as people write times ("10am", "14:30"). Invitees are accounts chosen in
/// the people picker, and people without an account typed one a line as "Name, email".
/// </summary>
public sealed class MeetingForm
{
    public const int MaxOthers = 50;

    public string? Kind { get; set; }
    public string? Start { get; set; }
    public string? Duration { get; set; }
    public string? Room { get; set; }
    public string? VirtualLink { get; set; }
    public List<string> Invitees { get; set; } = [];
    public string? Others { get; set; }
    /// <summary>Ticked after the page warned that the room is taken: book it anyway.</summary>
    public bool BookAnyway { get; set; }
    /// <summary>A free date of the locality's circle series, taken instead of typing a date, time and place.</summary>
    public Guid? SlotId { get; set; }
    public Guid? ConcurrencyToken { get; set; }

    public IEnumerable<SelectListItem> KindChoices { get; } =
        Enum.GetValues<MeetingKind>().Select(k => new SelectListItem(MeetingKindNames.Of(k), k.ToString()));

    public static MeetingForm From(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new MeetingForm
        {
            Kind = meeting.Kind.ToString(),
            Start = MeetingInvitations.Clock(meeting.Start),
            Duration = meeting.DurationMinutes.ToString(CultureInfo.InvariantCulture),
            Room = meeting.Room,
            VirtualLink = meeting.VirtualLink,
            Invitees = meeting.Invitees.Where(i => i.UserId is not null).Select(i => i.UserId!).ToList(),
            Others = string.Join("\n", meeting.Invitees.Where(i => i.UserId is null).Select(i => $"{i.Name}, {i.Email}")),
            ConcurrencyToken = meeting.ConcurrencyToken,
        };
    }

    public MeetingKind? ParsedKind() => Enum.TryParse<MeetingKind>(Kind, out var kind) && Enum.IsDefined(kind) ? kind : null;

    public TimeOnly? ParsedStart(out string? problem) => TypedTime.Read(Start, "Start time", out problem);

    /// <summary>Minutes, or the kind's default when left empty; null when not a whole number of minutes from 15 to 12 hours.</summary>
    public int? ParsedDuration(MeetingKind kind)
    {
        if (string.IsNullOrWhiteSpace(Duration)) return MeetingKindNames.DefaultDurationMinutes(kind);
        return int.TryParse(Duration.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
               && minutes is >= 15 and <= Meeting.MaxDurationMinutes ? minutes : null;
    }

    /// <summary>The people without an account, one a line as "Name, email"; the first line that is not is reported.</summary>
    public IReadOnlyList<(string Name, string Email)> ParsedOthers(out string? problem)
    {
        problem = null;
        var people = new List<(string, string)>();
        var lines = (Others ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length > MaxOthers)
        {
            problem = $"Invite at most {MaxOthers} people without an account at once";
            return people;
        }
        foreach (var line in lines)
        {
            var comma = line.LastIndexOf(',');
            var name = comma < 0 ? "" : line[..comma].Trim();
            var email = comma < 0 ? line : line[(comma + 1)..].Trim();
            if (name.Length == 0 || name.Length > 200 || email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            {
                problem = $"Write each person without an account on a line of their own as a name, a comma and their email address, like Sam Jones, sam.jones@example.org (check \"{Shorten(line)}\")";
                return people;
            }
            people.Add((name, email));
        }
        return people;
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";
}

/// <summary>The booking page: the form, the review it belongs to, and the people offered in the picker.</summary>
public sealed record MeetingFormPage(Guid ReviewId, string ReviewReference, Meeting? Existing, MeetingForm Form, PeopleChoices People,
    (string Day, string Month, string Year) DateBoxes, IReadOnlyList<Meeting> Clashes)
{
    /// <summary>Free dates booked ahead for the review's locality (a new meeting may take one).</summary>
    public IReadOnlyList<MeetingSlot> FreeSlots { get; init; } = [];

    /// <summary>The kind of meeting the free slots become (a learning circle, or a Practice Learning Day of the plan).</summary>
    public MeetingKind? SlotKind { get; init; }
}
