namespace NewsPortal.Web.Features.Account;

/// <summary>
/// The browsers a staff member has signed in from before: a random device id in a signed and encrypted cookie (a
/// year, sent only to <c>/account</c>), bound to the account it signed in to. A recognised device has its own
/// allowance of sign-in attempts (<see cref="SignInAccountThrottle"/>), so someone guessing at an account from
/// elsewhere can use up the allowance of every client the owner has not used before, but never that of the owner's
/// usual browser. The cookie is no credential: the password is still checked.
/// </summary>
public sealed class SignInDevices(IDataProtectionProvider protection)
{
    public const string CookieName = "np_device";

    private readonly ProtectedCookie _cookie = new(protection, "NewsPortal.Account.SignInDevice.v1", CookieName, TimeSpan.FromDays(365), SameSiteMode.Strict, "/account", maxLength: 1_000);

    /// <summary>This browser's device id when its cookie was issued by a sign-in to <paramref name="email"/>; otherwise null.</summary>
    public string? DeviceOf(HttpRequest request, string email) =>
        _cookie.Read(request)?.Split('\n') is [var account, var device] && account == SignInAccountThrottle.AccountKey(email) ? device : null;

    /// <summary>After a successful sign-in: this browser is one of the account's devices from now on.</summary>
    public void Remember(HttpContext context, string email, string? device)
    {
        device ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _cookie.Write(context, $"{SignInAccountThrottle.AccountKey(email)}\n{device}");
    }
}
