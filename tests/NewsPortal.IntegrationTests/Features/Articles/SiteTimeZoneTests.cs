namespace NewsPortal.IntegrationTests.Features.Articles;

public sealed class SiteTimeZoneTests
{
    [Theory]
    [InlineData("Europe/London", "2026-07-01T13:30:00+01:00", "1 July 2026, 13:30 BST")]
    [InlineData("America/New_York", "2026-07-01T08:30:00-04:00", "1 July 2026, 08:30 UTC-04:00")]
    [InlineData("Asia/Tokyo", "2026-07-01T21:30:00+09:00", "1 July 2026, 21:30 UTC+09:00")]
    public async Task Get_Article_ShowsPublishTimeInSiteTimeZone(string timeZone, string expectedDatetime, string expectedText)
    {
        using var factory = new NewsPortalFactory().WithSettings(("Site:TimeZone", timeZone));
        var article = await factory.WithDbAsync(db => new ArticleBuilder()
            .Headline("Summer solstice timing test")
            .PublishedAt(new DateTime(2026, 7, 1, 12, 30, 0, DateTimeKind.Utc))
            .SaveAsync(db));

        var (_, document) = await Html.GetAsync(factory.CreateClient(), $"/news/{article.Slug}");

        var published = document.QuerySelector(".byline .dates time")!;
        Assert.Equal(expectedDatetime, published.GetAttribute("datetime"));
        Assert.Equal(expectedText, published.TextContent.Trim());
    }
}
