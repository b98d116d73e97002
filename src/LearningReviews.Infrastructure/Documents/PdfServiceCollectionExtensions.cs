using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.Infrastructure.Documents;

public static class PdfServiceCollectionExtensions
{
    /// <summary>Registers one shared <see cref="PdfDocumentRenderer"/>; it keeps no state between documents.</summary>
    public static IServiceCollection AddPdfDocuments(this IServiceCollection services)
    {
        services.AddSingleton<PdfDocumentRenderer>();
        return services;
    }
}
