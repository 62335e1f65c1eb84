namespace NewsPortal.Web.Infrastructure.Security;

/// <summary>
/// The keys of the signing scheme before <see cref="KeyRingKeys"/>: random keys stored unencrypted in the
/// <c>SiteSecrets</c> table. They are only read now, never created, and only to verify what was issued under them
/// (mailed links, antiforgery tokens and form stamps from before the upgrade), so those keep working until they
/// expire. Delete the rows (and restart) to stop accepting them; a database without them never had them.
/// <para>
/// The first start that finds the old mail-link key records when it did (<see cref="MailLinksRetiredKey"/>): a
/// short-lived link of the old format (privacy, moderation, confirmation) is then accepted only if it expires within
/// <see cref="LegacyShortLinkGrace"/> of that moment, as every such link mailed before the upgrade does, so a copy of
/// the old key cannot mint new ones later.
/// </para>
/// </summary>
public sealed class SiteSecretStore(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string AntiforgeryKey = "antiforgery-token-key";
    public const string MailLinksKey = "mail-links";
    public const string FormStampKey = "comment-form-stamp";

    /// <summary>A marker row: its <see cref="Domain.SiteSecret.CreatedAt"/> is when this version first found the old mail-link key.</summary>
    public const string MailLinksRetiredKey = "mail-links-retired";

    /// <summary>The longest a short-lived link lived when it was mailed (confirmation 7 days, moderation 3, privacy 1), with a day to spare.</summary>
    public static readonly TimeSpan LegacyShortLinkGrace = TimeSpan.FromDays(8);

    private volatile IReadOnlyDictionary<string, byte[]>? _keys;

    /// <summary>When the old mail-link key stopped signing (see the class notes); null when there is none.</summary>
    public DateTime? MailLinksRetiredAt { get; private set; }

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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var rows = await db.SiteSecrets.AsNoTracking()
            .Where(s => s.Name == AntiforgeryKey || s.Name == MailLinksKey || s.Name == FormStampKey || s.Name == MailLinksRetiredKey)
            .ToListAsync(cancellationToken);
        if (rows.Any(r => r.Name == MailLinksKey) && rows.Find(r => r.Name == MailLinksRetiredKey) is not { } retired)
        {
            retired = new SiteSecret { Name = MailLinksRetiredKey, Value = [], CreatedAt = time.GetUtcNow().UtcDateTime };
            db.SiteSecrets.Add(retired);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance recorded it first: its moment is the one that counts.
                db.ChangeTracker.Clear();
                retired = await db.SiteSecrets.AsNoTracking().SingleAsync(s => s.Name == MailLinksRetiredKey, cancellationToken);
            }

            rows.Add(retired);
        }

        MailLinksRetiredAt = rows.Find(r => r.Name == MailLinksRetiredKey)?.CreatedAt;
        _keys = rows.Where(r => r.Name != MailLinksRetiredKey).ToDictionary(r => r.Name, r => r.Value, StringComparer.Ordinal);
    }
}
