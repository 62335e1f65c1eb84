namespace NewsPortal.Web.Infrastructure.Hosting;

/// <summary>
/// A <see cref="PeriodicBackgroundService"/> whose pass is a scoped service (it uses the database): each pass gets a
/// scope of its own and <typeparamref name="TPass"/> from it, so no context outlives the pass that used it.
/// </summary>
public abstract class ScopedPeriodicService<TPass>(IServiceScopeFactory scopes, bool enabled, TimeSpan interval) : PeriodicBackgroundService
    where TPass : notnull
{
    protected sealed override bool Enabled { get; } = enabled;

    protected sealed override TimeSpan Interval { get; } = interval;

    /// <summary>One pass, with <paramref name="services"/> the pass's own scope.</summary>
    protected abstract Task RunAsync(TPass pass, IServiceProvider services, CancellationToken stoppingToken);

    protected sealed override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RunAsync(scope.ServiceProvider.GetRequiredService<TPass>(), scope.ServiceProvider, stoppingToken);
    }
}
