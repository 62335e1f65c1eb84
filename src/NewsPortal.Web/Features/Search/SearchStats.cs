namespace NewsPortal.Web.Features.Search;

/// <summary>
/// Counts what readers search for, as aggregates only: per day, the normalised terms (lower case, as the query
/// parser keeps them) and how many of those searches found nothing. No address, cookie or time finer than the day is
/// kept, not even in memory. Counted here and added to the database in batches by <see cref="SearchStatsJob"/>, so a
/// search never waits on a write; a process that dies loses at most one interval's counts.
/// </summary>
public sealed class SearchStatsRecorder(SiteClock clock)
{
    private readonly ConcurrentDictionary<(DateOnly Day, string Term), Counts> _pending = new();
    private readonly SiteDays _days = new SiteDays(clock);

    /// <summary>A first results page was answered for <paramref name="query"/>.</summary>
    public void Record(SearchQuery query, bool found)
    {
        var term = Term(query);
        if (term.Length == 0)
        {
            return;
        }

        var counts = _pending.GetOrAdd((_days.Today, term), _ => new Counts());
        Interlocked.Increment(ref counts.Searches);
        if (!found)
        {
            Interlocked.Increment(ref counts.ZeroResults);
        }
    }

    internal static string Term(SearchQuery query)
    {
        var term = query.Display.ToLower(CultureInfo.InvariantCulture);
        return term.Length > FieldLengths.SearchQuery ? term[..FieldLengths.SearchQuery] : term;
    }

    /// <summary>Takes what was counted since the last call; the counts go on from zero.</summary>
    internal List<(DateOnly Day, string Term, int Searches, int ZeroResults)> Drain()
    {
        var drained = new List<(DateOnly, string, int, int)>();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var counts))
            {
                drained.Add((key.Day, key.Term, Volatile.Read(ref counts.Searches), Volatile.Read(ref counts.ZeroResults)));
            }
        }

        return drained;
    }

    /// <summary>Nothing counted since the last drain.</summary>
    internal bool IsEmpty => _pending.IsEmpty;

    /// <summary>Puts back what could not be written, so the next pass tries again.</summary>
    internal void Restore(IEnumerable<(DateOnly Day, string Term, int Searches, int ZeroResults)> counts)
    {
        foreach (var (day, term, searches, zero) in counts)
        {
            var into = _pending.GetOrAdd((day, term), _ => new Counts());
            Interlocked.Add(ref into.Searches, searches);
            Interlocked.Add(ref into.ZeroResults, zero);
        }
    }

    private sealed class Counts
    {
        public int Searches;
        public int ZeroResults;
    }
}

/// <summary>
/// Adds the counted searches to <c>DailySearchTerms</c> (an increment per row, so every instance adds its own) and
/// deletes days older than <c>Search:StatsDays</c>.
/// </summary>
public sealed partial class SearchStatsJob(SearchStatsRecorder recorder, IServiceScopeFactory scopes, IOptions<SearchOptions> options, ILogger<SearchStatsJob> logger) : PeriodicBackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(30);

    private readonly SearchOptions _options = options.Value;

    protected override bool Enabled => true;

    protected override TimeSpan Interval => FlushInterval;

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => FlushAsync(stoppingToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (recorder.IsEmpty)
        {
            // Pruning can wait for the next start; a host torn down without a graceful stop has no services left.
            return;
        }

        try
        {
            await FlushAsync(cancellationToken);
        }
#pragma warning disable CA1031 // Stopping: what cannot be written now is lost, as the type's summary says.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailure(ex);
        }
    }

    /// <summary>Writes what was counted and prunes old days; public so tests and the rebuild button need not wait.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var counts = recorder.Drain();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var written = 0;
        try
        {
            foreach (var (day, term, searches, zero) in counts)
            {
                await AddAsync(db, day, term, searches, zero, cancellationToken);
                written++;
            }
        }
        catch
        {
            recorder.Restore(counts.Skip(written));
            throw;
        }

        var oldest = scope.ServiceProvider.GetRequiredService<SiteDays>().Today.AddDays(-_options.StatsDays);
        await db.DailySearchTerms.Where(t => t.Day < oldest).ExecuteDeleteAsync(cancellationToken);
    }

    private static async Task AddAsync(NewsDbContext db, DateOnly day, string term, int searches, int zero, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.DailySearchTerms.Where(t => t.Day == day && t.Term == term).ExecuteUpdateAsync(
                s => s.SetProperty(t => t.Searches, t => t.Searches + searches).SetProperty(t => t.ZeroResults, t => t.ZeroResults + zero),
                cancellationToken);
            if (updated == 1)
            {
                return;
            }

            db.DailySearchTerms.Add(new DailySearchTerm { Day = day, Term = term, Searches = searches, ZeroResults = zero });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another instance added the row first: add to it.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    protected override void LogFailure(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search statistics could not be written; the counts are kept for the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
