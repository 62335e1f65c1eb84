namespace NewsPortal.IntegrationTests.Features.Articles;

/// <summary>The shared article page compressed for browsers that accept gzip, with each reader's secrets left uncompressed.</summary>
public sealed class CompressedArticlePageTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static (string Token, string Stamp) Secrets(string html)
    {
        var form = Html.CommentForm(new HtmlParser().ParseDocument(html));
        return (form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!, form.QuerySelector("input[name='Stamp']")!.GetAttribute("value")!);
    }

    private static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(HttpClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static string Gunzip(byte[] body)
    {
        using var input = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task AGzipReader_GetsThePageAPlainReaderGets_WithTheirOwnTokenAndStampSentLiterally()
    {
        var (slug, id) = await factory.PublishedCommentAsync("A comment every reader of the story sees.");
        var url = $"/news/{slug}";

        var (plainResponse, plainBody) = await GetAsync(factory.Reader(), url, null);
        var gzipReader = factory.Reader();
        var (gzipResponse, gzipBody) = await GetAsync(gzipReader, url, "gzip, deflate, br, zstd");

        Assert.Equal(HttpStatusCode.OK, plainResponse.StatusCode);
        Assert.Empty(plainResponse.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.OK, gzipResponse.StatusCode);
        Assert.Equal(["gzip"], gzipResponse.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", gzipResponse.Headers.Vary);
        Assert.Contains("Accept-Encoding", plainResponse.Headers.Vary);
        Assert.Equal(gzipBody.Length, gzipResponse.Content.Headers.ContentLength);

        var plain = Encoding.UTF8.GetString(plainBody);
        var unzipped = Gunzip(gzipBody);
        var (plainToken, plainStamp) = Secrets(plain);
        var (token, stamp) = Secrets(unzipped);
        Assert.NotEqual(plainToken, token);
        Assert.Equal(plain.Replace(plainToken, "TOKEN").Replace(plainStamp, "STAMP"), unzipped.Replace(token, "TOKEN").Replace(stamp, "STAMP"));
        Assert.Contains($"id=\"comment-{id}\"", unzipped, StringComparison.Ordinal);

        // The secrets were never compressed: their bytes are in the stream as they are.
        Assert.True(gzipBody.AsSpan().IndexOf(Encoding.ASCII.GetBytes(token)) > 0, "The reader's token is not in the compressed body literally.");
        Assert.True(gzipBody.AsSpan().IndexOf(Encoding.ASCII.GetBytes(stamp)) > 0, "The reader's form stamp is not in the compressed body literally.");
        Assert.True(gzipBody.Length * 3 < plainBody.Length, $"{gzipBody.Length} compressed bytes for {plainBody.Length}.");

        // The token in the compressed page is the one that goes with this reader's cookie: the form works.
        var posted = await Html.PostAsync(gzipReader, url + "/comments", Html.FormValues(Html.CommentForm(new HtmlParser().ParseDocument(unzipped)), new Dictionary<string, string>
        {
            ["Name"] = "Gina Gzip",
            ["Email"] = "gina@example.com",
            ["Body"] = "Posted from a page that came compressed.",
        }));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.StartsWith(url, posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    [InlineData("br")]
    [InlineData("gzip;q=0")]
    public async Task ABrowserThatDoesNotTakeGzip_GetsThePagePlain(string? acceptEncoding)
    {
        var (slug, _) = await factory.PublishedCommentAsync();

        var (response, body) = await GetAsync(factory.Reader(), $"/news/{slug}", acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("<html", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }
}
