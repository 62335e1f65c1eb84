using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.Articles;

/// <summary>The article page and its comments: reading, comment pages and order, permalinks, and posting.</summary>
public sealed class ArticlesController(
    ArticleService articles,
    HeldCommentsCookie heldComments,
    IAntiforgery antiforgery,
    ViewRenderer renderer,
    SharedArticlePages shared) : Controller
{
    public const string BusyMessage = "We could not save your comment just now because the site is very busy. Nothing was lost: your text is below. Please post it again in a moment.";
    public const string PostedKey = "CommentPosted";
    public const string PostedHeld = "held";
    public const string PostedPublished = "published";
    private const string ShowView = "~/Features/Articles/Show.cshtml";

    private readonly SharedArticlePages _shared = shared;

    /// <summary>
    /// The article page. An anonymous reader with nothing of their own on it gets the copy rendered once for every
    /// such reader, with only their antiforgery token and form stamp filled in; anyone else (signed-in staff, a
    /// reader with held comments, a reply form, the notice after posting) gets a page rendered for them.
    /// </summary>
    [HttpGet("/news/{slug}", Name = "Article")]
    [SharedArticlePage]
    public async Task<IActionResult> Show(string slug, int? replyto, int? cpage, string? csort, CancellationToken cancellationToken)
    {
        var core = await articles.GetCoreAsync(slug, cancellationToken);
        if (core is null)
        {
            // An article whose slug was changed after publication keeps its old URLs working.
            return await articles.CurrentSlugForAsync(slug, cancellationToken) is { } current
                ? RedirectPermanent($"/news/{current}")
                : NotFound();
        }

        var sort = ReadSort(csort);
        if (!_shared.AppliesTo(HttpContext, wantsReplyForm: replyto is not null))
        {
            var model = await articles.GetPageAsync(
                core,
                new CommentViewer(heldComments.Read(HttpContext), Math.Max(1, cpage ?? 1), sort, Shared: false, ReplyTo: replyto, AntiforgeryToken: TokenIfOpen(core), EditableIds: heldComments.ReadEditable(HttpContext)),
                cancellationToken);
            var posted = TempData[PostedKey] as string;
            model.Comments.JustPostedHeld = posted == PostedHeld;
            model.Comments.JustPostedPublished = posted == PostedPublished;
            model.Comments.OwnChange = posted is ArticlesControllerKeys.Edited or ArticlesControllerKeys.EditedHeld or ArticlesControllerKeys.Deleted or ArticlesControllerKeys.DeleteConflict ? posted : null;
            return View(ShowView, model);
        }

        // Usually served before MVC by UseSharedArticlePages; here when the copy is missing (or the order was just chosen).
        var slot = (await _shared.LocateAsync(HttpContext, slug, cpage, sort, cancellationToken))!;
        var shared = slot.Copy;
        if (shared is null)
        {
            var model = await articles.GetPageAsync(core, new CommentViewer(new HashSet<int>(), slot.Page, sort, Shared: true), cancellationToken);
            shared = SharedArticlePage.From(await renderer.RenderAsync(this, ShowView, model));
            _shared.Store(slot, shared);
        }

        return await _shared.ForReaderAsync(HttpContext, shared, core.Article.Id);
    }

    /// <summary>A link to one comment that lands on the comment page holding it, in the reader's order.</summary>
    [HttpGet("/news/{slug}/comments/{id:int}")]
    public async Task<IActionResult> Comment(string slug, int id, CancellationToken cancellationToken)
    {
        var core = await articles.GetCoreAsync(slug, cancellationToken);
        if (core is null)
        {
            return NotFound();
        }

        var page = await articles.CommentPageAsync(core, id, heldComments.Read(HttpContext), ReadSort(null), cancellationToken);
        return Redirect(page switch
        {
            null => $"/news/{slug}#comments",
            1 => $"/news/{slug}#comment-{id}",
            _ => string.Create(CultureInfo.InvariantCulture, $"/news/{slug}?cpage={page}#comment-{id}"),
        });
    }

    [HttpPost("/news/{slug}/comments")]
    [EnableRateLimiting(CommentRateLimiting.PolicyName)]
    [CommentRequestBody]
    public async Task<IActionResult> PostComment(string slug, CommentForm form, [FromServices] CommentService comments, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Infrastructure.Telemetry.SiteMetrics.CommentRefused("invalid");
            return await ShowFormAgainAsync(slug, form, StatusCodes.Status200OK, cancellationToken);
        }

        var client = new CommentClient(ClientAddress.Of(HttpContext), Request.Headers.UserAgent.ToString());
        CommentPostResult result;
        try
        {
            result = await comments.PostAsync(slug, form, client, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.IsBusy(ex))
        {
            // Nothing was stored; the reader's text goes back to them in the form, with a way forward.
            ModelState.AddModelError(string.Empty, BusyMessage);
            Response.Headers.RetryAfter = "10";
            return await ShowFormAgainAsync(slug, form, StatusCodes.Status503ServiceUnavailable, cancellationToken);
        }

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

        // Only a comment this post created: a duplicate may be someone else's (same email and text), held under
        // their name. Spam is remembered like a held comment, so its author sees it "awaiting moderation" too.
        // Every comment this post created is remembered for its edit window, the held ones also as held.
        if (result is { Created: true, CommentId: { } createdId })
        {
            heldComments.RememberOwn(HttpContext, createdId, held: result.Status is CommentStatus.Pending or CommentStatus.Spam);
        }

        // A spam verdict is answered exactly like a held comment, so a bot learns nothing: the same notice, the same
        // redirect through the permalink and the same page behind it (its own comment, "awaiting moderation").
        TempData[PostedKey] = result.Status == CommentStatus.Approved ? PostedPublished : PostedHeld;
        return new SeeOtherResult(string.Create(CultureInfo.InvariantCulture, $"/news/{slug}/comments/{result.CommentId}"));
    }

    private async Task<IActionResult> ShowFormAgainAsync(string slug, CommentForm form, int statusCode, CancellationToken cancellationToken)
    {
        var core = await articles.GetCoreAsync(slug, cancellationToken);
        if (core is null)
        {
            return NotFound();
        }

        var model = await articles.GetPageAsync(
            core,
            new CommentViewer(heldComments.Read(HttpContext), 1, ReadSort(null), Shared: false, PostedForm: form, AntiforgeryToken: TokenIfOpen(core), EditableIds: heldComments.ReadEditable(HttpContext)),
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
        core.Article.CommentsOpenSetting ? antiforgery.GetAndStoreTokens(HttpContext).RequestToken : null;
}
