namespace NewsPortal.IntegrationTests.Infrastructure.Redis;

/// <summary>Two instances of the site on one database and a real Redis, and how a test reads, posts and waits on them, shared by the several-instances tests.</summary>
public abstract class SeveralInstancesTestBase
{
    private protected readonly TwoInstances _site;

    protected SeveralInstancesTestBase(TwoInstances site)
    {
        RedisServer.Require();
        _site = site;
    }

    /// <summary>Low per-client limits, so a test can see them shared: three comments a minute, three sign-in attempts.</summary>
    public sealed class TwoInstances() : TwoInstancesOnRedis("two")
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Comments:PostsPerMinutePerIp"] = "3",
            ["SignIn:AttemptsPerMinutePerIp"] = "3",
            ["SignIn:AttemptsPerQuarterHourPerAccount"] = "3",
        };
    }

    private protected static async Task<string> GetHtmlAsync(NewsPortalFactory instance, string url)
    {
        var response = await instance.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private protected static async Task<HttpStatusCode> PostCommentAsync(NewsPortalFactory instance, string slug, string clientAddress, string body)
    {
        var client = instance.CreateNoRedirectClient();
        client.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, clientAddress);
        var response = await ReaderComments.PostAsync(client, slug, "Two Instances", $"{Guid.NewGuid():N}@example.com", body);
        return response.StatusCode;
    }

    private protected static async Task<string> ReadyAsync(NewsPortalFactory instance) =>
        await (await instance.CreateClient().GetAsync(new Uri("/healthz/ready", UriKind.Relative))).Content.ReadAsStringAsync();

    /// <summary>The default <c>Cache:SyncMilliseconds</c> plus one Redis command's timeout, three times over for a busy machine.</summary>
    private protected static readonly TimeSpan SyncDeadline = 3 * (TimeSpan.FromMilliseconds(1000) + TimeSpan.FromSeconds(1));

    /// <summary>Asks until <paramref name="served"/> holds for the page; fails with what the page still showed.</summary>
    private protected static async Task ServedWithinSyncBoundAsync(NewsPortalFactory instance, string url, Func<string, bool> served, string what)
    {
        var deadline = DateTime.UtcNow + SyncDeadline;
        while (true)
        {
            var html = await GetHtmlAsync(instance, url);
            if (served(html))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{url} did not show {what} within {SyncDeadline.TotalSeconds:0} s; it still served:\n{html[..Math.Min(html.Length, 2000)]}");
            await Task.Delay(50);
        }
    }

    private protected static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(100);
        }
    }

    private protected async Task<Article> PublishedArticleAsync() => await _site.A.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
}
