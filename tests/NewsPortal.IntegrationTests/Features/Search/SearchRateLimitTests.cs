namespace NewsPortal.IntegrationTests.Features.Search;

public sealed class SearchRateLimitTests(SearchRateLimitTests.Factory factory) : IClassFixture<SearchRateLimitTests.Factory>
{
    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => Settings["Search:RequestsPerMinutePerIp"] = "3";
    }

    [Fact]
    public async Task Search_OverTheLimit_GetsTheFriendly429AndOtherClientsDoNot()
    {
        var flooder = factory.CreateClient();
        flooder.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, "203.0.113.7");
        var other = factory.CreateClient();
        other.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, "203.0.113.8");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await flooder.GetAsync(new Uri($"/search?q=harbour{i}", UriKind.Relative))).StatusCode);
        }

        var (limited, page) = await Html.GetAsync(flooder, "/search?q=harbour");
        var (otherResponse, _) = await Html.GetAsync(other, "/search?q=harbour");
        var (article, _) = await Html.GetAsync(flooder, "/");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("wait a minute", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
    }
}
