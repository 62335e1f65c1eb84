using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.Feeds;

public sealed class FeedService
{
    public const int FeedItems = 30;

    /// <summary>The sitemap protocol's limit for one file.</summary>
    public const int SitemapLimit = 50_000;

    private readonly NewsDbContext _db;
    private readonly SiteClock _clock;

    public FeedService(NewsDbContext db, SiteClock clock)
    {
        _db = db;
        _clock = clock;
    }

    public Task<List<FeedItem>> GetFeedItemsAsync(CancellationToken cancellationToken) =>
        _db.Articles.AsNoTracking()
            .VisibleAt(_clock.UtcNow)
            .NewestFirst()
            .Take(FeedItems)
            .Select(a => new FeedItem(a.Slug, a.Headline, a.Standfirst, a.Category.Name, a.Author.Name, a.PublishedAt!.Value, a.UpdatedAt))
            .ToListAsync(cancellationToken);

    public Task<List<SitemapEntry>> GetSitemapEntriesAsync(CancellationToken cancellationToken) =>
        _db.Articles.AsNoTracking()
            .VisibleAt(_clock.UtcNow)
            .NewestFirst()
            .Take(SitemapLimit)
            .Select(a => new SitemapEntry(a.Slug, a.UpdatedAt > a.PublishedAt ? a.UpdatedAt!.Value : a.PublishedAt!.Value))
            .ToListAsync(cancellationToken);

    /// <summary>Google News sitemap: articles published in the last 48 hours (at most 1,000, as Google allows).</summary>
    public Task<List<FeedItem>> GetNewsSitemapItemsAsync(CancellationToken cancellationToken)
    {
        var now = _clock.UtcNow;
        var since = now.AddHours(-48);
        return _db.Articles.AsNoTracking()
            .VisibleAt(now)
            .Where(a => a.PublishedAt >= since)
            .NewestFirst()
            .Take(1000)
            .Select(a => new FeedItem(a.Slug, a.Headline, a.Standfirst, a.Category.Name, a.Author.Name, a.PublishedAt!.Value, a.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public Task<List<string>> GetCategorySlugsAsync(CancellationToken cancellationToken) =>
        _db.Categories.AsNoTracking().OrderBy(c => c.Position).Select(c => c.Slug).ToListAsync(cancellationToken);
}

/// <param name="PublishedAt">UTC.</param>
public sealed record FeedItem(
    string Slug, string Headline, string Standfirst, string Category, string Author, DateTime PublishedAt, DateTime? UpdatedAt);

/// <param name="LastModified">UTC.</param>
public sealed record SitemapEntry(string Slug, DateTime LastModified);
