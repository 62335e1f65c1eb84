using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Infrastructure.Security;

/// <summary>
/// Named random keys kept in the database, so every instance uses the same one and it survives restarts. The
/// first instance to ask creates it; one that loses that race reads the winner's. Read once per process.
/// </summary>
public sealed class SiteSecretStore
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _secrets = new(StringComparer.Ordinal);

    public SiteSecretStore(IServiceScopeFactory scopes, TimeProvider time)
    {
        _scopes = scopes;
        _time = time;
    }

    public Task<byte[]> GetAsync(string name)
    {
        var secret = _secrets.GetOrAdd(name, n => new Lazy<Task<byte[]>>(() => LoadOrCreateAsync(n)));
        if (secret.Value.IsFaulted)
        {
            // A database that was briefly unreachable must not poison the key for the life of the process.
            _secrets.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(name, secret));
        }

        return secret.Value;
    }

    private async Task<byte[]> LoadOrCreateAsync(string name)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var existing = await db.SiteSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).SingleOrDefaultAsync();
        if (existing is not null)
        {
            return existing;
        }

        db.SiteSecrets.Add(new SiteSecret { Name = name, Value = RandomNumberGenerator.GetBytes(32), CreatedAt = _time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another instance created it first: theirs is the key.
        }

        db.ChangeTracker.Clear();
        return await db.SiteSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).SingleAsync();
    }
}
