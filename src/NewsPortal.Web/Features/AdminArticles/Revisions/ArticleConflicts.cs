namespace NewsPortal.Web.Features.AdminArticles.Revisions;

/// <summary>
/// Someone else saved the story after this editor opened it: who and when, and what they have against what this editor
/// typed (theirs → yours). <see cref="CurrentVersion"/> is the version to save over, should the editor keep theirs.
/// </summary>
public sealed record ArticleConflict(
    int CurrentVersion, string ChangedByName, DateTime ChangedAt, int SavesSince, string Intent,
    IReadOnlyList<DiffSegment> Headline, IReadOnlyList<DiffSegment> Standfirst, IReadOnlyList<DiffSegment> Body)
{
    public const string ViewDataKey = "ArticleConflict";
}

/// <summary>Finds a save made over someone else's later one, before anything is overwritten.</summary>
public sealed class ArticleConflicts(NewsDbContext db, ArticleSanitizer sanitizer, AutosaveSlots slots, SiteClock clock)
{
    /// <summary>
    /// Null when the form was opened at the story's current version (or says nothing about it). Otherwise the conflict,
    /// and the editor's text is also put into their autosave slot, so taking theirs still leaves theirs one click away.
    /// </summary>
    public async Task<ArticleConflict?> FindAsync(Article article, ArticleForm form, ArticleIntent intent, CancellationToken cancellationToken)
    {
        if (form.OpenedAtVersion is not { } opened || opened == article.EditVersion)
        {
            return null;
        }

        var latest = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == article.Id)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.CreatedByName, r.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        var mine = string.IsNullOrWhiteSpace(form.BodyHtml) ? string.Empty : sanitizer.Sanitize(form.BodyHtml);
        await slots.StoreAsync(article.Id, clock.UtcNow, form, cancellationToken);
        return new ArticleConflict(
            article.EditVersion,
            latest?.CreatedByName ?? "Someone",
            latest?.CreatedAt ?? article.UpdatedAt ?? article.CreatedAt,
            Math.Max(1, article.EditVersion - opened),
            intent.ToString().ToLowerInvariant(),
            WordDiff.Text(article.Headline, form.Headline?.Trim()),
            WordDiff.Text(article.Standfirst, form.Standfirst?.Trim()),
            WordDiff.Html(article.BodyHtml, mine));
    }
}
