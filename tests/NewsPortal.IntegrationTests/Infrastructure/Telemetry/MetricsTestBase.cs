namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>The shared metrics site, for the tests in <see cref="MetricsCollection"/>.</summary>
public abstract class MetricsTestBase(MetricsSite site)
{
    private protected readonly MetricsSite _site = site;

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected async Task PostCommentAsync(string slug, string name, string email, string body, HttpClient? client = null)
    {
        using var own = client is null ? _site.Reader() : null;
        var reader = client ?? own!;
        var response = await ReaderComments.PostAsync(reader, slug, name, email, body);
        Assert.True((int)response.StatusCode < 500, $"The post answered {(int)response.StatusCode}.");
    }
}
