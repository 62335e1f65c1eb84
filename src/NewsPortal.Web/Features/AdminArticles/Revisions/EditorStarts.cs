namespace NewsPortal.Web.Features.AdminArticles.Revisions;

/// <summary>
/// What the editor opens with besides the story as saved: the person's autosave slot (<c>?restore=autosave</c>) or a
/// revision restored into the editor of a live story (<c>?revision=</c>).
/// </summary>
public sealed class EditorStarts(NewsDbContext db, AutosaveSlots slots)
{
    public const string RestoreAutosave = "autosave";


    public async Task<ArticleEditorViewModel> FromAsync(ArticleEditorViewModel model, string? restore, long? revision, CancellationToken cancellationToken)
    {
        if (string.Equals(restore, RestoreAutosave, StringComparison.OrdinalIgnoreCase) && await slots.FindAsync(model.Id ?? 0, cancellationToken) is { } slot)
        {
            AutosaveSlots.CopyInto(slot, model.Form);
            return model;
        }

        if (revision is { } revisionId && model.Id is { } articleId
            && await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == articleId, cancellationToken) is { } kept)
        {
            // The story's version stays the one just loaded: a colleague's save after this still comes up as a conflict.
            model.Form.TakeStory(kept, kept.CategoryId, kept.AuthorId, CoAuthorList.Parse(kept.CoAuthorIds));
        }

        return model;
    }
}
