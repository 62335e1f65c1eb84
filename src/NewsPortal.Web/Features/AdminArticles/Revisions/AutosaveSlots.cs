namespace NewsPortal.Web.Features.AdminArticles.Revisions;

/// <summary>The fields of a story an autosave slot keeps: what the editor's form and the autosave request both carry.</summary>
public interface IArticleDraft
{
    string? Headline { get; }

    string? Slug { get; }

    string? Standfirst { get; }

    string? BodyHtml { get; }

    int CategoryId { get; }

    int AuthorId { get; }

    List<int> CoAuthorIds { get; }

    string? Tags { get; }

    string? HeroImageUrl { get; }

    string? HeroImageAlt { get; }

    string? HeroImageCaption { get; }

    int? OpenedAtVersion { get; }
}

/// <summary>What the editor page sends every few seconds: the article form's fields, with the same limits, none required.</summary>
public sealed class AutosaveForm : IArticleDraft
{
    [StringLength(FieldLengths.Headline, ErrorMessage = "The headline is longer than {1} characters.")]
    public string? Headline { get; set; }

    [StringLength(FieldLengths.Slug, ErrorMessage = "The slug is longer than {1} characters.")]
    public string? Slug { get; set; }

    [StringLength(FieldLengths.Standfirst, ErrorMessage = "The standfirst is longer than {1} characters.")]
    public string? Standfirst { get; set; }

    [StringLength(FieldLengths.ArticleBody, ErrorMessage = "The body is longer than {1} characters.")]
    public string? BodyHtml { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = "The section is not one of the choices.")]
    public int CategoryId { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = "The byline is not one of the choices.")]
    public int AuthorId { get; set; }

    /// <summary>As on the article form; only the first <see cref="FieldLengths.CoAuthorsMax"/> chosen are kept.</summary>
    public List<int> CoAuthorIds { get; set; } = [];

    [StringLength(FieldLengths.AutosaveTags, ErrorMessage = "The tags are longer than {1} characters.")]
    public string? Tags { get; set; }

    [StringLength(FieldLengths.ImageUrl, ErrorMessage = "The image address is longer than {1} characters.")]
    public string? HeroImageUrl { get; set; }

    [StringLength(FieldLengths.ImageAlt, ErrorMessage = "The alt text is longer than {1} characters.")]
    public string? HeroImageAlt { get; set; }

    [StringLength(FieldLengths.ImageCaption, ErrorMessage = "The caption is longer than {1} characters.")]
    public string? HeroImageCaption { get; set; }

    /// <summary>Empty for a new story.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "The version the editor was opened at is not a version.")]
    public int? OpenedAtVersion { get; set; }
}

public enum AutosaveOutcome
{
    Saved,
    NoSuchArticle,
}

/// <summary>
/// Each person's autosave slot for a story (0: the new story they are writing). Server-side, so it survives a browser
/// crash; it never touches the story and is not a revision.
/// </summary>
public sealed class AutosaveSlots(NewsDbContext db, SiteClock clock, CurrentStaff staff)
{
    private readonly CurrentStaff _staff = staff;

    public async Task<(AutosaveOutcome Outcome, DateTime SavedAt)> SaveAsync(int articleId, AutosaveForm form, CancellationToken cancellationToken)
    {
        if (articleId != 0 && !await db.Articles.AnyAsync(a => a.Id == articleId, cancellationToken))
        {
            return (AutosaveOutcome.NoSuchArticle, default);
        }

        var now = clock.UtcNow;
        await StoreAsync(articleId, now, form, cancellationToken);
        return (AutosaveOutcome.Saved, now);
    }

    /// <summary>Writes the slot; a second tab of the same person inserting it at the same moment makes this an update.</summary>
    public async Task StoreAsync(int articleId, DateTime savedAt, IArticleDraft form, CancellationToken cancellationToken)
    {
        var staff = await _staff.GetAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var slot = await db.ArticleAutosaves.SingleOrDefaultAsync(a => a.ArticleId == articleId && a.UserId == staff.Id, cancellationToken);
            if (slot is null)
            {
                slot = new ArticleAutosave { ArticleId = articleId, UserId = staff.Id };
                db.ArticleAutosaves.Add(slot);
            }

            slot.SavedAt = savedAt;
            slot.OpenedAtVersion = form.OpenedAtVersion ?? 0;
            slot.Headline = form.Headline;
            slot.Slug = form.Slug;
            slot.Standfirst = form.Standfirst;
            slot.BodyHtml = form.BodyHtml;
            slot.CategoryId = form.CategoryId;
            slot.AuthorId = form.AuthorId;
            slot.CoAuthorIds = CoAuthorList.Format(form.CoAuthorIds);
            slot.Tags = form.Tags;
            slot.HeroImageUrl = form.HeroImageUrl;
            slot.HeroImageAlt = form.HeroImageAlt;
            slot.HeroImageCaption = form.HeroImageCaption;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (attempt == 0 && DatabaseErrors.IsUniqueViolation(ex))
            {
                db.Entry(slot).State = EntityState.Detached;
            }
        }
    }

    public async Task<ArticleAutosave?> FindAsync(int articleId, CancellationToken cancellationToken)
    {
        var staff = await _staff.GetAsync(cancellationToken);
        return await db.ArticleAutosaves.AsNoTracking().SingleOrDefaultAsync(a => a.ArticleId == articleId && a.UserId == staff.Id, cancellationToken);
    }

    public async Task DiscardAsync(int articleId, CancellationToken cancellationToken)
    {
        var staff = await _staff.GetAsync(cancellationToken);
        await db.ArticleAutosaves.Where(a => a.ArticleId == articleId && a.UserId == staff.Id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The slot's values into the editor's form: what the person had typed, at the version they had opened.</summary>
    public static void CopyInto(ArticleAutosave slot, ArticleForm form)
    {
        form.TakeStory(slot, slot.CategoryId, slot.AuthorId, CoAuthorList.Parse(slot.CoAuthorIds));
        form.Slug = slot.Slug;
        form.Tags = slot.Tags;
        form.OpenedAtVersion = slot.OpenedAtVersion;
    }
}
