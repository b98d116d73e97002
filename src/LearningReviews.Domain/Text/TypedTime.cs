using System.Globalization;
using System.Text.RegularExpressions;

namespace LearningReviews.Domain.Text;

/// <summary>
/// Reads a time of day as people write it in a meeting's notes: "10am", "2.15pm", "10.30", "10:30",
/// "14:30", "1430", "noon". A time that could be read two ways ("2.30": the small hours or the
/// afternoon? "9": which minutes, morning or evening?) is refused with a message saying how to write
/// it, rather than guessed: a learning circle booked for 02:30 would mislead everyone invited.
/// </summary>
/// <remarks>
/// The rules, in order:
/// <list type="bullet">
/// <item>"noon" or "midday" is 12:00. "midnight" is refused: it is not clear which day it ends or starts.</item>
/// <item>With am or pm ("10am", "10 a.m.", "2.15pm", "12:30pm"): hours 1 to 12, minutes after ":" or ".".</item>
/// <item>Without: hours and minutes after ":" or "." ("10.30", "14:30"), or four figures ("1430"), read on
/// the 24-hour clock. An hour from 1 to 7 with no leading zero ("2.30") is refused as ambiguous; "02:30" is
/// the small hours.</item>
/// <item>An hour alone ("10", "14") is refused: write "10am" or "14:00".</item>
/// </list>
/// </remarks>
public static partial class TypedTime
{
    /// <summary>How the hint and every error show the accepted forms.</summary>
    public const string Examples = "10am, 2.30pm or 14:30";

    /// <returns>The time, or null with <paramref name="problem"/> saying, for the label given, what to type instead.</returns>
    public static TimeOnly? Read(string? typed, string label, out string? problem)
    {
        problem = null;
        var text = (typed ?? "").Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("a.m.", "am", StringComparison.Ordinal)
            .Replace("p.m.", "pm", StringComparison.Ordinal).Replace("a.m", "am", StringComparison.Ordinal).Replace("p.m", "pm", StringComparison.Ordinal);
        if (text is "noon" or "midday" or "12noon" or "12midday") return new TimeOnly(12, 0);
        if (text == "midnight")
        {
            problem = $"Enter the time of '{label}' as 00:00 (the start of the day) or 23:59 (the end of the day)";
            return null;
        }

        var twelveHour = TwelveHour().Match(text);
        if (twelveHour.Success)
        {
            var hour = int.Parse(twelveHour.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = twelveHour.Groups["m"].Success ? int.Parse(twelveHour.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hour is < 1 or > 12 || minute > 59) return Refuse(label, out problem);
            var pm = twelveHour.Groups["half"].Value == "pm";
            return new TimeOnly(hour % 12 + (pm ? 12 : 0), minute);
        }

        var clock = TwentyFourHour().Match(text);
        if (clock.Success)
        {
            var hourText = clock.Groups["h"].Value;
            var hour = int.Parse(hourText, CultureInfo.InvariantCulture);
            var minute = int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (hour > 23 || minute > 59) return Refuse(label, out problem);
            if (hour is >= 1 and <= 7 && hourText.Length == 1)
            {
                var written = $"{hour}:{minute:00}";
                problem = $"Enter whether the time of '{label}' is in the morning or the afternoon, like {written}am or {written}pm";
                return null;
            }
            return new TimeOnly(hour, minute);
        }

        if (HourAlone().IsMatch(text))
        {
            problem = $"Enter the time of '{label}' with am or pm, or as hours and minutes: like {Examples}";
            return null;
        }
        return Refuse(label, out problem);
    }

    private static TimeOnly? Refuse(string label, out string? problem)
    {
        problem = $"Enter the time of '{label}' like {Examples}";
        return null;
    }

    // [0-9], not \d: \d matches the digits of every script, which int.Parse does not read.
    [GeneratedRegex(@"^(?<h>[0-9]{1,2})(?:[:.](?<m>[0-9]{2}))?(?<half>am|pm)$", RegexOptions.CultureInvariant)]
    private static partial Regex TwelveHour();

    [GeneratedRegex(@"^(?:(?<h>[0-9]{1,2})[:.](?<m>[0-9]{2})|(?<h>[0-9]{2})(?<m>[0-9]{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex TwentyFourHour();

    [GeneratedRegex(@"^[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex HourAlone();
}
