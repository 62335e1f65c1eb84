using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Infrastructure.Mvc;
using NewsPortal.Web.Infrastructure.Proxy;

namespace NewsPortal.Web.Features.Articles;

/// <summary>The article page and its comments: reading, comment pages and order, permalinks, and posting.</summary>
public sealed class ArticlesController : Controller
{
    public const string PostedKey = "CommentPosted";
    public const string PostedHeld = "held";
    public const string PostedPublished = "published";
    private const string ShowView = "~/Features/Articles/Show.cshtml";

    private readonly ArticleService _articles;
    private readonly HeldCommentsCookie _heldComments;
    private readonly IAntiforgery _antiforgery;
    private readonly FormStamp _stamp;
    private readonly ReaderSnapshot _cache;
    private readonly ViewRenderer _renderer;
    private readonly PublicUrls _urls;
    private readonly string _tempDataCookie;

    public ArticlesController(
        ArticleService articles,
        HeldCommentsCookie heldComments,
        IAntiforgery antiforgery,
        FormStamp stamp,
        ReaderSnapshot cache,
        ViewRenderer renderer,
        PublicUrls urls,
        Microsoft.Extensions.Options.IOptions<CookieTempDataProviderOptions> tempData)
    {
        _tempDataCookie = tempData.Value.Cookie.Name!;
        _articles = articles;
        _heldComments = heldComments;
        _antiforgery = antiforgery;
        _stamp = stamp;
        _cache = cache;
        _renderer = renderer;
        _urls = urls;
    }

    /// <summary>
    /// The article page. An anonymous reader with nothing of their own on it gets the copy rendered once for every
    /// such reader, with only their antiforgery token and form stamp filled in; anyone else (signed-in staff, a
    /// reader with held comments, a reply form, the notice after posting) gets a page rendered for them.
    /// </summary>
    [HttpGet("/news/{slug}", Name = "Article")]
    public async Task<IActionResult> Show(string slug, int? replyto, int? cpage, string? csort, CancellationToken cancellationToken)
    {
        var core = await _articles.GetCoreAsync(slug, cancellationToken);
        if (core is null)
        {
            // An article whose slug was changed after publication keeps its old URLs working.
            return await _articles.CurrentSlugForAsync(slug, cancellationToken) is { } current
                ? RedirectPermanent($"/news/{current}")
                : NotFound();
        }

        var sort = ReadSort(csort);
        var held = _heldComments.Read(HttpContext);
        var page = Math.Max(1, cpage ?? 1);
        var personal = replyto is not null || held.Count > 0 || User.Identity?.IsAuthenticated == true
            || Request.Cookies.ContainsKey(_tempDataCookie);
        if (personal)
        {
            var model = await _articles.GetPageAsync(
                core, new CommentViewer(held, page, sort, Shared: false, ReplyTo: replyto, AntiforgeryToken: TokenIfOpen(core)), cancellationToken);
            var posted = TempData[PostedKey] as string;
            model.Comments.JustPostedHeld = posted == PostedHeld;
            model.Comments.JustPostedPublished = posted == PostedPublished;
            return View(ShowView, model);
        }

        // One copy per article, comment page, order and public address (the Host header when Site:PublicUrl is
        // unset), per version of the data; a minute at most, for its relative times.
        page = Math.Min(page, core.CommentPageCount(await ThreadsPerPageAsync(cancellationToken)));
        var (key, shared) = await _cache.GetRenderedAsync<SharedArticlePage>(
            string.Create(CultureInfo.InvariantCulture, $"page:{slug}:{page}:{sort}:{_urls.Base(Request)}"), ReaderChange.Comments, cancellationToken);
        if (shared is null)
        {
            var model = await _articles.GetPageAsync(core, new CommentViewer(held, page, sort, Shared: true), cancellationToken);
            shared = SharedArticlePage.From(await _renderer.RenderAsync(this, ShowView, model));
            _cache.SetRendered(key, shared, shared.SizeInBytes);
        }

        return shared.HasForm
            ? shared.For(_antiforgery.GetAndStoreTokens(HttpContext).RequestToken, await _stamp.IssueAsync(core.Article.Id))
            : shared.For(null, null);
    }

    /// <summary>A link to one comment that lands on the comment page holding it, in the reader's order.</summary>
    [HttpGet("/news/{slug}/comments/{id:int}")]
    public async Task<IActionResult> Comment(string slug, int id, CancellationToken cancellationToken)
    {
        var core = await _articles.GetCoreAsync(slug, cancellationToken);
        if (core is null)
        {
            return NotFound();
        }

        var page = await _articles.CommentPageAsync(core, id, _heldComments.Read(HttpContext), ReadSort(null), cancellationToken);
        return Redirect(page switch
        {
            null => $"/news/{slug}#comments",
            1 => $"/news/{slug}#comment-{id}",
            _ => string.Create(CultureInfo.InvariantCulture, $"/news/{slug}?cpage={page}#comment-{id}"),
        });
    }

    [HttpPost("/news/{slug}/comments")]
    [EnableRateLimiting(CommentRateLimiting.PolicyName)]
    [ServiceFilter<CommentRequestLimitFilter>]
    public async Task<IActionResult> PostComment(string slug, CommentForm form, [FromServices] CommentService comments, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowFormAgainAsync(slug, form, StatusCodes.Status200OK, cancellationToken);
        }

        var client = new CommentClient(ClientAddress.Of(HttpContext), Request.Headers.UserAgent.ToString());
        var result = await comments.PostAsync(slug, form, client, cancellationToken);
        switch (result.Outcome)
        {
            case CommentPostOutcome.ArticleNotFound:
                return NotFound();

            case CommentPostOutcome.Closed:
                return await ShowFormAgainAsync(slug, form, StatusCodes.Status403Forbidden, cancellationToken);

            case CommentPostOutcome.Invalid:
                foreach (var (field, message) in result.Errors!)
                {
                    ModelState.AddModelError(field, message);
                }

                return await ShowFormAgainAsync(slug, form, StatusCodes.Status200OK, cancellationToken);
        }

        if (result.Status == CommentStatus.Pending && result.CommentId is { } heldId)
        {
            _heldComments.Remember(HttpContext, heldId);
        }

        // A spam verdict is answered exactly like a held comment, so a bot learns nothing: the same notice and a
        // redirect of the same shape, through the permalink (which shows the comment to whoever may see it).
        TempData[PostedKey] = result.Status == CommentStatus.Approved ? PostedPublished : PostedHeld;
        return new SeeOtherResult(string.Create(CultureInfo.InvariantCulture, $"/news/{slug}/comments/{result.CommentId}"));
    }

    private async Task<IActionResult> ShowFormAgainAsync(string slug, CommentForm form, int statusCode, CancellationToken cancellationToken)
    {
        var core = await _articles.GetCoreAsync(slug, cancellationToken);
        if (core is null)
        {
            return NotFound();
        }

        var model = await _articles.GetPageAsync(
            core,
            new CommentViewer(_heldComments.Read(HttpContext), 1, ReadSort(null), Shared: false, PostedForm: form, AntiforgeryToken: TokenIfOpen(core)),
            cancellationToken);
        Response.StatusCode = statusCode;
        return View(ShowView, model);
    }

    /// <summary>The order asked for now (remembered for next time, in a cookie), or the one chosen before.</summary>
    private CommentSort ReadSort(string? asked)
    {
        var sort = CommentSectionService.SortFrom(asked, Request.Cookies[CommentSectionService.SortCookie]);
        if (CommentSectionService.Parse(asked) is not null)
        {
            Response.Cookies.Append(CommentSectionService.SortCookie, sort == CommentSort.Newest ? "newest" : "oldest", new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
                Path = "/",
            });
        }

        return sort;
    }

    private string? TokenIfOpen(ArticlePageCore core) =>
        core.Article.CommentsOpenSetting ? _antiforgery.GetAndStoreTokens(HttpContext).RequestToken : null;

    private async Task<int> ThreadsPerPageAsync(CancellationToken cancellationToken) =>
        (await HttpContext.RequestServices.GetRequiredService<CommentRulesSource>().GetAsync(cancellationToken)).ThreadsPerPage;
}
