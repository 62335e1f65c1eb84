using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminComments;

/// <summary>What the moderation queue was asked for; every value is clamped to something sensible.</summary>
public sealed class QueueQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public CommentStatus Status { get; init; } = CommentStatus.Pending;
    public string? Search { get; init; }
    public int? ArticleId { get; init; }
    public bool OldestFirst { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    public static QueueQuery From(string? status, string? q, int? articleId, string? sort, int? page, int? size) => new()
    {
        Status = Enum.TryParse<CommentStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : CommentStatus.Pending,
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, FieldLengths.SearchQuery)],
        ArticleId = articleId is > 0 ? articleId : null,
        OldestFirst = string.Equals(sort, "oldest", StringComparison.OrdinalIgnoreCase),
        Page = Paging.ClampPage(page),
        PageSize = Math.Clamp(size ?? DefaultPageSize, 5, MaxPageSize),
    };
}

public sealed class QueueViewModel
{
    public required QueueQuery Query { get; init; }
    public required StatusCounts Counts { get; init; }
    public required PagedList<QueueItem> Items { get; init; }

    /// <summary>Headline of the article the queue is filtered to, if any.</summary>
    public string? ArticleHeadline { get; init; }
}

public sealed class QueueItem
{
    public int Id { get; init; }
    public int Version { get; init; }
    public required string AuthorName { get; init; }
    public required string AuthorEmail { get; init; }
    public string? IpAddress { get; init; }
    public required string BodyHtml { get; init; }
    public CommentStatus Status { get; init; }
    public string? StatusReason { get; init; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }

    public int ArticleId { get; init; }
    public required string ArticleSlug { get; init; }
    public required string ArticleHeadline { get; init; }
    public bool IsStaffReply { get; init; }
    public int? ParentId { get; init; }
}

public sealed class DashboardViewModel
{
    public required StatusCounts Counts { get; init; }

    /// <summary>UTC time of the oldest comment still waiting, if any.</summary>
    public DateTime? OldestPendingAt { get; init; }

    public IReadOnlyList<QueueItem> Latest { get; init; } = [];

    /// <summary>Comments with readers' reports waiting, and how many of those for illegal content.</summary>
    public int ReportedCount { get; init; }

    public int IllegalReportedCount { get; init; }
}

public sealed class CommentDetailViewModel
{
    public required QueueItem Comment { get; init; }
    public IReadOnlyList<HistoryEntry> History { get; init; } = [];
    public CommentEditForm Edit { get; init; } = new();
    public StaffReplyForm Reply { get; init; } = new();
}

/// <param name="ChangedAt">UTC.</param>
/// <param name="PreviousBodyHtml">The sanitized text before an edit, when the change was one.</param>
public sealed record HistoryEntry(DateTime ChangedAt, string ChangedBy, CommentStatus FromStatus, CommentStatus ToStatus, string? Note, string? PreviousBodyHtml = null);
