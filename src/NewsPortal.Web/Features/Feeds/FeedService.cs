using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Feeds;

public sealed class FeedService(SiteClock clock, ReaderSnapshot cache)
{
    public const int FeedLength = 30;

    /// <summary>The sitemap protocol's limit for one file.</summary>
    public const int SitemapLimit = 50_000;

    private const string MediaPrefix = Infrastructure.Media.MediaServiceCollectionExtensions.RequestPath + "/";


    /// <summary>
    /// The newest articles, each with its hero's 1200 px JPEG when the hero is a media library image, or, with no hero,
    /// that of the body's first library image. Bodies are read only for articles without a hero that name a variant.
    /// </summary>
    public async Task<IReadOnlyList<FeedItem>> GetFeedItemsAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync("feed", ReaderChange.Articles, async (db, ct) =>
        {
            var rows = await db.Articles.AsNoTracking()
                .VisibleAt(clock.UtcNow)
                .NewestFirst()
                .Take(FeedLength)
                .Select(a => new
                {
                    Item = new FeedItem(
                        a.Slug, a.Headline, a.Standfirst, a.Category.Name, a.Author.Name,
                        a.CoAuthors.OrderBy(c => c.Position).Select(c => c.Author.Name).ToList(), a.PublishedAt!.Value, a.UpdatedAt),
                    a.HeroImageUrl,
                    Body = a.HeroImageUrl == null && a.BodyHtml.Contains(MediaPrefix) ? a.BodyHtml : null,
                })
                .ToListAsync(ct);
            var inBody = rows.ToDictionary(r => r.Item.Slug, r => r.Body is null ? [] : ResponsiveBodyImages.LibraryImages(r.Body));
            var images = await ResponsiveImages.ForAddressesAsync(
                db, rows.Select(r => r.HeroImageUrl).Concat(inBody.Values.SelectMany(c => c.Select(x => x.Address))), ct);
            return new FeedItems(rows.Select(r =>
            {
                var image = r.HeroImageUrl is { } url ? images.GetValueOrDefault(url) : ResponsiveImages.FirstOf(inBody[r.Item.Slug], images)?.Image;
                return image is null ? r.Item : r.Item with { Image = image.Fallback };
            }).ToList());
        }, cancellationToken)).Items;

    public async Task<IReadOnlyList<SitemapEntry>> GetSitemapEntriesAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync("sitemap", ReaderChange.Articles, async (db, ct) => new SitemapEntries(await db.Articles.AsNoTracking()
            .VisibleAt(clock.UtcNow)
            .NewestFirst()
            .Take(SitemapLimit)
            .Select(a => new SitemapEntry(a.Slug, a.UpdatedAt > a.PublishedAt ? a.UpdatedAt!.Value : a.PublishedAt!.Value))
            .ToListAsync(ct)), cancellationToken, sitemap => 128L * sitemap.Entries.Count)).Entries;

    /// <summary>Google News sitemap: articles published in the last 48 hours (at most 1,000, as Google allows).</summary>
    public async Task<IReadOnlyList<FeedItem>> GetNewsSitemapItemsAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync("news-sitemap", ReaderChange.Articles, async (db, ct) =>
        {
            var now = clock.UtcNow;
            var since = now.AddHours(-48);
            return new FeedItems(await db.Articles.AsNoTracking()
                .VisibleAt(now)
                .Where(a => a.PublishedAt >= since)
                .NewestFirst()
                .Take(1000)
                .Select(ToFeedItem)
                .ToListAsync(ct));
        }, cancellationToken, items => 512L * items.Items.Count)).Items;

    public async Task<IReadOnlyList<string>> GetCategorySlugsAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync("category-slugs", ReaderChange.Articles, async (db, ct) => new Slugs(
            await db.Categories.AsNoTracking().OrderBy(c => c.Position).Select(c => c.Slug).ToListAsync(ct)), cancellationToken)).Values;

    private static readonly System.Linq.Expressions.Expression<Func<Domain.Article, FeedItem>> ToFeedItem =
        a => new FeedItem(
            a.Slug, a.Headline, a.Standfirst, a.Category.Name, a.Author.Name,
            a.CoAuthors.OrderBy(c => c.Position).Select(c => c.Author.Name).ToList(), a.PublishedAt!.Value, a.UpdatedAt);

    [ImmutableObject(true)]
    private sealed record FeedItems(IReadOnlyList<FeedItem> Items);

    [ImmutableObject(true)]
    private sealed record SitemapEntries(IReadOnlyList<SitemapEntry> Entries);

    [ImmutableObject(true)]
    private sealed record Slugs(IReadOnlyList<string> Values);
}

/// <param name="PublishedAt">UTC.</param>
[ImmutableObject(true)]
public sealed record FeedItem(
    string Slug, string Headline, string Standfirst, string Category, string Author, IReadOnlyList<string> CoAuthors, DateTime PublishedAt, DateTime? UpdatedAt)
{
    /// <summary>Every byline in order.</summary>
    public IEnumerable<string> Authors => CoAuthors.Prepend(Author);

    /// <summary>
    /// The JPEG for the feed's enclosure and media:content: the hero's, or with no hero the body's first library image's;
    /// null when neither is a library image.
    /// </summary>
    public ImageFile? Image { get; init; }
}

/// <param name="LastModified">UTC.</param>
[ImmutableObject(true)]
public sealed record SitemapEntry(string Slug, DateTime LastModified);
