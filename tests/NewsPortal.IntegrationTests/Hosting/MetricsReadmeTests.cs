using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Infrastructure.Telemetry;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>README's table of metrics and the code that names them stay in step.</summary>
public sealed class MetricsReadmeTests
{
    private static string Readme()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var readme = Path.Combine(directory.FullName, "README.md");
            if (File.Exists(Path.Combine(directory.FullName, "NewsPortal.sln")) && File.Exists(readme))
            {
                return File.ReadAllText(readme);
            }
        }

        throw new InvalidOperationException($"README.md not found above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public async Task EveryInstrumentOfTheSitesMeter_IsInReadmesTable()
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

        var readme = Readme();

        Assert.True(names.Count >= 20, $"Expected every instrument of the NewsPortal meter; saw {string.Join(", ", names)}");
        var missing = names.Select(n => "`" + n.Replace('.', '_')).Where(n => !readme.Contains(n, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"Not in README's metrics table (as Prometheus names them): {string.Join(", ", missing)}");
    }
}
