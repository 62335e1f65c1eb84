namespace NewsPortal.Web.Features.Account;

/// <summary>The "SignIn" section.</summary>
public sealed class SignInOptions
{
    public const string SectionName = "SignIn";

    /// <summary>
    /// Sign-in attempts one client may make per minute, on all instances together when Redis is configured: enough
    /// for a person who mistypes, far too few for password spraying. It does not stop one client from using up an
    /// account's allowance for unrecognised clients (<see cref="AttemptsPerQuarterHourPerAccount"/>); what keeps the
    /// owner in is that their usual browser has an allowance of its own.
    /// </summary>
    [Range(1, 10_000)]
    public int AttemptsPerMinutePerIp { get; set; } = 10;

    /// <summary>
    /// Sign-in attempts for one e-mail address per quarter of an hour, on every instance together, counted whether
    /// or not the address has an account (so the limit itself reveals nothing): once for all the clients that have
    /// never signed in to it (a spray from many addresses at one account gets this many guesses), and once more for
    /// each browser that has (<see cref="SignInDevices"/>), so nobody can keep the owner out of their usual browser.
    /// There is no account lockout: wrong passwords are slowed down by this limit, never turned into a lock.
    /// </summary>
    [Range(1, 10_000)]
    public int AttemptsPerQuarterHourPerAccount { get; set; } = 10;
}

public static class SignInRateLimiting
{
    public const string PolicyName = "sign-in";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services)
    {
        services.AddCheckedOptions<SignInOptions>(SignInOptions.SectionName);
        services.AddSingleton<SignInAccountThrottle>();
        services.AddSingleton<SignInDevices>();
        services.AddSingleton<DummyPasswordHash>();
        return services;
    }
}
