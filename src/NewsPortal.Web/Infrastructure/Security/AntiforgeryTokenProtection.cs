using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace NewsPortal.Web.Infrastructure.Security;

/// <summary>
/// Protects antiforgery tokens, which every anonymous reader of an article page needs two of (the cookie token and
/// the form's request token), with the same construction as the framework's data protector and cheaper primitives:
/// a random 128-bit key modifier per token, a per-token key derived from a site key with HMAC-SHA256, and AES-256-GCM
/// under that key. The framework's protector does the same with an SP800-108 KDF over HMAC-SHA512, AES-CBC and a
/// separate HMAC, creating several native crypto contexts per token; that was about a fifth of the CPU an article
/// view cost. Because every token has its own key, no nonce or key-usage limit applies.
/// The site key is a <see cref="SiteSecretStore"/> secret, so every instance reads every other's tokens. Until it has
/// been read (the first moments of a process), tokens go to the framework's protector, and tokens in its format (from
/// before this existed, or those moments) are still read by it.
/// </summary>
public sealed class AntiforgeryTokenProtector : IDataProtector
{
    /// <summary>The purpose DefaultAntiforgeryTokenSerializer asks for.</summary>
    public const string AntiforgeryPurpose = "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1";

    /// <summary>First byte of this format. The framework's payloads start with its magic header, 0x09F0C9F0.</summary>
    public const byte FormatVersion = 0xA1;

    private const string SecretName = "antiforgery-token-key";
    private const int ModifierLength = 16;
    private const int TagLength = 16;
    private const int Overhead = 1 + ModifierLength + TagLength;

    private static readonly byte[] AssociatedData = System.Text.Encoding.UTF8.GetBytes(AntiforgeryPurpose);

    private readonly IDataProtector _framework;
    private readonly SiteSecretStore _secrets;
    private Task<byte[]>? _key;

    public AntiforgeryTokenProtector(IDataProtector framework, SiteSecretStore secrets)
    {
        _framework = framework;
        _secrets = secrets;
    }

    public IDataProtector CreateProtector(string purpose) => _framework.CreateProtector(purpose);

    public byte[] Protect(byte[] plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        if (KeyIfLoaded() is not { } key)
        {
            return _framework.Protect(plaintext);
        }

        var output = new byte[plaintext.Length + Overhead];
        output[0] = FormatVersion;
        var modifier = output.AsSpan(1, ModifierLength);
        RandomNumberGenerator.Fill(modifier);
        Span<byte> tokenKey = stackalloc byte[32];
        HMACSHA256.HashData(key, modifier, tokenKey);
        using var aes = new AesGcm(tokenKey, TagLength);
        aes.Encrypt(
            ZeroNonce,
            plaintext,
            output.AsSpan(1 + ModifierLength, plaintext.Length),
            output.AsSpan(1 + ModifierLength + plaintext.Length, TagLength),
            AssociatedData);
        CryptographicOperations.ZeroMemory(tokenKey);
        return output;
    }

    public byte[] Unprotect(byte[] protectedData)
    {
        ArgumentNullException.ThrowIfNull(protectedData);
        if (protectedData.Length == 0 || protectedData[0] != FormatVersion)
        {
            return _framework.Unprotect(protectedData);
        }

        if (protectedData.Length < Overhead)
        {
            throw new CryptographicException("The antiforgery token is too short.");
        }

        // Rare: a token made by another instance reaches this one before it has read the key.
        var key = KeyIfLoaded() ?? _secrets.GetAsync(SecretName).GetAwaiter().GetResult();
        var length = protectedData.Length - Overhead;
        var plaintext = new byte[length];
        Span<byte> tokenKey = stackalloc byte[32];
        HMACSHA256.HashData(key, protectedData.AsSpan(1, ModifierLength), tokenKey);
        using var aes = new AesGcm(tokenKey, TagLength);
        try
        {
            aes.Decrypt(
                ZeroNonce,
                protectedData.AsSpan(1 + ModifierLength, length),
                protectedData.AsSpan(1 + ModifierLength + length, TagLength),
                plaintext,
                AssociatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(tokenKey);
        }

        return plaintext;
    }

    // Every token key is used once, so the nonce can be constant.
    private static ReadOnlySpan<byte> ZeroNonce => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private byte[]? KeyIfLoaded()
    {
        var key = _key;
        if (key is null || key.IsFaulted)
        {
            // Never waits: a read that failed (database briefly away) is simply tried again on the next token.
            _key = key = _secrets.GetAsync(SecretName);
        }

        return key.IsCompletedSuccessfully ? key.Result : null;
    }
}

/// <summary>
/// Hands <see cref="AntiforgeryTokenProtector"/> to antiforgery, which asks the application's
/// <see cref="IDataProtectionProvider"/> for its purpose; every other purpose (auth and TempData cookies, the key
/// ring's users) gets the framework's protector unchanged.
/// </summary>
public sealed class AntiforgeryAwareDataProtectionProvider : IDataProtectionProvider
{
    private readonly IDataProtectionProvider _framework;
    private readonly SiteSecretStore _secrets;

    public AntiforgeryAwareDataProtectionProvider(IDataProtectionProvider framework, SiteSecretStore secrets)
    {
        _framework = framework;
        _secrets = secrets;
    }

    public IDataProtector CreateProtector(string purpose)
    {
        var protector = _framework.CreateProtector(purpose);
        return string.Equals(purpose, AntiforgeryTokenProtector.AntiforgeryPurpose, StringComparison.Ordinal)
            ? new AntiforgeryTokenProtector(protector, _secrets)
            : protector;
    }
}

public static class AntiforgeryTokenProtectionExtensions
{
    /// <summary>
    /// Wraps the registered <see cref="IDataProtectionProvider"/> (AddDataProtection, which AddAntiforgery calls, must
    /// have run) in <see cref="AntiforgeryAwareDataProtectionProvider"/>.
    /// </summary>
    public static IServiceCollection AddAntiforgeryTokenProtection(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IDataProtectionProvider))
            ?? throw new InvalidOperationException("AddDataProtection must be called before AddAntiforgeryTokenProtection.");
        services.Remove(registered);
        services.AddSingleton<IDataProtectionProvider>(provider => new AntiforgeryAwareDataProtectionProvider(
            Resolve(registered, provider), provider.GetRequiredService<SiteSecretStore>()));
        return services;
    }

    private static IDataProtectionProvider Resolve(ServiceDescriptor registered, IServiceProvider provider) =>
        (IDataProtectionProvider)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
