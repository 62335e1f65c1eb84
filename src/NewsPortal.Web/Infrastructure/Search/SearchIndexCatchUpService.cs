namespace NewsPortal.Web.Infrastructure.Search;

/// <summary>
/// Indexes rows that have no search index row (<see cref="SearchIndexWriter.CatchUpAsync(Func{CancellationToken, Task{IDisposable}}?, CancellationToken)"/>)
/// once per start, in the background: whether or not this instance migrated the database (an upgrade by script
/// leaves the new index tables empty), and without holding up start-up or readiness however large the archive.
/// Until it finishes, older rows are simply not found yet. A failure (the schema not yet there, another instance
/// holding the lock too long) is logged and the run tried again, with a doubling wait up to five minutes; the host
/// never stops for it. When articles were added to the index, cached search pages are dropped on every instance.
/// </summary>
public sealed partial class SearchIndexCatchUpService(
    IServiceScopeFactory scopes, SqliteWriteGate gate, ReaderChangeBus readers, TimeProvider time, ILogger<SearchIndexCatchUpService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(5);


    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting first: the catch-up is never on the start-up path.
        await Task.Yield();
        var wait = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
                var (articles, comments) = await SearchIndexInterceptor.WriterFor(db).CatchUpAsync(gate.EnterAsync, stoppingToken);
                if (articles + comments > 0)
                {
                    LogIndexed(logger, articles, comments);
                }

                if (articles > 0)
                {
                    // Written by raw SQL, which the reader cache's interceptor does not see; a search page cached
                    // before now may lack these articles.
                    await readers.PublishAsync(ReaderChange.Articles);
                }

                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A background job logs every failure and tries again; it must never stop the host.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, wait, ex);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            wait = wait * 2 < LastRetry ? wait * 2 : LastRetry;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index: added {Articles} articles and {Comments} comments that had no index row")]
    private static partial void LogIndexed(ILogger logger, int articles, int comments);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index catch-up failed; it tries again in {Wait}")]
    private static partial void LogFailed(ILogger logger, TimeSpan wait, Exception exception);
}
