namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// A scheduled article becomes visible by the clock alone, with no write to signal it. So the reader cache remembers
/// when the next one is due and counts that moment as a change. Every instance does this by itself from the
/// database, so nothing has to be written or sent when the time comes.
/// </summary>
/// <param name="passed">Called when a scheduled article has come due, before the next one is read.</param>
internal sealed class ScheduledArticleHorizon(IServiceScopeFactory scopes, Action passed) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private long _nextScheduledTicks = long.MaxValue;
    private volatile bool _known;

    /// <summary>A new or rescheduled article may move the moment the next one comes due: read it again.</summary>
    public void Forget() => _known = false;

    /// <summary>Counts a scheduled article due by <paramref name="now"/> as a change; reads the horizon whenever it is not known.</summary>
    public async ValueTask CheckAsync(DateTime now, CancellationToken cancellationToken)
    {
        if (_known && now.Ticks < Interlocked.Read(ref _nextScheduledTicks))
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_known && now.Ticks < Interlocked.Read(ref _nextScheduledTicks))
            {
                return;
            }

            if (_known)
            {
                passed();
            }

            // Read the horizon before declaring it known: a change arriving meanwhile sets it unknown again.
            _known = true;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var next = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt > now)
                .OrderBy(a => a.PublishedAt)
                .Select(a => a.PublishedAt)
                .FirstOrDefaultAsync(cancellationToken);
            Interlocked.Exchange(ref _nextScheduledTicks, next?.Ticks ?? long.MaxValue);
        }
        catch
        {
            _known = false;
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
