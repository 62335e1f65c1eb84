using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Features.AdminArticles;

/// <summary>What the editor pages show: a new story, a story to edit, the form again after a failed save, the preview.</summary>
public sealed class ArticleEditorPages(NewsDbContext db, SiteClock clock, PublishTimes times)
{
    public async Task<ArticleEditorViewModel> NewAsync(CancellationToken cancellationToken) =>
        await WithChoicesAsync(new ArticleForm { CommentsOpen = true }, null, ArticleStatus.Draft, null, null, cancellationToken);

    public async Task<ArticleEditorViewModel?> EditAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        var form = new ArticleForm
        {
            Slug = article.Slug,
            Tags = string.Join(", ", article.Tags.OrderBy(t => t.Name).Select(t => t.Name)),
            CommentsOpen = article.CommentsOpen,
            PublishAt = article.PublishedAt is { } at ? clock.ToLocal(at).DateTime : null,
            PublishAtOffset = article.PublishedAt is { } utc ? PublishTimes.FormatOffset(clock.ToLocal(utc).Offset) : null,
            OpenedAtVersion = article.EditVersion,
        };
        form.TakeStory(article, article.CategoryId, article.AuthorId, await CoAuthorList.OfAsync(db, article.Id, cancellationToken));
        return await WithChoicesAsync(form, article.Id, article.Status, article.PublishedAt, article.Slug, cancellationToken);
    }

    /// <summary>The editor page again after a failed save, with what the editor typed.</summary>
    public async Task<ArticleEditorViewModel> AgainAsync(int? id, ArticleForm form, CancellationToken cancellationToken)
    {
        var current = id is { } existing
            ? await db.Articles.AsNoTracking().Where(a => a.Id == existing).Select(a => new { a.Status, a.PublishedAt, a.Slug }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return await WithChoicesAsync(form, id, current?.Status ?? ArticleStatus.Draft, current?.PublishedAt, current?.Slug, cancellationToken);
    }

    /// <summary>The article as readers would see it, whatever its status, for the preview page.</summary>
    public async Task<ArticleViewModel?> PreviewAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(ArticleQueryExtensions.ToViewModel).SingleOrDefaultAsync(cancellationToken);
        return article is null ? null : article with
        {
            Tags = await ArticleQueryExtensions.TagsOfAsync(db, id, cancellationToken),
            Bylines = await ArticleQueryExtensions.BylinesOfAsync(db, article, cancellationToken),
        };
    }

    private async Task<ArticleEditorViewModel> WithChoicesAsync(
        ArticleForm form, int? id, ArticleStatus status, DateTime? publishedAt, string? slug, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(cancellationToken);
        var onStory = CoAuthorList.Chosen(form).Append(form.AuthorId).ToList();
        var authors = await db.Authors.AsNoTracking().Where(a => !a.IsRetired || onStory.Contains(a.Id)).OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(cancellationToken);
        return new ArticleEditorViewModel(id, status, publishedAt, slug, form, categories, authors, times.PublishAtChoices(form));
    }
}
