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

    /// <summary>
    /// Sign-in attempts for one e-mail address per quarter of an hour, from every client and instance together,
    /// counted whether or not the address has an account (so the limit itself reveals nothing). It stops a spray
    /// from many addresses at one account; Identity's lockout (5 wrong passwords, 15 minutes) still applies.
    /// </summary>
    [Range(1, 10_000)]
    public int AttemptsPerQuarterHourPerAccount { get; set; } = 10;
}

public static class SignInRateLimiting
{
    public const string PolicyName = "sign-in";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInAccountThrottle>();
        services.AddSingleton<DummyPasswordHash>();
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
