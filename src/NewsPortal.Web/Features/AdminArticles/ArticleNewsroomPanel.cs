namespace NewsPortal.Web.Features.AdminArticles;

/// <param name="At">UTC.</param>
public sealed record ArticleEventRow(DateTime At, string Kind, string Actor, string? Note);

/// <param name="CreatedAt">UTC.</param>
public sealed record ArticleNoteRow(ArticleNoteKind Kind, string Text, DateTime CreatedAt, string CreatedBy);

/// <summary>Review, corrections, preview links and history around the editor form, as the signed-in person may use them.</summary>
/// <param name="ReadOnly">True when the person may not change the text now (a reporter's submitted or published story).</param>
/// <param name="SubmittedAt">UTC; set while the story waits for review.</param>
/// <param name="SentBackAt">UTC.</param>
/// <param name="IsVisible">Readers can see the story now: corrections and updates apply.</param>
public sealed record ArticleNewsroomPanel(
    int ArticleId,
    bool IsReporterOnly,
    bool ReadOnly,
    DateTime? SubmittedAt,
    string? SubmittedBy,
    string? SubmissionNote,
    string? SentBackNote,
    DateTime? SentBackAt,
    bool IsVisible,
    IReadOnlyList<ArticleNoteRow> Notes,
    IReadOnlyList<PreviewLinkRow> PreviewLinks,
    IReadOnlyList<ArticleEventRow> History)
{
    /// <summary>A preview link just made, shown once at the top of the list.</summary>
    public string? NewPreviewLink { get; set; }
}

public sealed class ArticleNewsroomPanels(NewsDbContext db, ArticlePreviewLinks links, SiteClock clock)
{
    public async Task<ArticleNewsroomPanel?> BuildAsync(int id, ArticleActor actor, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new
        {
            a.Id,
            a.CreatedById,
            a.Status,
            a.PublishedAt,
            a.SubmittedAt,
            a.SubmissionNote,
            a.SentBackNote,
            a.SentBackAt,
            Reporter = db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(),
        }).SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var access = new ArticleAccessInfo(article.Id, article.CreatedById, article.Status, article.SubmittedAt);
        var notes = await db.ArticleNotes.AsNoTracking().Where(n => n.ArticleId == id).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new ArticleNoteRow(n.Kind, n.Text, n.CreatedAt, n.CreatedBy)).ToListAsync(cancellationToken);
        var history = await db.ArticleEvents.AsNoTracking().Where(e => e.ArticleId == id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(100).Select(e => new ArticleEventRow(e.At, e.Kind, e.Actor, e.Note)).ToListAsync(cancellationToken);
        return new ArticleNewsroomPanel(
            ArticleId: id,
            IsReporterOnly: actor.IsReporterOnly,
            ReadOnly: !ArticleAccess.MayEdit(actor, access),
            SubmittedAt: article.Status == ArticleStatus.Draft ? article.SubmittedAt : null,
            SubmittedBy: article.Reporter,
            SubmissionNote: article.SubmissionNote,
            SentBackNote: article.SubmittedAt is null ? article.SentBackNote : null,
            SentBackAt: article.SentBackAt,
            IsVisible: article.Status != ArticleStatus.Draft && article.PublishedAt <= now,
            Notes: notes,
            PreviewLinks: await links.ActiveAsync(id, cancellationToken),
            History: history);
    }

    /// <summary>How a history entry reads.</summary>
    public static string Describe(string kind) => kind switch
    {
        ArticleEventKinds.Submitted => "Submitted for review",
        ArticleEventKinds.Withdrawn => "Withdrawn from review",
        ArticleEventKinds.SentBack => "Sent back",
        ArticleEventKinds.Published => "Published",
        ArticleEventKinds.Scheduled => "Scheduled",
        ArticleEventKinds.Correction => "Correction added",
        ArticleEventKinds.Update => "Update added",
        ArticleEventKinds.PreviewCreated => "Preview link made",
        ArticleEventKinds.PreviewRevoked => "Preview link revoked",
        ArticleEventKinds.PreviewOpened => "Preview link opened",
        _ => kind,
    };
}
