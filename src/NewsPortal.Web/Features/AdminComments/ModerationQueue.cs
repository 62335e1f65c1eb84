using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminComments;

/// <summary>What moderators read: the dashboard's numbers, the queue's pages, one comment with its history.</summary>
public sealed class ModerationQueue(NewsDbContext db, CommentCounts counts, ISearchQueries queries)
{
    private const int LatestOnDashboard = 10;

    internal static readonly Expression<Func<Comment, QueueItem>> ToItem = c => new QueueItem
    {
        Id = c.Id,
        Version = c.Version,
        AuthorName = c.AuthorName,
        AuthorEmail = c.AuthorEmail,
        IpAddress = c.IpAddress,
        BodyHtml = c.BodyHtml,
        Status = c.Status,
        StatusReason = c.StatusReason,
        CreatedAt = c.CreatedAt,
        ArticleId = c.ArticleId,
        ArticleSlug = c.Article.Slug,
        ArticleHeadline = c.Article.Headline,
        IsStaffReply = c.IsStaffReply,
        ParentId = c.ParentId,
    };

    private readonly CommentCounts _counts = counts;

    public Task<StatusCounts> CountsAsync(CancellationToken cancellationToken) => _counts.GetAsync(db, cancellationToken);

    public async Task<DashboardViewModel> DashboardAsync(CancellationToken cancellationToken)
    {
        var counts = await CountsAsync(cancellationToken);
        var oldest = await db.Comments.AsNoTracking()
            .Where(c => c.Status == CommentStatus.Pending)
            .OrderBy(c => c.CreatedAt)
            .Select(c => (DateTime?)c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var latestIds = await db.Comments.AsNoTracking()
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => c.Id)
            .Take(LatestOnDashboard)
            .ToListAsync(cancellationToken);
        return new DashboardViewModel { Counts = counts, OldestPendingAt = oldest, Latest = await ItemsAsync(latestIds, cancellationToken) };
    }

    /// <summary>
    /// One page of the queue in two steps: the page's ids, read from an index alone ((Status, CreatedAt), or
    /// (ArticleId, Status, CreatedAt) for one article, or the comment search index for a search, whose results come
    /// in order of arrival), then those rows with their articles. The total comes from <see cref="CommentCounts"/>
    /// for a whole status, is counted for one article (bounded by its comments), and is counted up to
    /// <see cref="Paging.SearchCountLimit"/> for a search, which could otherwise read every match. A page past the end
    /// shows the last page.
    /// </summary>
    public async Task<QueueViewModel> QueueAsync(QueueQuery query, CancellationToken cancellationToken)
    {
        var counts = await CountsAsync(cancellationToken);
        List<int> ids;
        int page;
        int total;
        TotalKind kind;
        if (query.Search is { } search)
        {
            // Through the comment index alone: the text (words, phrases, prefixes: the reader search's syntax), or who
            // wrote it by the start of their name, e-mail address or IP address ("10.0.3" finds a network).
            var text = SearchQuery.Parse(search);
            var count = text.IsEmpty ? 0
                : await queries.CommentQueueCountUpToAsync(db, text, query.Status, query.ArticleId, Paging.SearchCountLimit, cancellationToken);
            (total, kind, page) = Paging.Bounded(count, query.Page, query.PageSize);
            ids = count == 0 ? [] : await queries.CommentQueuePageAsync(
                db, text, query.Status, query.ArticleId, query.OldestFirst, (page - 1) * query.PageSize, query.PageSize, cancellationToken);
        }
        else
        {
            var comments = db.Comments.AsNoTracking().Where(c => c.Status == query.Status);
            if (query.ArticleId is { } articleId)
            {
                comments = comments.Where(c => c.ArticleId == articleId);
            }

            (total, kind) = query.ArticleId is not null ? (await comments.CountAsync(cancellationToken), TotalKind.Exact)
                : (counts[query.Status], counts.IsLive(query.Status) ? TotalKind.Exact : TotalKind.Recent);
            page = Paging.LastPageAtMost(query.Page, total, query.PageSize);
            var ordered = query.OldestFirst
                ? comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                : comments.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
            ids = await ordered.Select(c => c.Id).Skip((page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        }

        var headline = query.ArticleId is { } id
            ? await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.Headline).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new QueueViewModel
        {
            Query = query,
            Counts = counts,
            Items = new PagedList<QueueItem>(await ItemsAsync(ids, cancellationToken), page, query.PageSize, total) { TotalKind = kind },
            ArticleHeadline = headline,
        };
    }

    public Task<string?> AuthorEmailAsync(int id, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking().Where(c => c.Id == id && !c.IsStaffReply).Select(c => c.AuthorEmail).SingleOrDefaultAsync(cancellationToken);

    public async Task<CommentDetailViewModel?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.Comments.AsNoTracking().Where(c => c.Id == id).Select(ToItem).SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return null;
        }

        var history = await db.CommentHistory.AsNoTracking()
            .Where(h => h.CommentId == id)
            .OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id)
            .Select(h => new HistoryEntry(h.ChangedAt, h.ChangedBy, h.FromStatus, h.ToStatus, h.Note, h.PreviousBodyHtml))
            .ToListAsync(cancellationToken);
        return new CommentDetailViewModel
        {
            Comment = item,
            History = history,
            Edit = new CommentEditForm { Body = CommentSanitizer.ToEditableText(item.BodyHtml), Version = item.Version },
        };
    }

    /// <summary>The rows of one page, in the order of <paramref name="ids"/>.</summary>
    private async Task<IReadOnlyList<QueueItem>> ItemsAsync(List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(ToItem).ToListAsync(cancellationToken);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return [.. rows.OrderBy(r => position[r.Id])];
    }
}
