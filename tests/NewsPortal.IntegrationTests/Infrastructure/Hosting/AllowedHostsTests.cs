namespace NewsPortal.IntegrationTests.Infrastructure.Hosting;

/// <summary><c>AllowedHosts</c> set to the public host name: a request for any other Host is answered 400.</summary>
public sealed class AllowedHostsTests
{
    [Theory]
    [InlineData("news.example.com", HttpStatusCode.OK)]
    [InlineData("NEWS.example.com", HttpStatusCode.OK)]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("news.example.com.evil.example", HttpStatusCode.BadRequest)]
    public async Task Request_ForAHost_IsAnsweredOnlyWhenAllowed(string host, HttpStatusCode expected)
    {
        using var factory = new NewsPortalFactory();
        factory.Settings["AllowedHosts"] = "news.example.com";
        var client = factory.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = host;
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }
}
