namespace LearningReviews.Domain.Text;

/// <summary>
/// The most characters each kind of typed text may hold. Checked on the server before anything is
/// saved, so an over-long answer gets a GOV.UK error message with the text kept, never a database
/// error; the numbers match the column sizes in Infrastructure/Persistence/Configurations.
/// </summary>
public static class InputLimits
{
    /// <summary>A short-text stage answer or table cell, unless its definition says otherwise.</summary>
    public const int ShortText = 500;

    /// <summary>A long-text stage answer or table cell, unless its definition says otherwise.</summary>
    public const int LongText = 10_000;

    /// <summary>
    /// Characters allowed per word of a word limit: generous for long words and punctuation, but a
    /// 300-word field cannot take one 100,000-character "word".
    /// </summary>
    public const int CharactersPerWord = 15;

    /// <summary>Numbers, user ids chosen in person fields and other one-token answers.</summary>
    public const int Token = 450;

    public const int LearningPoint = 4000;
    public const int ActionWhat = 2000;
    public const int ActionOwner = 200;
    public const int ActionImpact = 2000;

    /// <summary>Send-back, withdrawal and new-version reasons.</summary>
    public const int Reason = 2000;

    /// <summary>Outcomes Form comments and the lead author's answers.</summary>
    public const int Comment = 4000;

    /// <summary>"4,000": numbers in messages are written as GOV.UK writes them.</summary>
    public static string Format(int limit) => limit.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
