namespace NewsPortal.TopologyTests.Infrastructure.Hosting;

/// <summary>
/// The published build's runtime settings, read from the file the runtime reads. A misspelt MSBuild property is
/// silently ignored (ServerGarbageCollector ran the site on server GC for months), so the file is the only proof.
/// </summary>
public sealed class PublishedRuntimeTests(Topology topology)
{
    [Fact]
    public async Task RuntimeConfig_OfThePublishedSite_UsesConcurrentWorkstationGc_WithConserveMemory5()
    {
        await topology.ReadyAsync();
        var path = Path.Combine(topology.PublishDirectory, "NewsPortal.Web.runtimeconfig.json");

        using var config = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(5, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
    }
}
