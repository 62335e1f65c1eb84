namespace NewsPortal.UnitTests.Infrastructure.Redis;

/// <summary>A Redis that hangs costs a request at most one second, whatever the connection string asks for.</summary>
public sealed class RedisConnectionTests
{
    [Theory]
    [InlineData("127.0.0.1:6379", 1000)]
    [InlineData("127.0.0.1:6379,asyncTimeout=30000,syncTimeout=30000", 1000)]
    [InlineData("127.0.0.1:6379,asyncTimeout=250", 250)]
    public void CommandTimeout_IsWhatTheConnectionStringSays_AtMostOneSecond(string connectionString, int expectedMilliseconds)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:Redis", connectionString)])
            .Build();

        var connection = new RedisConnection(configuration, NullLogger<RedisConnection>.Instance);

        Assert.True(connection.IsConfigured);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), connection.CommandTimeout);
    }

    [Fact]
    public void WithoutAConnectionString_NothingIsConfigured()
    {
        var connection = new RedisConnection(new ConfigurationBuilder().Build(), NullLogger<RedisConnection>.Instance);

        Assert.False(connection.IsConfigured);
        Assert.False(connection.IsConnected);
    }
}
