using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Startup;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Security;

/// <summary>
/// The keys behind the sign-in and antiforgery cookies are kept in the database. With a certificate
/// configured they are stored encrypted, so a copy of the database alone cannot forge a cookie.
/// </summary>
public sealed class DataProtectionKeyTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_sign_in_still_works(Provider provider)
    {
        var folder = Directory.CreateTempSubdirectory("lr-dp-cert-");
        try
        {
            var certificatePath = Path.Combine(folder.FullName, "dataprotection.pfx");
            WriteSelfSignedCertificate(certificatePath, "pfx-password-1");
            await using var app = new AppFactory(await TestDatabase.CreateAsync(provider))
            {
                Settings = new Dictionary<string, string>
                {
                    [DataProtectionSetup.CertificatePathSetting] = certificatePath,
                    [DataProtectionSetup.CertificatePasswordSetting] = "pfx-password-1",
                },
            };

            using var browser = await app.SignedInAsAsync("admin@demo.example");
            var page = await browser.GetAsync("/");

            Assert.Equal(HttpStatusCode.OK, page.Status);
            var xml = Assert.Single(await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()));
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Without_a_certificate_the_stored_key_is_readable_by_anyone_with_the_database(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var browser = new TestBrowser(app.NewBrowser());

        await browser.GetAsync("/account/sign-in"); // issues an antiforgery token, which needs a key

        var xml = Assert.Single(await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()));
        Assert.Contains("<masterKey", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("EncryptedData", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_path_that_does_not_exist_stops_startup_with_a_message()
    {
        await using var app = new AppFactory(await TestDatabase.CreateAsync(Provider.Sqlite))
        {
            Settings = new Dictionary<string, string> { [DataProtectionSetup.CertificatePathSetting] = "/nowhere/dp.pfx" },
        };

        var error = Assert.Throws<InvalidOperationException>(() => app.Server);
        Assert.Contains("/nowhere/dp.pfx", error.Message, StringComparison.Ordinal);
    }

    private static void WriteSelfSignedCertificate(string path, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Learning Reviews data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
    }
}
