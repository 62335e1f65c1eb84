namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>The routes a reader, a feed reader or a crawler opens; <c>{slug}</c> stands for an article's slug.</summary>
public static class ReaderRoutes
{
    public static readonly string[] All = ["/", "/news/{slug}", "/category/world", "/search?q=test", "/feed.xml", "/robots.txt", "/sitemap.xml", "/news-sitemap.xml"];

    /// <summary><paramref name="route"/> with <paramref name="slug"/> in place of <c>{slug}</c>.</summary>
    public static string For(string route, string slug) => route.Replace("{slug}", slug, StringComparison.Ordinal);
}
