namespace NewsPortal.Web.Features.Comments;

/// <summary>The order of top-level threads; replies always read oldest first under their parent.</summary>
public enum CommentSort
{
    Oldest,
    Newest,
}

/// <summary>
/// The comments section of an article page: one page of threads, the count, the form. Built by
/// <see cref="CommentSectionService"/> and embedded by the article page, which knows nothing else about comments.
/// </summary>
public sealed class CommentSectionViewModel
{
    /// <summary>Stands in for the visitor's antiforgery token in a page rendered once for every visitor.</summary>
    public static readonly string TokenPlaceholder = Hole("token");

    /// <summary>Stands in for the visitor's form stamp in a page rendered once for every visitor.</summary>
    public static readonly string StampPlaceholder = Hole("stamp");

    public required int ArticleId { get; init; }
    public required string ArticleSlug { get; init; }

    /// <summary>Approved comments only: what every reader sees in the count.</summary>
    public int ApprovedCount { get; init; }

    /// <summary>This page's top-level comments in the chosen order, each with its replies.</summary>
    public IReadOnlyList<CommentViewModel> Roots { get; init; } = [];

    public int Page { get; init; } = 1;
    public int PageCount { get; init; } = 1;
    public CommentSort Sort { get; init; }

    /// <summary>Whether the form is shown: the article's own switch, and auto-close has not passed.</summary>
    public bool CommentsOpen { get; init; }

    /// <summary>The form as rendered: empty with a fresh stamp, or what the reader typed when it failed validation.</summary>
    public CommentForm Form { get; init; } = new();

    /// <summary>The visitor's antiforgery request token, or <see cref="TokenPlaceholder"/> in a shared page.</summary>
    public string AntiforgeryToken { get; init; } = TokenPlaceholder;

    /// <summary>Name of the comment being replied to, when the form is a reply.</summary>
    public string? ReplyToName { get; init; }

    /// <summary>
    /// The list may be kept in the reader cache: false in a preview, and when the viewer has held comments of their
    /// own here (the list is then theirs alone).
    /// </summary>
    public bool Cacheable { get; init; }

    /// <summary>The reader has just posted a comment that is held for moderation.</summary>
    public bool JustPostedHeld { get; set; }

    /// <summary>The reader has just edited or deleted a comment of their own: one of <see cref="ArticlesControllerKeys"/>.</summary>
    public string? OwnChange { get; set; }

    /// <summary>The reader has just posted a comment that was published at once.</summary>
    public bool JustPostedPublished { get; set; }

    /// <summary>The article page showing comment page <paramref name="page"/> (in the reader's remembered order).</summary>
    public string PageUrl(int page) =>
        page <= 1 ? $"/news/{ArticleSlug}#comments" : string.Create(CultureInfo.InvariantCulture, $"/news/{ArticleSlug}?cpage={page}#comments");

    /// <summary>The article page in another order, from its first comment page; the choice is remembered.</summary>
    public string SortUrl(CommentSort sort) => $"/news/{ArticleSlug}?csort={(sort == CommentSort.Newest ? "newest" : "oldest")}#comments";

    /// <summary>Whether <paramref name="value"/> is one of the holes, which the form writes as they are (see <see cref="Hole"/>).</summary>
    public static bool IsHole(string? value) => value is not null && (value == TokenPlaceholder || value == StampPlaceholder);

    /// <summary>A link to one comment that lands on whichever page holds it.</summary>
    public string Permalink(int commentId) => string.Create(CultureInfo.InvariantCulture, $"/news/{ArticleSlug}/comments/{commentId}");

    /// <summary>
    /// The shared page's holes are found by searching the rendered HTML, so no reader may be able to write their text.
    /// Each is random for this process (never sent: every hole is filled before a page leaves) and starts with a raw
    /// "&lt;", written unencoded by the form; readers' text never reaches the page with a raw "&lt;" outside a tag the
    /// comment sanitizer allowed.
    /// </summary>
    private static string Hole(string name) => $"<np-hole-{name}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))}>";
}
