namespace NewsPortal.Web.Features.AdminArticles.Revisions;

public enum RestoreOutcome
{
    NotFound,

    /// <summary>A draft: the story now holds the restored values (nothing was published).</summary>
    Applied,

    /// <summary>A published or scheduled story: readers' text is untouched; the restored values wait in the editor.</summary>
    IntoEditor,
}

/// <param name="RevisionId">The new revision holding the restored values.</param>
/// <param name="RestoredFromAt">UTC: when the restored revision was made.</param>
public sealed record RestoreResult(RestoreOutcome Outcome, long RevisionId = 0, DateTime RestoredFromAt = default);

/// <summary>
/// Restore: always a new revision with the old values, and the text it replaces is a revision too, so nothing is lost.
/// A draft takes the values at once. A story readers can see (or will, when scheduled) is not changed behind the
/// editor's back: the values open in the editor and reach readers only when someone presses "Update published article".
/// </summary>
public sealed class RestoreRevision(NewsDbContext db, RevisionRecorder recorder)
{
    public async Task<RestoreResult> RestoreAsync(int articleId, long revisionId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        var source = await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == articleId, cancellationToken);
        if (article is null || source is null)
        {
            return new(RestoreOutcome.NotFound);
        }

        await recorder.KeepCurrentAsync(article, cancellationToken);
        if (article.Status != ArticleStatus.Draft)
        {
            var waiting = await recorder.AddUnappliedAsync(article, source, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new(RestoreOutcome.IntoEditor, waiting.Id, source.CreatedAt);
        }

        var before = ArticleSnapshot.Of(article, await CoAuthorList.OfAsync(db, article.Id, cancellationToken));
        article.Headline = source.Headline;
        article.Standfirst = source.Standfirst;
        article.BodyHtml = source.BodyHtml;
        article.HeroImageUrl = source.HeroImageUrl;
        article.HeroImageAlt = source.HeroImageAlt;
        article.HeroImageCaption = source.HeroImageCaption;

        // A section or byline removed since keeps the story's current one rather than pointing at nothing.
        if (await db.Categories.AnyAsync(c => c.Id == source.CategoryId, cancellationToken))
        {
            article.CategoryId = source.CategoryId;
        }

        if (await db.Authors.AnyAsync(a => a.Id == source.AuthorId, cancellationToken))
        {
            article.AuthorId = source.AuthorId;
        }

        // Co-authors likewise: the ones that still exist come back, in their order (the first byline is not repeated).
        var kept = CoAuthorList.Parse(source.CoAuthorIds);
        var existing = await db.Authors.AsNoTracking().Where(a => kept.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        var coAuthors = kept.Where(id => existing.Contains(id) && id != article.AuthorId).Distinct().ToList();
        await CoAuthorList.SetAsync(db, article, coAuthors, cancellationToken);

        await recorder.AddAsync(article, coAuthors, before, RevisionReason.Restored, source.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var made = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).MaxAsync(r => r.Id, cancellationToken);
        return new(RestoreOutcome.Applied, made, source.CreatedAt);
    }
}
