namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// Settings for PDF output, bound from the configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>
    /// A commercial PDFsharp licence key (configuration <c>Pdf:LicenseKey</c>, environment
    /// <c>Pdf__LicenseKey</c>). Without one, PDFsharp is used under the AGPL; see
    /// docs/decisions/0003-pdfsharp-agpl-licence.md.
    /// </summary>
    public string? LicenseKey { get; set; }
}
