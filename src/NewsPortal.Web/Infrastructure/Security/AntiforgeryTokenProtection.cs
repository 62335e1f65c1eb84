namespace NewsPortal.Web.Infrastructure.Security;

/// <summary>
/// Protects antiforgery tokens, which every anonymous reader of an article page needs two of (the cookie token and
/// the form's request token), with the same kind of construction as the framework's data protector and cheaper
/// primitives: a random 128-bit key modifier per token, a per-token key derived with HMAC-SHA256 from a key of the
/// data-protection key ring (<see cref="KeyRingKeys"/>), and AES-256-GCM under that key. The framework's protector
/// does the same with an SP800-108 KDF over HMAC-SHA512, AES-CBC and a separate HMAC, creating several native crypto
/// contexts per token; that was about a fifth of the CPU an article view cost. Because every token has its own key,
/// no nonce or key-usage limit applies. Key management is the ring's: the token's header names the ring key, so
/// tokens rotate with the ring, every instance sharing the ring reads every other's, and revoking a ring key
/// refuses its tokens.
/// <para>
/// Nothing here waits for the database. Until the ring has been read (the first moments of a process) tokens go to
/// the framework's protector; tokens in its format, and those of the previous format (0xA1, under a
/// <see cref="SiteSecretStore"/> key, when start-up found that key), are still read.
/// </para>
/// </summary>
public sealed class AntiforgeryTokenProtector(IDataProtector framework, KeyRingKeys keys, SiteSecretStore legacy) : IDataProtector
{
    /// <summary>The purpose DefaultAntiforgeryTokenSerializer asks for.</summary>
    public const string AntiforgeryPurpose = "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1";

    /// <summary>First byte of this format. The framework's payloads start with its magic header, 0x09F0C9F0.</summary>
    public const byte FormatVersion = 0xA2;

    /// <summary>The previous format, keyed from <see cref="SiteSecretStore"/>: read, never written.</summary>
    public const byte LegacyFormatVersion = 0xA1;

    /// <summary>The purpose of the ring-derived key (<see cref="KeyRingKeys"/>).</summary>
    public const string KeyPurpose = "antiforgery-token";

    private const int KeyIdLength = 16;
    private const int ModifierLength = 16;
    private const int TagLength = 16;
    private const int Overhead = 1 + KeyIdLength + ModifierLength + TagLength;
    private const int LegacyOverhead = 1 + ModifierLength + TagLength;

    private static readonly byte[] AssociatedData = System.Text.Encoding.UTF8.GetBytes(AntiforgeryPurpose);

    private readonly KeyRingKeys _keys = keys;
    private readonly SiteSecretStore _legacy = legacy;

    public IDataProtector CreateProtector(string purpose) => framework.CreateProtector(purpose);

    public byte[] Protect(byte[] plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        if (_keys.Current(KeyPurpose) is not var (keyId, key))
        {
            return framework.Protect(plaintext);
        }

        var output = new byte[plaintext.Length + Overhead];
        output[0] = FormatVersion;
        keyId.TryWriteBytes(output.AsSpan(1, KeyIdLength));
        var modifier = output.AsSpan(1 + KeyIdLength, ModifierLength);
        RandomNumberGenerator.Fill(modifier);
        Seal(key, modifier, plaintext, output.AsSpan(1 + KeyIdLength + ModifierLength));
        return output;
    }

    public byte[] Unprotect(byte[] protectedData)
    {
        ArgumentNullException.ThrowIfNull(protectedData);
        if (protectedData.Length > 0 && protectedData[0] == FormatVersion)
        {
            if (protectedData.Length < Overhead)
            {
                throw new CryptographicException("The antiforgery token is too short.");
            }

            // Unknown here: another instance's brand-new ring key (fetched in the background now), or a revoked one.
            var key = _keys.Find(new Guid(protectedData.AsSpan(1, KeyIdLength)), KeyPurpose)
                ?? throw new CryptographicException("The antiforgery token was made under a key this instance does not have.");
            return Open(key, protectedData.AsSpan(1 + KeyIdLength));
        }

        if (protectedData.Length > 0 && protectedData[0] == LegacyFormatVersion)
        {
            if (protectedData.Length < LegacyOverhead)
            {
                throw new CryptographicException("The antiforgery token is too short.");
            }

            var key = _legacy.IfLoaded(SiteSecretStore.AntiforgeryKey)
                ?? throw new CryptographicException("The antiforgery token is in the previous format, whose key is gone.");
            return Open(key, protectedData.AsSpan(1));
        }

        return framework.Unprotect(protectedData);
    }

    // Every token key is used once, so the nonce can be constant.
    private static ReadOnlySpan<byte> ZeroNonce => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>Writes ciphertext then tag to <paramref name="output"/> under the key <paramref name="modifier"/> selects.</summary>
    private static void Seal(byte[] key, ReadOnlySpan<byte> modifier, ReadOnlySpan<byte> plaintext, Span<byte> output)
    {
        Span<byte> tokenKey = stackalloc byte[32];
        HMACSHA256.HashData(key, modifier, tokenKey);
        try
        {
            using var aes = new AesGcm(tokenKey, TagLength);
            aes.Encrypt(ZeroNonce, plaintext, output[..plaintext.Length], output.Slice(plaintext.Length, TagLength), AssociatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(tokenKey);
        }
    }

    /// <summary>Reads modifier, ciphertext and tag from <paramref name="body"/>.</summary>
    private static byte[] Open(byte[] key, ReadOnlySpan<byte> body)
    {
        var length = body.Length - ModifierLength - TagLength;
        var plaintext = new byte[length];
        Span<byte> tokenKey = stackalloc byte[32];
        HMACSHA256.HashData(key, body[..ModifierLength], tokenKey);
        try
        {
            using var aes = new AesGcm(tokenKey, TagLength);
            aes.Decrypt(ZeroNonce, body.Slice(ModifierLength, length), body.Slice(ModifierLength + length, TagLength), plaintext, AssociatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(tokenKey);
        }

        return plaintext;
    }
}

/// <summary>
/// Hands <see cref="AntiforgeryTokenProtector"/> to antiforgery, which asks the application's
/// <see cref="IDataProtectionProvider"/> for its purpose; every other purpose (auth and TempData cookies, the key
/// ring's users) gets the framework's protector unchanged.
/// </summary>
public sealed class AntiforgeryAwareDataProtectionProvider(KeyRingKeys keys, SiteSecretStore legacy) : IDataProtectionProvider
{
    private readonly KeyRingKeys _keys = keys;
    private readonly SiteSecretStore _legacy = legacy;

    public IDataProtector CreateProtector(string purpose)
    {
        var protector = _keys.Framework.CreateProtector(purpose);
        return string.Equals(purpose, AntiforgeryTokenProtector.AntiforgeryPurpose, StringComparison.Ordinal)
            ? new AntiforgeryTokenProtector(protector, _keys, _legacy)
            : protector;
    }
}

public static class AntiforgeryTokenProtectionExtensions
{
    /// <summary>
    /// Wraps the registered <see cref="IDataProtectionProvider"/> (AddDataProtection, which AddAntiforgery calls, must
    /// have run) in <see cref="AntiforgeryAwareDataProtectionProvider"/>, and registers <see cref="KeyRingKeys"/> on
    /// the framework's provider (it derives keys from the ring the framework keeps) with its start-up read.
    /// </summary>
    public static IServiceCollection AddAntiforgeryTokenProtection(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IDataProtectionProvider))
            ?? throw new InvalidOperationException("AddDataProtection must be called before AddAntiforgeryTokenProtection.");
        services.Remove(registered);
        services.TryAddSingleton<SiteSecretStore>();
        services.AddSingleton(provider => new KeyRingKeys(
            Resolve(registered, provider),
            provider.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>(),
            provider.GetRequiredService<ILogger<KeyRingKeys>>()));
        services.AddHostedService<KeyRingKeysWarmUp>();
        services.AddSingleton<IDataProtectionProvider>(provider => new AntiforgeryAwareDataProtectionProvider(
            provider.GetRequiredService<KeyRingKeys>(), provider.GetRequiredService<SiteSecretStore>()));
        return services;
    }

    private static IDataProtectionProvider Resolve(ServiceDescriptor registered, IServiceProvider provider) =>
        (IDataProtectionProvider)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
