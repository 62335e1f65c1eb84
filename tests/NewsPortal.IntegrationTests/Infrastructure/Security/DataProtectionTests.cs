namespace NewsPortal.IntegrationTests.Infrastructure.Security;

/// <summary>Data-protection keys at rest, in the database every instance shares.</summary>
public sealed class DataProtectionTests
{
    private const string CertificatePassword = "pfx password for the test";

    private static string WriteSelfSignedPfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=NewsPortal data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(Path.GetTempPath(), $"newsportal-dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    private static Task<List<string>> KeysAsync(NewsPortalFactory factory) =>
        factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

    [Fact]
    public async Task Keys_WithACertificate_AreStoredEncryptedAndStillWork()
    {
        var pfx = WriteSelfSignedPfx();
        try
        {
            using var factory = new NewsPortalFactory().WithAdmin();
            factory.Settings["DataProtection:CertificatePath"] = pfx;
            factory.Settings["DataProtection:CertificatePassword"] = CertificatePassword;

            // Signing in needs an antiforgery token and an auth cookie: a key is made, stored and read back.
            var client = await factory.SignedInAsync(StaffSessions.AdminEmail);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

            var keys = await KeysAsync(factory);
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task Keys_WithoutACertificate_AreStoredPlainAndTheWarningIsNotSilenced()
    {
        using var factory = new NewsPortalFactory();

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(new Uri("/account/login", UriKind.Relative))).StatusCode);

        Assert.Contains(await KeysAsync(factory), xml => xml.Contains("<masterKey", StringComparison.Ordinal));

        // The framework warns at start-up that keys are stored unencrypted; the shipped settings must let it through.
        var configuration = factory.Services.GetRequiredService<IConfiguration>();
        Assert.DoesNotContain(
            configuration.GetSection("Serilog:MinimumLevel:Override").GetChildren(),
            level => ("Microsoft.AspNetCore.DataProtection".StartsWith(level.Key, StringComparison.Ordinal)
                      || level.Key.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal))
                     && level.Value is "Error" or "Fatal");
    }
}
