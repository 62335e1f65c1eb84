namespace NewsPortal.Web.Infrastructure.Hosting;

/// <summary>
/// A job that runs one pass, waits its interval (or, with a <see cref="WorkSignal"/>, until new work arrives) and runs
/// again for as long as the host runs: the outbox sender, the notification dispatcher, the retention job, media
/// processing, the import runner. A pass that fails is logged (<see cref="LogFailure"/>) and the next one
/// comes at its time: a mail server or database that is away must never stop the host. Only the host's own stopping
/// ends the loop.
/// </summary>
public abstract class PeriodicBackgroundService : BackgroundService
{
    /// <summary>False: the job does not run on this instance at all.</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    protected abstract void LogFailure(Exception exception);

    /// <summary>The wait between passes; a job woken by new work overrides it.</summary>
    protected virtual Task WaitAsync(CancellationToken stoppingToken) => Task.Delay(Interval, stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        // Let start-up finish first: the first pass runs after the host has started.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A background job logs every failure and tries again; it must never stop the host.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailure(ex);
            }

            try
            {
                await WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
