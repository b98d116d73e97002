using PdfSharp.Fonts;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// The process-wide setting PDFsharp needs before its first document: where its fonts come from. It is
/// global in PDFsharp, and setting the font resolver a second time throws, so this runs once per
/// process whatever the number of renderers or threads.
/// </summary>
internal static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static bool _done;

    public static void EnsureDone()
    {
        if (Volatile.Read(ref _done))
        {
            return;
        }
        lock (Gate)
        {
            if (_done)
            {
                return;
            }
            // Another component may have set a resolver already; replacing it would throw.
            GlobalFontSettings.FontResolver ??= new LiberationFontResolver();
            Volatile.Write(ref _done, true);
        }
    }
}
