using System.Globalization;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>Reads the three boxes of a GOV.UK date input (day, month, year) into a date.</summary>
public static class GovUkDate
{
    /// <returns>False when any part is missing, not a number, or the three do not make a real date.</returns>
    public static bool TryRead(string? day, string? month, string? year, out DateOnly date)
    {
        date = default;
        if (!int.TryParse(day?.Trim(), CultureInfo.InvariantCulture, out var d) || !int.TryParse(month?.Trim(), CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(year?.Trim(), CultureInfo.InvariantCulture, out var y) || y < 1900 || y > 2100
            || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }
        date = new DateOnly(y, m, d);
        return true;
    }
}
