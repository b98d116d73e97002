using System.Globalization;

namespace LearningReviews.BrowserTests.Journeys;

/// <summary>
/// What a journey types into one question, in the user's terms: text, an option chosen by its label,
/// boxes ticked, people picked by name, a date, rows of a table, learning points or actions. A question
/// a journey does not mention is answered by <see cref="JourneyActor"/> with a plain made-up answer
/// when it is required, and left alone when it is optional.
/// </summary>
public abstract record Answer
{
    public static Answer Text(string text) => new TextAnswer(text);
    public static Answer Choose(string option) => new ChoiceAnswer(option);
    public static Answer Tick(params string[] options) => new TickAnswer(options);
    public static Answer People(params string[] names) => new PeopleAnswer(names);
    public static Answer On(DateOnly date) => new DateAnswer(date, null);
    public static Answer At(DateOnly date, string time) => new DateAnswer(date, time);
    /// <summary>Rows of a table, each row's cells in the table's column order; a date cell as "d/m/yyyy".</summary>
    public static Answer Rows(params string[][] rows) => new RowsAnswer(rows);
    public static Answer Points(params string[] points) => new PointsAnswer(points);
    public static Answer Actions(params JourneyAction[] actions) => new ActionsAnswer(actions);
    /// <summary>
    /// A meeting the question shows rather than asks for: booked from the form's "Book the …" link on the
    /// meetings page (today or later, as that page takes), with a lay member invited by email.
    /// </summary>
    public static Answer Booked(DateOnly date, string time) => new BookedAnswer(date, time);
    /// <summary>As <see cref="Booked"/>, for a question that is a date alone (the day's date is what it shows).</summary>
    public static Answer BookedDay(DateOnly date) => new BookedAnswer(date, "09:00", DayOnly: true);
    /// <summary>A meeting booked before today (the booking page takes only today or later): recorded as the meetings page records one.</summary>
    public static Answer BookedEarlier(DateOnly date) => new BookedAnswer(date, null, DayOnly: true);
    /// <summary>Leave the question as it is (for a required answer the page already has).</summary>
    public static Answer Leave { get; } = new LeaveAnswer();

    internal static string Shown(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

public sealed record TextAnswer(string Value) : Answer;
public sealed record ChoiceAnswer(string Option) : Answer;
public sealed record TickAnswer(IReadOnlyList<string> Options) : Answer;
public sealed record PeopleAnswer(IReadOnlyList<string> Names) : Answer;
public sealed record DateAnswer(DateOnly Date, string? Time) : Answer;
public sealed record RowsAnswer(IReadOnlyList<string[]> Items) : Answer;
public sealed record PointsAnswer(IReadOnlyList<string> Items) : Answer;
public sealed record ActionsAnswer(IReadOnlyList<JourneyAction> Items) : Answer;
public sealed record LeaveAnswer : Answer;
/// <param name="Time">The start typed on the booking page; null for a meeting booked before today, recorded directly.</param>
public sealed record BookedAnswer(DateOnly Date, string? Time, bool DayOnly = false) : Answer;

/// <summary>An action as a user writes it: what, who, by when, and how its impact will be measured.</summary>
public sealed record JourneyAction(string What, string Owner, DateOnly Due, string Impact);
