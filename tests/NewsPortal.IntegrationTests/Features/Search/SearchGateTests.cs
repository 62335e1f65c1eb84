namespace NewsPortal.IntegrationTests.Features.Search;

/// <summary>
/// The search bulkhead and the search cache: with every slot taken a search that needs the database is turned away
/// (503, Retry-After, a message on the search page), while one already answered is served from the reader cache
/// until the articles change.
/// </summary>
public sealed class SearchGateTests(SearchGateTests.Factory factory) : IClassFixture<SearchGateTests.Factory>
{
    public sealed class Factory : NewsPortalFactory
    {
        public Factory()
            : base(("Search:RequestsPerMinutePerIp", "100000"), ("Search:MaxConcurrent", "1"), ("Search:MaxWaitSeconds", "0")) =>
            ConfigureServices = services => services.AddSingleton<Serilog.Core.ILogEventSink>(Log);

        public CapturedLog Log { get; } = new();
    }

    private SearchGate Gate => factory.Services.GetRequiredService<SearchGate>();

    private static string Word() => "zg" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Search_EverySlotBusy_Answers503WithRetryAfterAndSaysWhy()
    {
        var word = Word();
        await factory.WithDbAsync(new ArticleBuilder().Headline($"The {word} report").SaveAsync);
        var client = factory.CreateClient();

        HttpResponseMessage busy;
        AngleSharp.Html.Dom.IHtmlDocument busyPage;
        using (await Gate.EnterAsync(TestContext.Current.CancellationToken))
        {
            (busy, busyPage) = await Html.GetAsync(client, $"/search?q={word}");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), busy.Headers.RetryAfter?.Delta);
        Assert.Contains("try again in a few seconds", busyPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(busyPage.QuerySelector("form[action='/search'] input[name='q']"));
        var logged = await factory.Log.RequestLoggedAsync("/search", TimeSpan.FromSeconds(5));
        Assert.NotNull(logged);
        var busyLogged = factory.Log.Events.Where(e => e.Properties.TryGetValue("StatusCode", out var code) && code.ToString() == "503").ToList();
        Assert.NotEmpty(busyLogged);
        Assert.All(busyLogged, e => Assert.Equal(Serilog.Events.LogEventLevel.Warning, e.Level));

        var (again, page) = await Html.GetAsync(client, $"/search?q={word}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(word, page.QuerySelector(".listing .card-title")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_AnsweredBefore_IsServedFromTheCacheUntilAnArticleChanges()
    {
        var word = Word();
        var article = await factory.WithDbAsync(new ArticleBuilder().Headline($"The {word} inquiry").SaveAsync);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/search?q={word}", TestContext.Current.CancellationToken)).StatusCode);

        using (await Gate.EnterAsync(TestContext.Current.CancellationToken))
        {
            var (cached, page) = await Html.GetAsync(client, $"/search?q={word}");
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.Contains(word, page.QuerySelector(".listing .card-title")!.TextContent, StringComparison.Ordinal);

            await factory.WithDbAsync(async db =>
            {
                var saved = await db.Articles.FindAsync([article.Id], TestContext.Current.CancellationToken);
                saved!.Headline = $"The {word} inquiry reports";
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            });

            // The change moved the cache's version: the same search needs the database again, and no slot is free.
            var (afterChange, _) = await Html.GetAsync(client, $"/search?q={word}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, afterChange.StatusCode);
        }

        var (fresh, freshPage) = await Html.GetAsync(client, $"/search?q={word}");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Contains("inquiry reports", freshPage.QuerySelector(".listing .card-title")!.TextContent, StringComparison.Ordinal);
    }
}
