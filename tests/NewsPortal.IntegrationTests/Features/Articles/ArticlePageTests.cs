namespace NewsPortal.IntegrationTests.Features.Articles;

public sealed class ArticlePageTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private Task<string> SampleSlugWithCommentsAsync() =>
        factory.WithDbAsync(db => db.Articles
            .Where(a => a.CommentsOpen && a.Comments.Any(c => c.Status == CommentStatus.Approved))
            .OrderBy(a => a.Id)
            .Select(a => a.Slug)
            .FirstAsync());

    [Fact]
    public async Task Get_PublishedArticle_ShowsTheSeedPageAnatomy()
    {
        var slug = await SampleSlugWithCommentsAsync();
        var headline = await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Headline).SingleAsync());

        var document = await factory.ReaderPageAsync($"/news/{slug}");

        Assert.Equal(headline, document.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector(".header-strip time[datetime]"));
        Assert.NotNull(document.QuerySelector("article .kicker[href^='/category/']"));
        Assert.NotNull(document.QuerySelector(".standfirst"));
        Assert.NotNull(document.QuerySelector(".byline .author-name"));
        Assert.NotNull(document.QuerySelector(".byline time[datetime]"));
        Assert.NotEmpty(document.QuerySelectorAll(".article-body p"));
        Assert.NotEmpty(document.QuerySelectorAll(".tags a[href^='/tag/']"));

        var headings = document.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Latest news", headings);
        Assert.Contains("Related news", headings);
        var related = document.QuerySelectorAll("#related-news-heading ~ .card-list .card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(related);
        Assert.DoesNotContain($"/news/{slug}", related);
        var latest = document.QuerySelectorAll(".headline-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(latest);
        Assert.DoesNotContain($"/news/{slug}", latest);
    }

    [Fact]
    public async Task Get_ArticleWithApprovedComments_ListsThemWithCountAndRendersTheForm()
    {
        var slug = await SampleSlugWithCommentsAsync();
        var approved = await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug && c.Status == CommentStatus.Approved));

        var (_, document) = await Html.GetAsync(factory.CreateClient(), $"/news/{slug}");

        var comments = document.QuerySelector("#comments")!;
        Assert.Equal(approved, comments.QuerySelectorAll("li.comment").Length);
        Assert.Contains($"{approved} comment", comments.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        var form = Html.CommentForm(document);
        foreach (var field in new[] { "Name", "Email", "Body" })
        {
            var control = form.QuerySelector($"[name='{field}']");
            Assert.NotNull(control);
            Assert.NotNull(form.QuerySelector($"label[for='{control!.Id}']"));
        }

        Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
    }

    [Fact]
    public async Task Get_UnknownSlug_Returns404PageWithSiteNavigation()
    {
        var (response, document) = await Html.GetAsync(factory.CreateClient(), "/news/no-such-story");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.True(document.QuerySelectorAll("nav.sections a[href^='/category/']").Length >= 6);
    }

    [Fact]
    public async Task Get_RelatedNews_NeverIncludesTheArticleItself()
    {
        var client = factory.CreateClient();
        var slugs = await factory.WithDbAsync(db => db.Articles.Select(a => a.Slug).Take(12).ToListAsync());

        foreach (var slug in slugs)
        {
            var (_, document) = await Html.GetAsync(client, $"/news/{slug}");
            var related = document.QuerySelectorAll("#related-news-heading ~ .card-list a[href^='/news/']").Select(a => a.GetAttribute("href")!.Split('#')[0]);
            Assert.DoesNotContain($"/news/{slug}", related);
        }
    }

    [Fact]
    public async Task Get_CategoryLinkOnArticle_OpensThatSection()
    {
        var client = factory.CreateClient();
        var slug = await SampleSlugWithCommentsAsync();
        var (_, document) = await Html.GetAsync(client, $"/news/{slug}");
        var categoryLink = document.QuerySelector("article .kicker")!;

        var (response, category) = await Html.GetAsync(client, categoryLink.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(categoryLink.TextContent.Trim(), category.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(Html.Links(category, "/news/"), href => href.StartsWith($"/news/{slug}", StringComparison.Ordinal));
    }
}
