namespace NewsPortal.TopologyTests.Infrastructure.Proxy;

public sealed class PublicUrlTests(Topology topology)
{
    [Fact]
    public async Task AbsoluteUrls_OnEveryInstanceAndThroughNginx_AreBuiltFromThePublicUrl()
    {
        await topology.ReadyAsync();
        var slug = await topology.CommentArticleAsync();
        var publicUrl = topology.PublicUrl.ToString().TrimEnd('/');
        var expected = $"{publicUrl}/news/{slug}";

        var browsers = new[] { topology.Reader(), Topology.Direct(topology.A), Topology.Direct(topology.B) };
        try
        {
            foreach (var browser in browsers)
            {
                var page = await browser.PageAsync($"/news/{slug}");
                Assert.Equal(expected, page.QuerySelector("link[rel='canonical']")?.GetAttribute("href"));
                Assert.Equal(expected, page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));

                var feed = await browser.GetAsync("/feed.xml");
                Assert.Equal(HttpStatusCode.OK, feed.Status);
                var links = XDocument.Parse(feed.Text).Descendants()
                    .Where(e => e.Name.LocalName == "link")
                    .Select(e => (string?)e.Attribute("href") ?? e.Value)
                    .ToList();
                Assert.NotEmpty(links);
                Assert.All(links, link => Assert.StartsWith(publicUrl + "/", link, StringComparison.Ordinal));
            }
        }
        finally
        {
            foreach (var browser in browsers)
            {
                browser.Dispose();
            }
        }
    }
}
