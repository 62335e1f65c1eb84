using Serilog.Core;

namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>The site on a real Kestrel port, with what it logs captured.</summary>
public sealed class KestrelSite : IAsyncLifetime
{
    public CapturedLog Log { get; } = new();

    public NewsPortalFactory Factory { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Factory = new NewsPortalFactory
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<ILogEventSink>(Log);
                // Kestrel's floor for a request body (240 bytes a second) with a 2 s grace instead of 5 s, to keep the test short.
                services.Configure<KestrelServerOptions>(o => o.Limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(2)));
            },
        };
        // The one event per request, to know when a request is over; and Kestrel's own, to know when the site has
        // started reading a body.
        Factory.Settings["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information";
        Factory.Settings["Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Server.Kestrel"] = "Debug";
        Address = await Factory.StartOnKestrelAsync();
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// The comment post's body limit holds before anything reads the body, on a real server: chunked bodies included,
/// and bodies that never finish, arrive too slowly or are abandoned end without a 500.
/// </summary>
public sealed class CommentRequestBodyTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    private async Task<string> NewArticleAsync() =>
        (await site.Factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;

    private Task<int> CommentsOnAsync(string slug) =>
        site.Factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug));

    private static string Head(string slug, string headers) =>
        $"POST /news/{slug}/comments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n{headers}\r\n";

    [Fact]
    public async Task Post_AnnouncingMoreThanTheLimit_Gets413WithoutTheBodyBeingWaitedFor()
    {
        var slug = await NewArticleAsync();
        await using var raw = await RawHttp.ConnectAsync(site.Address);

        // 70,000 bytes announced, 1,000 sent, the rest never: a server that read the body would wait for it until
        // Kestrel's minimum data rate ended the request (408, then 400 from antiforgery), never answering 413.
        await raw.SendAsync(Head(slug, "Content-Length: 70000\r\n") + "Body=" + new string('a', 995));
        var status = await raw.StatusAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(413, status);
        Assert.Equal(0, await CommentsOnAsync(slug));
        Assert.Empty(site.Log.ErrorsBesidesKestrelsDrainAfterAReset);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_Gets413AndStoresNothing()
    {
        var slug = await NewArticleAsync();
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = site.Address };
        var page = await Html.ParseAsync(await browser.GetAsync(new Uri($"/news/{slug}", UriKind.Relative)));
        // Everything a browser would send, so only the size can stop it; the comment itself is 2 MB.
        var fields = Html.FormValues(Html.CommentForm(page), new Dictionary<string, string> { ["Name"] = "Ada", ["Email"] = "ada@example.com", ["Body"] = string.Empty });
        var form = Encoding.ASCII.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
        await using var raw = await RawHttp.ConnectAsync(site.Address);

        await raw.SendAsync(Head(slug, $"Transfer-Encoding: chunked\r\nCookie: {cookies.GetCookieHeader(site.Address)}\r\n"));
        var status = raw.StatusAsync(TimeSpan.FromSeconds(15));
        try
        {
            await raw.SendAsync(Chunk(form));
            var piece = Chunk(Encoding.ASCII.GetBytes(new string('a', 16 * 1024)));
            for (var sent = 0; sent < 2 * 1024 * 1024 && !status.IsCompleted; sent += 16 * 1024)
            {
                await raw.SendAsync(piece);
            }

            await raw.SendAsync("0\r\n\r\n");
        }
        catch (IOException)
        {
            // The server stopped reading and closed the connection: expected once it has answered.
        }

        Assert.Equal(413, await status);
        Assert.Equal(0, await CommentsOnAsync(slug));
        Assert.Empty(site.Log.ErrorsBesidesKestrelsDrainAfterAReset);
    }

    [Fact]
    public async Task Post_BodyStallingBelowTheMinimumRate_EndsWithoutA500()
    {
        var slug = await NewArticleAsync();
        await using var raw = await RawHttp.ConnectAsync(site.Address);

        // 5,000 bytes announced, five sent, then nothing: far below Kestrel's floor once its grace has passed.
        await raw.SendAsync(Head(slug, "Content-Length: 5000\r\n") + "Body=");
        var answered = await raw.StatusAsync(TimeSpan.FromSeconds(30));
        var logged = await site.Log.RequestLoggedAsync($"/news/{slug}/comments", TimeSpan.FromSeconds(30));

        Assert.NotNull(logged);
        Assert.True(answered is null or < 500, $"answered {answered}");
        Assert.Empty(site.Log.ErrorsBesidesKestrelsDrainAfterAReset);
        Assert.Equal(0, await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task Post_ClientGoneMidBody_LogsNoErrorAndStoresNothing()
    {
        var slug = await NewArticleAsync();
        await using var raw = await RawHttp.ConnectAsync(site.Address);
        var bodyStartsBefore = BodyStarts();

        await raw.SendAsync(Head(slug, "Content-Length: 5000\r\n") + "Name=Ada&Email=ada%40example.com&Body=" + new string('a', 500));
        // Hang up once the site is reading the body, not before the request reached it.
        var reading = await WaitUntilAsync(() => BodyStarts() > bodyStartsBefore, TimeSpan.FromSeconds(30));
        raw.Abort();
        var logged = await site.Log.RequestLoggedAsync($"/news/{slug}/comments", TimeSpan.FromSeconds(30));

        Assert.True(reading, "The site never started reading the body.");
        Assert.True(logged is not null, string.Join("\n", site.Log.Events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + e.Exception)));
        Assert.Empty(site.Log.ErrorsBesidesKestrelsDrainAfterAReset);
        Assert.Equal(0, await CommentsOnAsync(slug));
    }

    /// <summary>How many request bodies Kestrel has started reading (its Debug event), across the fixture's tests.</summary>
    private int BodyStarts() =>
        site.Log.Events.Count(e => e.MessageTemplate.Text.Contains("started reading request body", StringComparison.Ordinal));

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    private static byte[] Chunk(byte[] data) =>
        [.. Encoding.ASCII.GetBytes($"{data.Length:X}\r\n"), .. data, .. "\r\n"u8];
}
