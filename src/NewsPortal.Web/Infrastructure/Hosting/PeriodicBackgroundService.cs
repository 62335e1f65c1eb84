namespace NewsPortal.Web.Infrastructure.Hosting;

/// <summary>
/// A job that runs one pass, waits its interval and runs again for as long as the host runs: the outbox sender, the
/// notification dispatcher, the retention job. A pass that fails is logged (<see cref="LogFailure"/>) and the next one
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

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

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
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
