namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>
/// Lines requests up at one query: once armed for N, the first N commands whose SQL contains the watched text wait,
/// after reading their rows, until all N have arrived, then go on together. Two saves held this way have both
/// finished their checks before either writes: the race two editors clicking at once can produce.
/// </summary>
public sealed class QueryBarrier : DbCommandInterceptor
{
    private readonly Lock _lock = new();
    private string? _sqlContains;
    private int _waiting;
    private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Arm(string sqlContains, int parties)
    {
        lock (_lock)
        {
            _sqlContains = sqlContains;
            _waiting = parties;
            _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Task? wait = null;
        lock (_lock)
        {
            if (_sqlContains is not null && _waiting > 0 && command.CommandText.Contains(_sqlContains, StringComparison.Ordinal))
            {
                wait = _all.Task;
                if (--_waiting == 0)
                {
                    _sqlContains = null;
                    _all.TrySetResult();
                }
            }
        }

        if (wait is not null)
        {
            await wait.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
        }

        return result;
    }
}
