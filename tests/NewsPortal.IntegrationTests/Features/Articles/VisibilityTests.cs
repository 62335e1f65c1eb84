namespace NewsPortal.IntegrationTests.Features.Articles;

/// <summary>Drafts and articles scheduled for the future must not leak anywhere a reader can look.</summary>
public sealed class VisibilityTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    public static TheoryData<string> Kinds => ["draft", "scheduled"];

    private async Task<(string Slug, string Word)> HiddenArticleAsync(string kind)
    {
        var word = $"zyxhidden{kind}{Guid.NewGuid():N}"[..24];
        var builder = new ArticleBuilder()
            .Headline($"Secret {word} story")
            .Body($"<p>{word} appears in the body too.</p>")
            .InCategory("world")
            .Tagged("climate");
        builder = kind == "draft" ? builder.Draft() : builder.ScheduledFor(DateTime.UtcNow.AddDays(2));
        var article = await factory.WithDbAsync(db => builder.SaveAsync(db));
        return (article.Slug, word);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task HiddenArticle_IsInvisibleOnEveryReaderSurface(string kind)
    {
        var (slug, word) = await HiddenArticleAsync(kind);
        var client = factory.CreateClient();
        var link = $"/news/{slug}";

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);

        foreach (var page in new[] { "/", "/category/world", "/tag/climate", $"/search?q={word}" })
        {
            var (_, document) = await Html.GetAsync(client, page);
            Assert.DoesNotContain(Html.Links(document, "/news/"), href => href.StartsWith(link, StringComparison.Ordinal));
            Assert.DoesNotContain($"Secret {word}", document.Body!.TextContent, StringComparison.Ordinal);
        }

        var feed = await client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative));
        Assert.DoesNotContain(slug, feed, StringComparison.Ordinal);
        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.DoesNotContain(slug, sitemap, StringComparison.Ordinal);

        // Related news on a visible article sharing the section and tag.
        var visible = await factory.WithDbAsync(db => new ArticleBuilder().InCategory("world").Tagged("climate").SaveAsync(db));
        var (_, related) = await Html.GetAsync(client, $"/news/{visible.Slug}");
        Assert.DoesNotContain(Html.Links(related, "/news/"), href => href.StartsWith(link, StringComparison.Ordinal));
        Assert.NotNull(XDocument.Parse(feed).Root);
    }
}
