namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>
/// Watches the queries that name one article's slug as a parameter (the article page's load; nothing else the
/// tests run passes a slug). Counts them, and when armed holds the next one, after it has read its rows, until
/// released, so a test can freeze a load halfway and change the data under it.
/// </summary>
public sealed class SlugQueryGate : DbCommandInterceptor
{
    private readonly Lock _lock = new();
    private string? _slug;
    private TaskCompletionSource? _armed;
    private TaskCompletionSource? _holding;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    /// <summary>Queries with the watched slug since <see cref="Watch"/>.</summary>
    public int Count => Volatile.Read(ref _count);

    public void Watch(string slug)
    {
        lock (_lock)
        {
            _slug = slug;
            _count = 0;
        }
    }

    /// <summary>The next query with the watched slug waits until <see cref="Release"/>.</summary>
    public Task ArmAsync()
    {
        lock (_lock)
        {
            _armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _reached.Task;
        }
    }

    public void Release()
    {
        lock (_lock)
        {
            _holding?.TrySetResult();
            _holding = null;
        }
    }

    /// <summary>
    /// Holds after the query has run and its reader is open: the rows it read are the database as it was then,
    /// whatever commits while it is held (SQLite WAL gives each reader its snapshot).
    /// </summary>
    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Task? wait = null;
        lock (_lock)
        {
            if (_slug is not null && command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, _slug)))
            {
                _count++;
                if (_armed is { } armed)
                {
                    wait = armed.Task;
                    _holding = armed;
                    _armed = null;
                    _reached.TrySetResult();
                }
            }
        }

        if (wait is not null)
        {
            await wait.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return result;
    }
}
