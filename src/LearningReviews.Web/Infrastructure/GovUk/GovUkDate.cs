using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>
/// Reads the three boxes of a GOV.UK date input (day, month, year) into a date. A
/// <c>&lt;govuk-date-input name="x"&gt;</c> posts them as <c>x.day</c>, <c>x.month</c> and <c>x.year</c>.
/// </summary>
public static class GovUkDate
{
    /// <summary>The posted names of the three boxes of the date input named <paramref name="name"/>.</summary>
    public static (string Day, string Month, string Year) PartNames(string name) => (name + ".day", name + ".month", name + ".year");

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

    /// <summary>The three boxes of the date input <paramref name="name"/> as typed (trimmed; empty when absent).</summary>
    public static (string Day, string Month, string Year) Typed(IFormCollection form, string name)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (day, month, year) = PartNames(name);
        return (form[day].ToString().Trim(), form[month].ToString().Trim(), form[year].ToString().Trim());
    }

    /// <summary>
    /// The three boxes of the date input <paramref name="name"/> from a query string, for a GET form
    /// such as a page's filters (trimmed; empty when absent).
    /// </summary>
    public static (string Day, string Month, string Year) Typed(IQueryCollection query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (day, month, year) = PartNames(name);
        return (query[day].ToString().Trim(), query[month].ToString().Trim(), query[year].ToString().Trim());
    }

    /// <summary>Reads the date input <paramref name="name"/> from a posted form.</summary>
    public static bool TryRead(IFormCollection form, string name, out DateOnly date)
    {
        var (day, month, year) = Typed(form, name);
        return TryRead(day, month, year, out date);
    }
}
