namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>Lifetimes follow the site's <see cref="TimeProvider"/>, like every other time.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
