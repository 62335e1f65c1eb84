using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.Articles;

public sealed class ArticlesController : Controller
{
    private readonly ArticleService _articles;
    private readonly HeldCommentsCookie _heldComments;

    public ArticlesController(ArticleService articles, HeldCommentsCookie heldComments)
    {
        _articles = articles;
        _heldComments = heldComments;
    }

    [HttpGet("/news/{slug}", Name = "Article")]
    public async Task<IActionResult> Show(string slug, int? replyto, CancellationToken cancellationToken)
    {
        var page = await _articles.GetPageAsync(slug, _heldComments.Read(HttpContext), null, replyto, cancellationToken);
        if (page is null)
        {
            // An article whose slug was changed after publication keeps its old URLs working.
            return await _articles.CurrentSlugForAsync(slug, cancellationToken) is { } current
                ? RedirectPermanent($"/news/{current}")
                : NotFound();
        }

        var posted = TempData[CommentsController.PostedKey] as string;
        page.JustPostedHeld = posted == CommentsController.PostedHeld;
        page.JustPostedPublished = posted == CommentsController.PostedPublished;
        return View(page);
    }
}
