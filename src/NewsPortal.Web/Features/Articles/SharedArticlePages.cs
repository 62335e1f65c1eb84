using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.Articles;

/// <summary>Where a shared article page lives in the reader cache, and the article it shows.</summary>
public sealed record SharedPageSlot(string Key, ArticlePageCore Core, int Page, CommentSort Sort, SharedArticlePage? Copy);

/// <summary>
/// The article page every anonymous reader with nothing of their own on it shares: who gets it, where it is kept,
/// and how one reader's copy is written. The controller renders a missing copy; <see cref="SharedArticlePagesExtensions.UseSharedArticlePages"/>
/// serves a copy that is already there before MVC runs at all.
/// </summary>
public sealed class SharedArticlePages(
    ArticleService articles,
    ReaderSnapshot cache,
    CommentRulesSource rules,
    HeldCommentsCookie held,
    IAntiforgery antiforgery,
    FormStamp stamp,
    PublicUrls urls,
    IOptions<CookieTempDataProviderOptions> tempData)
{
    private readonly string _tempDataCookie = tempData.Value.Cookie.Name!;

    /// <summary>
    /// Whether this reader gets the shared copy: not signed in, no held comments of their own (nor any still open to
    /// their edits), no notice waiting
    /// (TempData), not asking for a reply form. Decided from the request alone, without loading any of it.
    /// </summary>
    public bool AppliesTo(HttpContext context, bool wantsReplyForm) =>
        !wantsReplyForm
        && context.User.Identity?.IsAuthenticated != true
        && !context.Request.Cookies.ContainsKey(_tempDataCookie)
        && held.Read(context).Count == 0
        && held.ReadEditable(context).Count == 0;

    /// <summary>
    /// The slot for this article, comment page (clamped to the pages there are) and order: one copy per public address
    /// and data version, kept a minute at most for its relative times. The public address is Site:PublicUrl when it is
    /// set, whatever Host a request names; without it the page's absolute links follow the request's host, so a copy
    /// can only serve that host (AllowedHosts bounds how many there are).
    /// Null when no visible article has the slug.
    /// </summary>
    public async Task<SharedPageSlot?> LocateAsync(HttpContext context, string slug, int? commentPage, CommentSort sort, CancellationToken cancellationToken)
    {
        var core = await articles.GetCoreAsync(slug, cancellationToken);
        if (core is null)
        {
            return null;
        }

        var page = Math.Clamp(commentPage ?? 1, 1, core.CommentPageCount((await rules.GetAsync(cancellationToken)).ThreadsPerPage));
        var (key, shared) = await cache.GetRenderedAsync<SharedArticlePage>(
            string.Create(CultureInfo.InvariantCulture, $"page:{slug}:{page}:{sort}:{urls.Base(context.Request)}"), ReaderChange.Comments, cancellationToken);
        return new SharedPageSlot(key, core, page, sort, shared);
    }

    public void Store(SharedPageSlot slot, SharedArticlePage page) => cache.SetRendered(slot.Key, page, page.SizeInBytes);

    /// <summary>The shared copy with this reader's antiforgery token (and cookie) and a fresh form stamp.</summary>
    public async Task<IActionResult> ForReaderAsync(HttpContext context, SharedArticlePage page, int articleId) =>
        page.HasForm
            ? page.For(antiforgery.GetAndStoreTokens(context).RequestToken, await stamp.IssueAsync(articleId, FormStamp.CommentForm))
            : page.For(null, null);
}

public static class SharedArticlePagesExtensions
{
    /// <summary>
    /// Serves an article page that is already in the reader cache before MVC runs (no controller, no model binding, no
    /// view): after routing, authentication and the rate limiter, for GET /news/{slug} only, and only when the request
    /// is one the controller would have answered with that same copy. Anything else goes on to the controller.
    /// </summary>
    public static IApplicationBuilder UseSharedArticlePages(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method)
                && context.GetEndpoint()?.Metadata.GetMetadata<SharedArticlePageAttribute>() is not null
                && context.Request.RouteValues["slug"] is string slug
                && !context.Request.Query.ContainsKey("csort")
                && TryPage(context.Request.Query["cpage"], out var commentPage))
            {
                var pages = context.RequestServices.GetRequiredService<SharedArticlePages>();
                if (pages.AppliesTo(context, wantsReplyForm: !string.IsNullOrEmpty(context.Request.Query["replyto"]))
                    && await pages.LocateAsync(context, slug, commentPage, CommentSectionService.SortFrom(null, context.Request.Cookies[CommentSectionService.SortCookie]), context.RequestAborted)
                        is { Copy: { } page } slot)
                {
                    await (await pages.ForReaderAsync(context, page, slot.Core.Article.Id)).ExecuteResultAsync(new ActionContext { HttpContext = context });
                    return;
                }
            }

            await next(context);
        });

    // Only what model binding would have read the same way; anything odd goes on to the controller.
    private static bool TryPage(string? value, out int? page)
    {
        page = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            page = parsed;
            return true;
        }

        return false;
    }
}

/// <summary>Marks the action whose shared copies <see cref="SharedArticlePagesExtensions.UseSharedArticlePages"/> may serve.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedArticlePageAttribute : Attribute;
