using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Infrastructure.RateLimiting;

namespace NewsPortal.Web.Features.Account;

/// <summary>The "SignIn" section.</summary>
public sealed class SignInOptions
{
    public const string SectionName = "SignIn";

    /// <summary>
    /// Sign-in attempts one client may make per minute, on all instances together when Redis is configured: enough
    /// for a person who mistypes, far too few for password spraying or keeping someone's account locked out.
    /// </summary>
    [Range(1, 10_000)]
    public int AttemptsPerMinutePerIp { get; set; } = 10;
}

public static class SignInRateLimiting
{
    public const string PolicyName = "sign-in";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, context => RateLimitingExtensions.PerClient(
                context,
                PolicyName,
                context.RequestServices.GetRequiredService<IOptionsMonitor<SignInOptions>>().CurrentValue.AttemptsPerMinutePerIp,
                TimeSpan.FromMinutes(1)));
            limiter.WithRetryAfter();
        });
    }
}
