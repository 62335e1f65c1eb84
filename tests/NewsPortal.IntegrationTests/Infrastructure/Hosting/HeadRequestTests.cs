namespace NewsPortal.IntegrationTests.Infrastructure.Hosting;

/// <summary>HEAD, as uptime monitors and link checkers send it: the GET's status and headers, no body, no change.</summary>
public sealed class HeadRequestTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    public static TheoryData<string> Routes => new(ReaderRoutes.All);

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Head_ReaderRoute_AnswersAsGetWithoutTheBody(string route)
    {
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var url = ReaderRoutes.For(route, slug);
        var get = await SendAsync(HttpMethods.Get, url);

        // Twice: the article page's second HEAD is the shared copy, served before MVC.
        foreach (var head in new[] { await SendAsync(HttpMethods.Head, url), await SendAsync(HttpMethods.Head, url) })
        {
            Assert.Equal(StatusCodes.Status200OK, get.Status);
            Assert.Equal(StatusCodes.Status200OK, head.Status);
            Assert.Empty(head.Body);
            // The GET's headers as the server sent them (antiforgery cookies are new on every request).
            Assert.Equal(get.Headers, head.Headers);
            if (head.ContentLength is { } length)
            {
                // Right or absent: the length of the GET's body.
                Assert.Equal(get.Body.Length, length);
            }
        }
    }

    private async Task<(int Status, long? ContentLength, string Headers, byte[] Body)> SendAsync(string method, string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Host = new HostString("localhost");
            c.Request.Path = query < 0 ? url : url[..query];
            c.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(url[query..]);
        });
        using var body = new MemoryStream();
        await context.Response.Body.CopyToAsync(body);
        var headers = string.Join("\n", context.Response.Headers
            .Where(h => h.Key is not "Set-Cookie" and not "Date")
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => $"{h.Key}: {h.Value}"));
        return (context.Response.StatusCode, context.Response.ContentLength, headers, body.ToArray());
    }

    [Fact]
    public async Task Head_UnknownArticle_Is404WithoutABody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/news/no-such-article", UriKind.Relative));

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_OnTheCommentForm_IsRefusedAndStoresNothing()
    {
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri($"/news/{slug}/comments?Name=Ada&Email=ada%40example.com&Body=Hello", UriKind.Relative));

        var response = await factory.CreateClient().SendAsync(request);

        // Not a route a GET reaches, so nothing a HEAD can run.
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }
}
