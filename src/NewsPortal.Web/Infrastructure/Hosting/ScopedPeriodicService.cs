namespace NewsPortal.Web.Infrastructure.Hosting;

/// <summary>
/// A <see cref="PeriodicBackgroundService"/> whose pass is a scoped service (it uses the database): each pass gets a
/// scope of its own and <typeparamref name="TPass"/> from it, so no context outlives the pass that used it.
/// </summary>
public abstract class ScopedPeriodicService<TPass> : PeriodicBackgroundService
    where TPass : notnull
{
    private readonly IServiceScopeFactory _scopes;

    protected ScopedPeriodicService(IServiceScopeFactory scopes, bool enabled, TimeSpan interval)
    {
        _scopes = scopes;
        Enabled = enabled;
        Interval = interval;
    }

    protected sealed override bool Enabled { get; }

    protected sealed override TimeSpan Interval { get; }

    /// <summary>One pass, with <paramref name="services"/> the pass's own scope.</summary>
    protected abstract Task RunAsync(TPass pass, IServiceProvider services, CancellationToken stoppingToken);

    protected sealed override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await RunAsync(scope.ServiceProvider.GetRequiredService<TPass>(), scope.ServiceProvider, stoppingToken);
    }
}
