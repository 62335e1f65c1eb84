using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Infrastructure.Security;

/// <summary>
/// The keys of the signing scheme before <see cref="KeyRingKeys"/>: random keys stored unencrypted in the
/// <c>SiteSecrets</c> table. They are only read now, never created, and only to verify what was issued under them
/// (mailed links, antiforgery tokens and form stamps from before the upgrade), so those keep working until they
/// expire. Delete the rows (and restart) to stop accepting them; a database without them never had them.
/// </summary>
public sealed class SiteSecretStore
{
    public const string AntiforgeryKey = "antiforgery-token-key";
    public const string MailLinksKey = "mail-links";
    public const string FormStampKey = "comment-form-stamp";

    private readonly IServiceScopeFactory _scopes;
    private volatile IReadOnlyDictionary<string, byte[]>? _keys;

    public SiteSecretStore(IServiceScopeFactory scopes) => _scopes = scopes;

    /// <summary>The key, if start-up read it (for callers that must not wait).</summary>
    public byte[]? IfLoaded(string name) => _keys?.GetValueOrDefault(name);

    public async ValueTask<byte[]?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        if (_keys is null)
        {
            await LoadAllAsync(cancellationToken);
        }

        return _keys?.GetValueOrDefault(name);
    }

    public async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        _keys = await db.SiteSecrets.AsNoTracking()
            .Where(s => s.Name == AntiforgeryKey || s.Name == MailLinksKey || s.Name == FormStampKey)
            .ToDictionaryAsync(s => s.Name, s => s.Value, StringComparer.Ordinal, cancellationToken);
    }
}
