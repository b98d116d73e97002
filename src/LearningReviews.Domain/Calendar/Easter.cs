namespace LearningReviews.Domain.Calendar;

/// <summary>
/// Easter Sunday in the Gregorian calendar, by the anonymous algorithm (Meeus, Jones and Butcher).
/// Good Friday and Easter Monday hang off it, so it is worked out rather than looked up: the
/// Church's tables and this arithmetic agree for every Gregorian year.
/// </summary>
internal static class Easter
{
    public static DateOnly Sunday(int year)
    {
        var golden = year % 19;                  // place in the 19-year lunar (Metonic) cycle
        var century = year / 100;
        var yearOfCentury = year % 100;
        var leapCenturies = century / 4;
        var centuryRemainder = century % 4;
        var moonCorrection = (century + 8) / 25;
        var lunarCorrection = (century - moonCorrection + 1) / 3;
        var epact = ((19 * golden) + century - leapCenturies - lunarCorrection + 15) % 30;
        var leapYears = yearOfCentury / 4;
        var yearRemainder = yearOfCentury % 4;
        var toSunday = (32 + (2 * centuryRemainder) + (2 * leapYears) - epact - yearRemainder) % 7;
        var exception = (golden + (11 * epact) + (22 * toSunday)) / 451;
        var monthAndDay = epact + toSunday - (7 * exception) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }
}
