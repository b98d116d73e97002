using System.Security.Cryptography.X509Certificates;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace LearningReviews.Web.Startup;

/// <summary>
/// The keys that protect the sign-in, antiforgery and form cookies live in the database, so every web
/// instance on a shared database reads the others' cookies. When a certificate is configured
/// (DataProtection:Certificate:Path, and :Password for a .pfx that has one) each key is encrypted
/// with it before it is stored, so a copy of the database alone cannot be used to forge a cookie.
/// </summary>
public static class DataProtectionSetup
{
    public const string CertificatePathSetting = "DataProtection:Certificate:Path";
    public const string CertificatePasswordSetting = "DataProtection:Certificate:Password";

    public static IServiceCollection AddLearningReviewsDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddDataProtection()
            .SetApplicationName("LearningReviews")
            .PersistKeysToDbContext<LearningReviewsDbContext>();

        var path = configuration[CertificatePathSetting];
        if (!string.IsNullOrWhiteSpace(path))
        {
            builder.ProtectKeysWithCertificate(LoadCertificate(path, configuration[CertificatePasswordSetting]));
        }
        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{CertificatePathSetting} names a file that does not exist: {path}");
        }
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException(
                $"The certificate at {CertificatePathSetting} has no private key, so stored keys could not be read back.");
        }
        return certificate;
    }
}
