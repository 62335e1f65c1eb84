using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Infrastructure.RateLimiting;
using NewsPortal.Web.Infrastructure.Redis;

namespace NewsPortal.Web.Features.Account;

/// <summary>
/// Counts sign-in attempts per e-mail address (<see cref="SignInOptions.AttemptsPerQuarterHourPerAccount"/>), on every
/// instance together through the same shared fixed window as the per-IP limit. The address is normalised and hashed,
/// so Redis never holds staff addresses and "Admin@X" and "admin@x " are one account.
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

    /// <summary>Null when the attempt may go ahead; otherwise how long until the account's window ends.</summary>
    public async ValueTask<TimeSpan?> TryAttemptAsync(string email, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(Key(email), 1, cancellationToken);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
    }

    public void Dispose() => _limiter.Dispose();

    private static string Key(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
}
