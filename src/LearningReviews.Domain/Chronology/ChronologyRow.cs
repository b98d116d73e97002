using System.Globalization;
using LearningReviews.Domain.Text;

namespace LearningReviews.Domain.Chronology;

/// <summary>One entry as read from a form or a spreadsheet row, before it belongs to a review.</summary>
public sealed record ChronologyRowValues(DateOnly Date, TimeOnly? Time, string WhatHappened, string Source, string? Significance, bool KeyPracticeEpisode);

/// <summary>A row of an imported file: its line number, and either its values or what is wrong with it.</summary>
/// <summary>What is wrong with one value: the column (a template heading) and a GOV.UK error message.</summary>
public sealed record ChronologyProblem(string Column, string Message);

public sealed record ChronologyRowResult(int RowNumber, ChronologyRowValues? Values, IReadOnlyList<ChronologyProblem> Problems)
{
    public bool IsGood => Values is not null;
}

/// <summary>
/// Reads one chronology entry from the text people type or agencies export: the checks a form and an
/// import share, so a row refused in a file would be refused on the form with the same words.
/// </summary>
public static class ChronologyRow
{
    public const int WhatHappenedLimit = 4000;
    public const int SourceLimit = 500;
    public const int SignificanceLimit = 2000;

    /// <summary>The column headings of the template and of every export, in order.</summary>
    public static readonly IReadOnlyList<string> Headings = ["Date", "Time", "What happened", "Source", "Significance", "Key practice episode"];

    // Day first, as dates are written in England; ISO for exports from case-management systems.
    private static readonly string[] DateFormats =
    [
        "d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "dd MMMM yyyy", "dd MMM yyyy",
    ];

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Reads the typed values of one entry; problems are GOV.UK error messages, each naming the column.</summary>
    public static ChronologyRowResult Read(int rowNumber, string? date, string? time, string? whatHappened, string? source,
        string? significance, string? keyPracticeEpisode, DateOnly today)
    {
        var problems = new List<ChronologyProblem>();
        var day = ReadDate(date, today, problems);
        TimeOnly? at = null;
        if (!string.IsNullOrWhiteSpace(time))
        {
            at = TypedTime.Read(time, "Time", out var timeProblem);
            if (timeProblem is not null) problems.Add(new("Time", timeProblem));
        }
        var what = Required(whatHappened, "What happened", WhatHappenedLimit, problems);
        var from = Required(source, "Source", SourceLimit, problems);
        var why = (significance ?? "").Trim();
        if (why.Length > SignificanceLimit) problems.Add(new("Significance", $"Significance must be {InputLimits.Format(SignificanceLimit)} characters or fewer"));
        var key = ReadYesNo(keyPracticeEpisode, problems);

        return problems.Count == 0
            ? new(rowNumber, new ChronologyRowValues(day!.Value, at, what!, from!, why.Length == 0 ? null : why, key), problems)
            : new(rowNumber, null, problems);
    }

    public static bool TryReadDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? "").Trim(), DateFormats, British, DateTimeStyles.AllowWhiteSpaces, out date);

    private static DateOnly? ReadDate(string? text, DateOnly today, List<ChronologyProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new("Date", "Enter the date of the event"));
            return null;
        }
        if (!TryReadDate(text, out var date))
        {
            problems.Add(new("Date", "Date must be a real date, like 27/3/2025 or 2025-03-27"));
            return null;
        }
        if (date > today)
        {
            problems.Add(new("Date", "Date must be today or in the past"));
            return null;
        }
        return date;
    }

    private static string? Required(string? text, string column, int limit, List<ChronologyProblem> problems)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            problems.Add(new(column, $"Enter {(column == "Source" ? "the source" : "what happened")}"));
            return null;
        }
        if (value.Length > limit)
        {
            problems.Add(new(column, $"{column} must be {InputLimits.Format(limit)} characters or fewer"));
            return null;
        }
        return value;
    }

    private static bool ReadYesNo(string? text, List<ChronologyProblem> problems)
    {
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "yes" or "y" or "true" or "1" or "key": return true;
            case "" or "no" or "n" or "false" or "0": return false;
            default:
                problems.Add(new("Key practice episode", "Key practice episode must be yes or no"));
                return false;
        }
    }
}
