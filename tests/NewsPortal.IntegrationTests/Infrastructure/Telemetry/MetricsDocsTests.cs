namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>docs/observability.md's table of metrics and the code that names them stay in step.</summary>
public sealed partial class MetricsDocsTests
{
    private static string Page()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var page = Path.Combine(directory.FullName, "docs", "observability.md");
            if (File.Exists(Path.Combine(directory.FullName, "NewsPortal.sln")) && File.Exists(page))
            {
                return File.ReadAllText(page);
            }
        }

        throw new InvalidOperationException($"docs/observability.md not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>The metric names in the page's table, as Prometheus names them (<c>newsportal_…</c>).</summary>
    internal static HashSet<string> DocumentedNames() =>
        TableName().Matches(Page()).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^\| `(newsportal_[a-z0-9_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableName();

    [Fact]
    public async Task EveryInstrumentOfTheSitesMeter_IsInTheObservabilityPagesTable()
    {
        var names = await InstrumentNamesAsync();

        var page = Page();

        Assert.True(names.Count >= 20, $"Expected every instrument of the NewsPortal meter; saw {string.Join(", ", names)}");
        var missing = names.Select(n => "`" + n.Replace('.', '_')).Where(n => !page.Contains(n, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"Not in docs/observability.md's metrics table (as Prometheus names them): {string.Join(", ", missing)}");
    }

    /// <summary>
    /// The other way round: every name in the table is an instrument's, as the exporter writes it (dots as underscores,
    /// <c>_total</c> on counters, <c>_seconds</c> for a unit of seconds the name does not already end with).
    /// </summary>
    [Fact]
    public async Task EveryNameInTheObservabilityPagesTable_IsAnInstrumentOfTheSitesMeter()
    {
        var instruments = (await InstrumentNamesAsync()).Select(n => n.Replace('.', '_')).ToList();

        var unknown = DocumentedNames()
            .Where(name => !instruments.Any(i => name == i || name == i + "_total" || name == i + "_seconds"))
            .ToList();

        Assert.True(unknown.Count == 0, $"In docs/observability.md's table but no instrument of the NewsPortal meter: {string.Join(", ", unknown)}");
    }

    private static async Task<HashSet<string>> InstrumentNamesAsync()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == SiteMetrics.MeterName)
                {
                    lock (names)
                    {
                        names.Add(instrument.Name);
                    }
                }
            },
        };
        listener.Start();
        RuntimeHelpers.RunClassConstructor(typeof(SiteMetrics).TypeHandle);
        await using var factory = new NewsPortalFactory();
        _ = factory.Services.GetRequiredService<SiteGauges>();
        lock (names)
        {
            return [.. names];
        }
    }
}
