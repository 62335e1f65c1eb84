using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Infrastructure.Telemetry;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>docs/observability.md's table of metrics and the code that names them stay in step.</summary>
public sealed class MetricsDocsTests
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

    [Fact]
    public async Task EveryInstrumentOfTheSitesMeter_IsInTheObservabilityPagesTable()
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

        var page = Page();

        Assert.True(names.Count >= 20, $"Expected every instrument of the NewsPortal meter; saw {string.Join(", ", names)}");
        var missing = names.Select(n => "`" + n.Replace('.', '_')).Where(n => !page.Contains(n, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"Not in docs/observability.md's metrics table (as Prometheus names them): {string.Join(", ", missing)}");
    }
}
