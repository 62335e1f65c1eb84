namespace NewsPortal.Web.Features.Account;

/// <summary>
/// A password hash of nothing anyone knows, made once by the site's own hasher (same algorithm and iteration count
/// as real accounts). Sign-in verifies the typed password against it when there is no account to check, so an
/// unknown, disabled or locked-out address costs the same hash computation as a known one and response times do
/// not tell an attacker which addresses are staff.
/// </summary>
public sealed class DummyPasswordHash(IServiceScopeFactory scopes)
{
    private static readonly StaffUser Nobody = new();
    private readonly Lazy<string> _hash = new Lazy<string>(() =>
        {
            using var scope = scopes.CreateScope();
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffUser>>();
            return hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        });

    /// <summary>Spends the time of one real password check; the answer is always "no".</summary>
    public void Verify(IPasswordHasher<StaffUser> hasher, string password) =>
        _ = hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
}
