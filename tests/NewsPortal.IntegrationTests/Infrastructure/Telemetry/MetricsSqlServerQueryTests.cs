namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>The gauges' queries (run at every scrape), translated by the SQL Server provider and parsed as T-SQL.</summary>
public sealed class MetricsSqlServerQueryTests
{
    [Fact]
    public void Gauges_OnSqlServer_TranslateToValidTSql()
    {
        using var factory = new SqlServerQueryTests.SqlServerFactory();
        _ = factory.Services.GetRequiredService<SiteGauges>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SiteMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.Start();

        // What a scrape does: every observable instrument's callback runs.
        listener.RecordObservableInstruments();

        var commands = factory.Capture.Commands.Where(c => c.Contains("[OutboxMessages]", StringComparison.Ordinal) || c.Contains("[Comments]", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.True(commands.Count >= 4, $"Expected the four gauge queries (outbox counts and oldest, queue size and oldest); captured:\n{string.Join("\n---\n", commands)}");
        TSql.AssertValid(commands);
    }
}
