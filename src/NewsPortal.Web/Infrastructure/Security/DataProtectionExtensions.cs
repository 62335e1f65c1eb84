namespace NewsPortal.Web.Infrastructure.Security;

/// <summary>The "DataProtection" section: how the keys stored in the database are protected at rest.</summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 (.pfx/.p12) file with a certificate and its private key; keys are encrypted to it.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The file's password, if it has one.</summary>
    public string? CertificatePassword { get; set; }
}

public static class DataProtectionExtensions
{
    /// <summary>
    /// Data-protection keys (the auth and reader cookies, mailed links, and through <see cref="KeyRingKeys"/>
    /// antiforgery tokens and form stamps) live in the database, so every instance shares them. With
    /// <c>DataProtection:CertificatePath</c> each key is encrypted to that certificate before it is stored; without it
    /// keys are stored as plain XML and the framework says so at start-up with a warning, which is deliberately left
    /// visible.
    /// </summary>
    public static IServiceCollection AddNewsDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        var builder = services.AddDataProtection().SetApplicationName("NewsPortal").PersistKeysToDbContext<NewsDbContext>();
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            // Loaded here, so a missing file or a wrong password stops start-up with its reason.
            builder.ProtectKeysWithCertificate(Load(options.CertificatePath, options.CertificatePassword));
        }

        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new StartupConfigurationException($"DataProtection:CertificatePath: there is no file at '{path}'.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new StartupConfigurationException(
                $"DataProtection:CertificatePath: '{path}' could not be read as a PKCS#12 (.pfx) file with DataProtection:CertificatePassword ({ex.Message}).");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new StartupConfigurationException(
                $"DataProtection:CertificatePath: '{path}' has no private key, so keys encrypted to it could not be read back.");
        }

        return certificate;
    }
}
