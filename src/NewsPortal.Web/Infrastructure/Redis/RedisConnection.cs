using StackExchange.Redis;

namespace NewsPortal.Web.Infrastructure.Redis;

/// <summary>
/// The one connection to Redis (<c>ConnectionStrings:Redis</c>), shared by cache invalidation and rate limits.
/// Unset: the site is one instance and everything stays in process. Set but unreachable: the site starts and
/// serves anyway, and the client keeps reconnecting in the background. Commands fail at once while it is down
/// (no queue of commands waiting for a connection), so a request never waits on an absent Redis.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    public const string ConnectionStringName = "Redis";

    private readonly ConfigurationOptions? _options;
    private readonly ILogger<RedisConnection> _logger;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private IConnectionMultiplexer? _multiplexer;

    public RedisConnection(IConfiguration configuration, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return;
        }

        _options = ConfigurationOptions.Parse(configured);
        _options.AbortOnConnectFail = false;
        _options.BacklogPolicy = BacklogPolicy.FailFast;
        _options.ConnectTimeout = Math.Min(_options.ConnectTimeout, 2000);
        _options.AsyncTimeout = Math.Min(_options.AsyncTimeout, 1000);
        _options.SyncTimeout = Math.Min(_options.SyncTimeout, 1000);
        _options.ReconnectRetryPolicy ??= new LinearRetry(1000);
        _options.ClientName ??= $"newsportal-{Environment.MachineName}-{Environment.ProcessId}";
    }

    /// <summary>
    /// Over a client made elsewhere, already created, with the command timeout the site uses: the seam that lets unit
    /// tests drive the Redis bus and the shared limiter with a client that needs no server.
    /// </summary>
    internal RedisConnection(IConnectionMultiplexer multiplexer, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        _options = new ConfigurationOptions { AsyncTimeout = 1000, SyncTimeout = 1000 };
        _multiplexer = multiplexer;
    }

    /// <summary>True when <c>ConnectionStrings:Redis</c> is set: the site is meant to share state with other instances.</summary>
    public bool IsConfigured => _options is not null;

    /// <summary>The longest one command waits for its answer before it fails (at most 1 s).</summary>
    public TimeSpan CommandTimeout => TimeSpan.FromMilliseconds(_options?.AsyncTimeout ?? 1000);

    /// <summary>Connected now. False when not configured.</summary>
    public bool IsConnected => _multiplexer?.IsConnected == true;

    /// <summary>The client, once <see cref="ConnectAsync"/> has run; it reconnects by itself.</summary>
    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    /// <summary>
    /// Runs <paramref name="connected"/> with the client once it exists (at once if it does): the tracing pipeline
    /// registers it for command spans without making the first connection itself.
    /// </summary>
    public void WhenConnected(Action<IConnectionMultiplexer> connected)
    {
        lock (_whenConnected)
        {
            if (_multiplexer is null)
            {
                _whenConnected.Add(connected);
                return;
            }
        }

        connected(_multiplexer);
    }

    private readonly List<Action<IConnectionMultiplexer>> _whenConnected = [];

    /// <summary>Creates the client (once). Returns even when Redis is down; the client goes on trying.</summary>
    public async Task<IConnectionMultiplexer?> ConnectAsync()
    {
        if (_options is null || _multiplexer is not null)
        {
            return _multiplexer;
        }

        await _connectLock.WaitAsync();
        try
        {
            if (_multiplexer is null)
            {
                _multiplexer = await ConnectionMultiplexer.ConnectAsync(_options);
                _multiplexer.ConnectionFailed += (_, e) =>
                    _logger.LogWarning("Redis connection lost ({FailureType}): cache invalidation and rate limits are local to this instance until it returns.", e.FailureType);
                _multiplexer.ConnectionRestored += (_, e) =>
                    _logger.LogInformation("Redis connection restored ({ConnectionType}).", e.ConnectionType);
                if (!_multiplexer.IsConnected)
                {
                    _logger.LogWarning("Redis at {Endpoints} is not reachable at start; serving with local state and retrying.", string.Join(", ", _options.EndPoints));
                }

                List<Action<IConnectionMultiplexer>> waiting;
                lock (_whenConnected)
                {
                    waiting = [.. _whenConnected];
                    _whenConnected.Clear();
                }

                foreach (var connected in waiting)
                {
                    connected(_multiplexer);
                }
            }

            return _multiplexer;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
        }

        _connectLock.Dispose();
    }
}
