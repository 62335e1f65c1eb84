using StackExchange.Redis;

namespace NewsPortal.UnitTests.TestSupport;

/// <summary>
/// A Redis client with no server behind it, for the logic around Redis rather than Redis itself: a test says what
/// the scripts and hash reads answer, and sees what was sent and which channel handler was registered. Any other
/// call fails, naming the member, so a test never passes on a call it did not expect.
/// </summary>
internal sealed class RedisFake
{
    public RedisFake()
    {
        var database = Fake.Of<IDatabase>(Database);
        var subscriber = Fake.Of<ISubscriber>(Subscriber);
        Multiplexer = Fake.Of<IConnectionMultiplexer>((method, args) => method.Name switch
        {
            "get_IsConnected" => Connected,
            "GetDatabase" => database,
            "GetSubscriber" => subscriber,
            _ => Fake.Unexpected(method),
        });
        Connection = new RedisConnection(Multiplexer, NullLogger<RedisConnection>.Instance);
    }

    /// <summary>What the client reports; commands are still answered when false (the code under test must not send them).</summary>
    public bool Connected { get; set; } = true;

    /// <summary>Answers each script: given its keys and arguments, returns the result or throws.</summary>
    public Func<RedisKey[], RedisValue[], RedisResult> Script { get; set; } = (_, _) => throw new InvalidOperationException("No script answer set.");

    /// <summary>Answers each hash read of several fields.</summary>
    public Func<RedisKey, RedisValue[], RedisValue[]> HashGet { get; set; } = (_, _) => throw new InvalidOperationException("No hash answer set.");

    /// <summary>The keys and arguments of every script evaluated, in order.</summary>
    public List<(RedisKey[] Keys, RedisValue[] Values)> Scripts { get; } = [];

    public int HashReads { get; private set; }

    /// <summary>The handler registered for a channel, which a test calls to deliver a message.</summary>
    public Action<RedisChannel, RedisValue>? Handler { get; private set; }

    public IConnectionMultiplexer Multiplexer { get; }

    public RedisConnection Connection { get; }

    private object? Database(MethodInfo method, object?[] args)
    {
        switch (method.Name)
        {
            case "ScriptEvaluateAsync" when args is [string, RedisKey[] keys, RedisValue[] values, ..]:
                lock (Scripts)
                {
                    Scripts.Add((keys, values));
                }

                return Answer(() => Script(keys, values));
            case "HashGetAsync" when args is [RedisKey key, RedisValue[] fields, ..]:
                HashReads++;
                return Answer(() => HashGet(key, fields));
            default:
                return Fake.Unexpected(method);
        }
    }

    private object? Subscriber(MethodInfo method, object?[] args)
    {
        if (method.Name == "SubscribeAsync" && args is [RedisChannel, Action<RedisChannel, RedisValue> handler, ..])
        {
            Handler = handler;
            return Task.CompletedTask;
        }

        return Fake.Unexpected(method);
    }

    /// <summary>A failure comes back as a faulted task, as the client reports it.</summary>
    private static Task<T> Answer<T>(Func<T> answer)
    {
        try
        {
            return Task.FromResult(answer());
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }
}
