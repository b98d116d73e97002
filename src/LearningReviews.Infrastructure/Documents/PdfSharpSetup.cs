using PdfSharp;
using PdfSharp.Fonts;

namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// The two process-wide settings PDFsharp needs before its first document: which licence it runs
/// under, and where its fonts come from. Both are global in PDFsharp, and setting the font resolver
/// a second time throws, so this runs once per process whatever the number of renderers or threads.
/// </summary>
internal static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static bool _done;

    public static void EnsureDone(PdfOptions options)
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
            SelectLicence(options.LicenseKey);
            // Another component may have set a resolver already; replacing it would throw.
            GlobalFontSettings.FontResolver ??= new LiberationFontResolver();
            Volatile.Write(ref _done, true);
        }
    }

    // Since 6.5 PDFsharp refuses to create documents until a licence is chosen. Without a commercial
    // key the project accepts the AGPL (docs/decisions/0003-pdfsharp-agpl-licence.md).
    private static void SelectLicence(string? licenseKey)
    {
        if (string.IsNullOrWhiteSpace(licenseKey))
        {
            PdfSharpLicense.SetAgplLicense();
            return;
        }
        try
        {
            PdfSharpLicense.LoadLicense(licenseKey.Trim());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // PDFsharp throws a bare Exception for a bad key; say which setting to fix, never the key.
            throw new InvalidOperationException(
                "The PDFsharp licence key in Pdf:LicenseKey could not be loaded. Correct it, or remove it to use PDFsharp under the AGPL.",
                exception);
        }
    }
}
