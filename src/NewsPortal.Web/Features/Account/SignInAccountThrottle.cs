namespace NewsPortal.Web.Features.Account;

/// <summary>
/// Counts sign-in attempts per e-mail address and client (<see cref="SignInOptions.AttemptsPerQuarterHourPerAccount"/>),
/// before the password is checked, on every instance together through the same shared fixed window as the per-IP
/// limit. Every client the account has not signed in from shares one allowance, so a spray at one account from many
/// addresses gets no more guesses than one client; each of the account's recognised devices (<see cref="SignInDevices"/>)
/// has an allowance of its own, which nobody else can use up. The address is normalised and hashed, so Redis never
/// holds staff addresses and "Admin@X" and "admin@x " are one account.
/// </summary>
public sealed class SignInAccountThrottle : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInAccountThrottle(RedisConnection redis, IOptionsMonitor<SignInOptions> options)
    {
        _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        {
            var limit = options.CurrentValue.AttemptsPerQuarterHourPerAccount;
            var key = string.Create(CultureInfo.InvariantCulture, $"sign-in-account:{limit}:{account}");
            return RateLimitPartition.Get(key, k => new SharedFixedWindowLimiter(redis, RateLimitingExtensions.RedisKeyPrefix + k, limit, Window));
        });
    }

    /// <summary>
    /// Null when the attempt may go ahead; otherwise how long until the window ends. <paramref name="device"/> is the
    /// account's recognised device this attempt comes from, or null for any other client.
    /// </summary>
    public async ValueTask<TimeSpan?> TryAttemptAsync(string email, string? device, CancellationToken cancellationToken)
    {
        // The unrecognised clients' key is the one this throttle always used, so counts survive the upgrade.
        var key = device is null ? AccountKey(email) : $"{AccountKey(email)}:device:{device}";
        using var lease = await _limiter.AcquireAsync(key, 1, cancellationToken);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>The account an address names, however it is spelled, as a hash.</summary>
    public static string AccountKey(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
}
