using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.AdminArticles;

/// <summary>
/// A preview link opened by someone without an account: the story as readers will see it, never indexed, never
/// stored by the reader cache or any shared cache. A link this site did not make is a 404; an expired or revoked one a 410.
/// </summary>
[AllowAnonymous]
public sealed class ArticlePreviewController : Controller
{
    [HttpGet("/preview/{token}")]
    public async Task<IActionResult> Show(string token, [FromServices] ArticlePreviewLinks links, CancellationToken cancellationToken)
    {
        // Set first, so the error pages behind a 404 or 410 carry them too.
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        var result = await links.OpenAsync(token, cancellationToken);
        switch (result.Outcome)
        {
            case PreviewOpenOutcome.Shown:
                ViewData["Preview"] = true;
                ViewData["PreviewLink"] = true;
                return View("~/Features/Articles/Show.cshtml", new ArticlePageViewModel
                {
                    Article = result.Article!,
                    Comments = new CommentSectionViewModel { ArticleId = result.Article!.Id, ArticleSlug = result.Article.Slug },
                });
            case PreviewOpenOutcome.Published:
                return Redirect($"/news/{result.Slug}");
            case PreviewOpenOutcome.Gone:
                return StatusCode(StatusCodes.Status410Gone);
            default:
                return NotFound();
        }
    }
}
