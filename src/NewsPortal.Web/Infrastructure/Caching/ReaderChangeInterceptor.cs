namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// The one place the reader cache learns that data changed: every <c>SaveChanges</c> of every context passes
/// through here, so no write path can forget to invalidate. Only changes a reader can see count (a held comment
/// moved to spam does not). The signal goes out after the commit: straight after the save, or, inside an explicit
/// transaction, when that transaction commits (and never when it rolls back). Signalling before the commit would
/// let a request load the old rows under the new version and keep them.
/// </summary>
public sealed class ReaderChangeInterceptor(ReaderChangeBus bus) : PendingChangesInterceptor<ReaderChangeInterceptor.Pending>
{
    private static readonly HashSet<string> VisibleCommentProperties =
        [
            nameof(Comment.Status), nameof(Comment.BodyHtml), nameof(Comment.AuthorName), nameof(Comment.ParentId), nameof(Comment.IsStaffReply),
            nameof(Comment.ArticleId), nameof(Comment.EditedAt),
        ];

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            _ = SignalAsync(eventData.Context);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await SignalAsync(eventData.Context);
        }

        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => _ = SignalAsync(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        SignalAsync(eventData.Context);

    /// <summary>The strongest reader-visible change among the tracked entries, or null when readers see no difference.</summary>
    internal static ReaderChange? Classify(IEnumerable<EntityEntry> entries)
    {
        ReaderChange? change = null;
        foreach (var entry in entries)
        {
            switch (entry.Entity)
            {
                case Article article when IsVisibleChange(entry, article):
                case ArticleCoAuthor when entry.State is not EntityState.Unchanged && !OfDraftOnly(entry):
                // A correction or update note is shown on its (visible) story's page: the next request must show it.
                case Category or Tag or Author or ArticleSlugRedirect or CategorySlugRedirect or AuthorSlugRedirect or CommentSettings or ArticleNote
                    when entry.State is not EntityState.Unchanged:
                case Dictionary<string, object> when entry.Metadata.Name == "ArticleTag" && entry.State is not EntityState.Unchanged:
                    return ReaderChange.Articles;

                case Comment comment when IsVisibleChange(entry, comment):
                    change = ReaderChange.Comments;
                    break;
            }
        }

        return change;
    }

    /// <summary>A draft that stays a draft is invisible to readers; anything else about an article is not.</summary>
    private static bool IsVisibleChange(EntityEntry entry, Article article) => entry.State switch
    {
        EntityState.Added => article.Status != ArticleStatus.Draft,
        EntityState.Deleted => true,
        EntityState.Modified => article.Status != ArticleStatus.Draft
            || entry.Property(nameof(Article.Status)).OriginalValue is not ArticleStatus.Draft,
        _ => false,
    };

    /// <summary>
    /// A co-author added to or taken from a story that is, and was, a draft: readers see no byline change. When the
    /// article is not tracked its status is unknown, so the change counts.
    /// </summary>
    private static bool OfDraftOnly(EntityEntry entry) =>
        entry.Reference(nameof(ArticleCoAuthor.Article)).TargetEntry is { Entity: Article article } articleEntry
        && article.Status == ArticleStatus.Draft
        && (articleEntry.State == EntityState.Added || articleEntry.Property(nameof(Article.Status)).OriginalValue is ArticleStatus.Draft);

    /// <summary>A comment matters to readers while it is, or was, approved and what they see of it changed.</summary>
    private static bool IsVisibleChange(EntityEntry entry, Comment comment) => entry.State switch
    {
        EntityState.Added => comment.Status == CommentStatus.Approved,
        EntityState.Deleted => entry.Property(nameof(Comment.Status)).OriginalValue is CommentStatus.Approved,
        EntityState.Modified =>
            (comment.Status == CommentStatus.Approved || entry.Property(nameof(Comment.Status)).OriginalValue is CommentStatus.Approved)
            && entry.Properties.Any(p => p.IsModified && VisibleCommentProperties.Contains(p.Metadata.Name)),
        _ => false,
    };

    protected override void Collect(DbContext? context)
    {
        if (context is null || Classify(context.ChangeTracker.Entries()) is not { } change)
        {
            return;
        }

        var pending = PendingFor(context);
        pending.Change = pending.Change is { } earlier && earlier > change ? earlier : change;
    }

    /// <summary>
    /// Moves the local version before it returns (synchronously), then counts the change in Redis for the other
    /// instances; a save awaits that too, so when it returns the shared version has moved (or, Redis away, the change
    /// is kept to be counted later). Other instances serve it when they hear the message, or at their next read of
    /// the shared versions, within <c>Cache:SyncMilliseconds</c> (see <see cref="ReaderChangeBus"/>); not necessarily
    /// on a moderator's very next click.
    /// </summary>
    private Task SignalAsync(DbContext? context)
    {
        if (TryGetPending(context, out var pending) && pending.Change is { } change)
        {
            pending.Change = null;
            return bus.PublishAsync(change);
        }

        return Task.CompletedTask;
    }

    protected override void Clear(Pending pending) => pending.Change = null;

    public sealed class Pending
    {
        public ReaderChange? Change { get; set; }
    }
}
