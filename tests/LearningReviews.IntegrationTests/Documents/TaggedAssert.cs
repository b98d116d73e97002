namespace LearningReviews.IntegrationTests.Documents;

/// <summary>Checks a tagged PDF's structure tree as a screen reader would walk it.</summary>
internal static class TaggedAssert
{
    /// <summary>
    /// Each expected element appears after the one before it, with that tag and text (an empty
    /// expected text accepts any). Other elements may come in between.
    /// </summary>
    public static void InOrder(PdfReader pdf, params (string Tag, string Text)[] expected)
    {
        var elements = pdf.Elements;
        var position = 0;
        foreach (var (tag, text) in expected)
        {
            var found = -1;
            for (var index = position; index < elements.Count; index++)
            {
                if (elements[index].Tag == tag && (text.Length == 0 || elements[index].Text == text))
                {
                    found = index;
                    break;
                }
            }
            Assert.True(found >= 0,
                $"No {tag} \"{text}\" after element {position} ({(position < elements.Count ? elements[position] : "end")}). Structure:\n{pdf.Structure}");
            position = found + 1;
        }
    }
}
