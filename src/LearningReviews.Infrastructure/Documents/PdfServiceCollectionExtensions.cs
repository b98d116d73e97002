using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.Infrastructure.Documents;

public static class PdfServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="PdfDocumentRenderer"/> with its options bound from the
    /// configuration section "Pdf" (e.g. <c>Pdf__LicenseKey</c> in the environment). Configuration is
    /// read when the renderer is first asked for, so a test host may still add settings after this call.
    /// </summary>
    public static IServiceCollection AddPdfDocuments(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>().GetSection(PdfOptions.SectionName).Get<PdfOptions>() ?? new PdfOptions());
        services.AddSingleton(provider => new PdfDocumentRenderer(provider.GetRequiredService<PdfOptions>()));
        return services;
    }
}
