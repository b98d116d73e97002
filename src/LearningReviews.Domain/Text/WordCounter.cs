using System.Text.RegularExpressions;

namespace LearningReviews.Domain.Text;

/// <summary>
/// Counts words the way a word processor does: runs of characters that are not white space, so
/// "child-centred" is one word and "3 – 4" is three. The page's live count (wwwroot/js/app.js)
/// counts the same way, so what the user sees is what the server enforces.
/// </summary>
public static partial class WordCounter
{
    public static int Count(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : NonWhiteSpaceRun().Count(text);

    [GeneratedRegex(@"\S+")]
    private static partial Regex NonWhiteSpaceRun();
}
