namespace NewsPortal.Web.Features.AdminArticles;

/// <summary>Who is acting in the newsroom, as the history and the review rules need them.</summary>
/// <param name="UserId">The staff account's id.</param>
/// <param name="Name">Their display name (their e-mail when they have none), kept in the story's history.</param>
/// <param name="IsReporterOnly">A reporter without the Editor or Admin role: writes and submits, never publishes.</param>
public sealed record ArticleActor(string UserId, string Name, bool IsReporterOnly);

/// <summary>What the review rules need to know about a story, read without its body.</summary>
public sealed record ArticleAccessInfo(int Id, string? CreatedById, ArticleStatus Status, DateTime? SubmittedAt);

/// <summary>
/// The reporter rule in one place: a reporter writes and edits their own stories (created by them) while they are
/// drafts not waiting for review, and never publishes, schedules or unpublishes. Editors and admins may do everything.
/// </summary>
public sealed class ArticleAccess(NewsDbContext db)
{
    public const string PublishRefused =
        "Reporters cannot publish, schedule or unpublish a story. Nothing was changed: save it as a draft or submit it for review, and an editor will publish it.";

    public const string NotYours = "You can only open your own stories.";


    public static bool IsReporterOnly(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Reporter) && !user.IsInRole(Roles.Editor) && !user.IsInRole(Roles.Admin);

    /// <summary>The intents a reporter may send: anything that would make a story visible, or hide one, is refused.</summary>
    public static bool MayUse(ArticleActor actor, ArticleIntent intent) =>
        !actor.IsReporterOnly || intent is ArticleIntent.SaveDraft or ArticleIntent.Save or ArticleIntent.Submit;

    /// <summary>Whether the story is the actor's to see in the newsroom at all (reporters: their own only).</summary>
    public static bool MayOpen(ArticleActor actor, ArticleAccessInfo article) =>
        !actor.IsReporterOnly || (article.CreatedById is { } creator && creator == actor.UserId);

    /// <summary>Whether the actor may change the story's text now.</summary>
    public static bool MayEdit(ArticleActor actor, ArticleAccessInfo article) =>
        !actor.IsReporterOnly || (MayOpen(actor, article) && article.Status == ArticleStatus.Draft && article.SubmittedAt is null);

    public async Task<ArticleActor> ActorAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var name = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(cancellationToken);
        return new ArticleActor(id, Clip(string.IsNullOrWhiteSpace(name) ? user.Identity?.Name ?? "unknown" : name), IsReporterOnly(user));
    }

    public Task<ArticleAccessInfo?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new ArticleAccessInfo(a.Id, a.CreatedById, a.Status, a.SubmittedAt))
            .SingleOrDefaultAsync(cancellationToken);

    private static string Clip(string name) => name.Length <= FieldLengths.StaffDisplayName ? name : name[..FieldLengths.StaffDisplayName];
}
