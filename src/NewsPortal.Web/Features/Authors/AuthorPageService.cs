using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Features.Authors;

/// <summary>The public author page: who they are and their published articles, newest first, paged like a section.</summary>
public sealed class AuthorPageService(SiteClock clock, ReaderSnapshot cache)
{
    public const int PageSize = 12;


    /// <summary>Cached with the comment version too: the cards show comment counts.</summary>
    public ValueTask<AuthorPageAnswer> GetAsync(string slug, int page, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync($"author:{slug}:{page}", ReaderChange.Comments, (db, ct) => LoadAsync(db, slug, page, ct), cancellationToken);

    /// <summary>The current slug of the byline that used to have <paramref name="oldSlug"/>.</summary>
    public static IQueryable<string> MovedTo(NewsDbContext db, string oldSlug) =>
        db.AuthorSlugRedirects.AsNoTracking().Where(r => r.OldSlug == oldSlug).Select(r => r.Author.Slug);

    private async Task<AuthorPageAnswer> LoadAsync(NewsDbContext db, string slug, int page, CancellationToken cancellationToken)
    {
        var author = await db.Authors.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new { a.Id, a.Name, a.Slug, a.Title, a.Bio, a.PhotoMediaItemId, a.Links })
            .SingleOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return new AuthorPageAnswer(null, await MovedTo(db, slug).FirstOrDefaultAsync(cancellationToken));
        }

        var id = author.Id;
        var articles = await db.Articles.AsNoTracking()
            .VisibleAt(clock.UtcNow)
            .Where(a => a.AuthorId == id || a.CoAuthors.Any(c => c.AuthorId == id))
            .NewestFirst()
            .ToSummaryPageAsync(db.Articles.AsNoTracking(), page, PageSize, cancellationToken);

        return new AuthorPageAnswer(
            new AuthorPageViewModel
            {
                Name = author.Name,
                Slug = author.Slug,
                Title = author.Title,
                Bio = author.Bio,
                Photo = await BylinePhoto.LoadAsync(db, author.PhotoMediaItemId, author.Name, cancellationToken),
                Links = new Author { Name = author.Name, Slug = author.Slug, Links = author.Links }.LinkList(),
                Articles = articles,
            },
            null);
    }
}
