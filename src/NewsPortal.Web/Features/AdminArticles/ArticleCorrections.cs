namespace NewsPortal.Web.Features.AdminArticles;

/// <summary>The form that adds a correction or update note to a published story.</summary>
public sealed class ArticleNoteForm
{
    /// <summary><c>correction</c> or <c>update</c>.</summary>
    [Required(ErrorMessage = "Choose whether this is a correction or an update.")]
    [RegularExpression("^(correction|update)$", ErrorMessage = "Choose whether this is a correction or an update.")]
    public string? Kind { get; set; }

    [Display(Name = "Note shown to readers")]
    [Required(ErrorMessage = "Write the note readers will see.")]
    [StringLength(FieldLengths.ArticleNoteText, ErrorMessage = "Keep the note under {1} characters.")]
    public string? Text { get; set; }

    /// <summary>Ticked: the story shows as updated now (its "Updated" time and <c>dateModified</c>).</summary>
    [Display(Name = "Substantive change: show as updated")]
    public bool Substantive { get; set; }
}

/// <summary>
/// Corrections and updates: a dated note on a story readers can see, shown below its body and in its structured
/// data, kept in its history. The story's "Updated" time moves only when the editor says the change is substantive.
/// The reader cache hears of the note from the save itself (an <see cref="ArticleNote"/> is a reader-visible change).
/// </summary>
public sealed class ArticleCorrections(NewsDbContext db, SiteClock clock)
{
    /// <summary>Null when the note was added; otherwise why not.</summary>
    public async Task<string?> AddAsync(int id, ArticleNoteForm form, ArticleActor actor, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return "That story no longer exists.";
        }

        if (!article.IsVisibleAt(now))
        {
            return "Corrections and updates are for stories readers can already see. Change a draft or a scheduled story directly.";
        }

        var kind = form.Kind == "update" ? ArticleNoteKind.Update : ArticleNoteKind.Correction;
        var text = form.Text!.Trim();
        db.ArticleNotes.Add(new ArticleNote { Article = article, Kind = kind, Text = text, CreatedAt = now, CreatedBy = actor.Name });
        db.ArticleEvents.Add(new ArticleEvent
        {
            Article = article,
            Kind = kind == ArticleNoteKind.Update ? ArticleEventKinds.Update : ArticleEventKinds.Correction,
            Actor = actor.Name,
            Note = text.Length <= FieldLengths.ReviewNote ? text : text[..FieldLengths.ReviewNote],
            At = now,
        });
        if (form.Substantive)
        {
            article.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
