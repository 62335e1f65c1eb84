namespace NewsPortal.Web.Features.AdminArticles.Revisions;

/// <summary>
/// Adds a revision to the story's save, in the same unit of work (so a save and its revision commit together or not at
/// all), moves the story's edit version on, and empties the saver's autosave slot, which the save has made stale.
/// </summary>
public sealed class RevisionRecorder(NewsDbContext db, SiteClock clock, CurrentStaff staff)
{
    private readonly CurrentStaff _staff = staff;

    /// <summary>
    /// Call after the story's fields are set and before <c>SaveChangesAsync</c>. <paramref name="coAuthors"/> are the
    /// story's co-authors as saved now; <paramref name="before"/> is the story as loaded (null for a new one). The
    /// saver's autosave slot for the story (0 for a new one) is emptied.
    /// </summary>
    public async Task AddAsync(
        Article article, IReadOnlyList<int> coAuthors, ArticleSnapshot? before, RevisionReason reason, long? restoredFromId, CancellationToken cancellationToken)
    {
        var staff = await _staff.GetAsync(cancellationToken);
        var after = ArticleSnapshot.Of(article, coAuthors);
        var names = await NamesAsync(after, cancellationToken);
        var slotId = article.Id;
        article.EditVersion++;
        var revision = Revision(after, names, staff, reason, string.Join(", ", after.ChangedFrom(before)), isPublished: article.Status != ArticleStatus.Draft);
        revision.Article = article;
        revision.RestoredFromId = restoredFromId;
        db.ArticleRevisions.Add(revision);

        // The slot was the unsaved state; once saved it would only offer to undo the save.
        var slot = await db.ArticleAutosaves.FindAsync([slotId, staff.Id], cancellationToken);
        if (slot is not null)
        {
            db.ArticleAutosaves.Remove(slot);
        }
    }

    /// <summary>
    /// Makes sure the story's current values are a revision (they are, after any save from the editor; not for a story
    /// last written before revisions existed): a restore must never lose the text it replaces.
    /// </summary>
    public async Task KeepCurrentAsync(Article article, CancellationToken cancellationToken)
    {
        var now = ArticleSnapshot.Of(article, await CoAuthorList.OfAsync(db, article.Id, cancellationToken));
        var kept = await db.ArticleRevisions.AnyAsync(
            r => r.ArticleId == article.Id && r.Headline == now.Headline && r.Standfirst == now.Standfirst && r.BodyHtml == now.BodyHtml
                 && r.CategoryId == now.CategoryId && r.AuthorId == now.AuthorId && r.CoAuthorIds == now.CoAuthorIds && r.HeroImageUrl == now.HeroImageUrl
                 && r.HeroImageAlt == now.HeroImageAlt && r.HeroImageCaption == now.HeroImageCaption && r.Status == now.Status,
            cancellationToken);
        if (kept)
        {
            return;
        }

        var staff = await _staff.GetAsync(cancellationToken);
        var names = await NamesAsync(now, cancellationToken);
        var revision = Revision(now, names, staff, RevisionReason.KeptBeforeRestore, changedFields: string.Empty, isPublished: article.Status != ArticleStatus.Draft);
        revision.ArticleId = article.Id;
        db.ArticleRevisions.Add(revision);
    }

    /// <summary>A revision of values that are not the story's (a restore into the editor of a live story): the story is untouched.</summary>
    public async Task<ArticleRevision> AddUnappliedAsync(Article article, ArticleRevision source, CancellationToken cancellationToken)
    {
        var staff = await _staff.GetAsync(cancellationToken);
        var values = ArticleSnapshot.Of(source) with { Status = article.Status };
        var current = ArticleSnapshot.Of(article, await CoAuthorList.OfAsync(db, article.Id, cancellationToken));
        var revision = Revision(values, (source.SectionName, source.Bylines), staff, RevisionReason.Restored, string.Join(", ", values.ChangedFrom(current)), isPublished: false);
        revision.ArticleId = article.Id;
        revision.RestoredFromId = source.Id;
        db.ArticleRevisions.Add(revision);
        return revision;
    }

    /// <summary>A revision of <paramref name="values"/>, written now by <paramref name="staff"/>; the caller links it to its story.</summary>
    private ArticleRevision Revision(
        ArticleSnapshot values, (string Section, string Byline) names, StaffMember staff, RevisionReason reason, string changedFields, bool isPublished) => new()
        {
            CreatedAt = clock.UtcNow,
            CreatedBy = staff.Name,
            CreatedByName = staff.DisplayName,
            Reason = reason,
            ChangedFields = changedFields,
            IsPublished = isPublished,
            Headline = values.Headline,
            Standfirst = values.Standfirst,
            BodyHtml = values.BodyHtml,
            CategoryId = values.CategoryId,
            SectionName = names.Section,
            AuthorId = values.AuthorId,
            Bylines = names.Byline,
            CoAuthorIds = values.CoAuthorIds,
            HeroImageUrl = values.HeroImageUrl,
            HeroImageAlt = values.HeroImageAlt,
            HeroImageCaption = values.HeroImageCaption,
            Status = values.Status,
        };

    /// <summary>The section's name and the bylines as readers see them ("A and B"), at the time of the revision.</summary>
    private async Task<(string Section, string Byline)> NamesAsync(ArticleSnapshot values, CancellationToken cancellationToken)
    {
        var section = await db.Categories.AsNoTracking().Where(c => c.Id == values.CategoryId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        var ids = CoAuthorList.Parse(values.CoAuthorIds).Prepend(values.AuthorId).ToList();
        var names = await db.Authors.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var byline = Articles.ArticleQueryExtensions.JoinNames(ids.Where(names.ContainsKey).Select(id => names[id]).ToList());
        return (section ?? string.Empty, byline.Length > FieldLengths.RevisionBylines ? byline[..FieldLengths.RevisionBylines] : byline);
    }
}
