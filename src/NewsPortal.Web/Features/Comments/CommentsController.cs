using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Infrastructure.Mvc;
using NewsPortal.Web.Infrastructure.Proxy;

namespace NewsPortal.Web.Features.Comments;

public sealed class CommentsController : Controller
{
    public const string PostedKey = "CommentPosted";
    public const string PostedHeld = "held";
    public const string PostedPublished = "published";

    private readonly CommentService _comments;
    private readonly ArticleService _articles;
    private readonly HeldCommentsCookie _heldComments;

    public CommentsController(CommentService comments, ArticleService articles, HeldCommentsCookie heldComments)
    {
        _comments = comments;
        _articles = articles;
        _heldComments = heldComments;
    }

    [HttpPost("/news/{slug}/comments")]
    [EnableRateLimiting(CommentRateLimiting.PolicyName)]
    [ServiceFilter<CommentRequestLimitFilter>]
    public async Task<IActionResult> Create(string slug, CommentForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowFormAgainAsync(slug, form, StatusCodes.Status200OK, cancellationToken);
        }

        var client = new CommentClient(ClientAddress.Of(HttpContext), Request.Headers.UserAgent.ToString());
        var result = await _comments.PostAsync(slug, form, client, cancellationToken);
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

        // A spam verdict is answered exactly like a held comment, so a bot learns nothing.
        TempData[PostedKey] = result.Status == CommentStatus.Approved ? PostedPublished : PostedHeld;
        var anchor = result.Status is CommentStatus.Approved or CommentStatus.Pending ? $"comment-{result.CommentId}" : "comments";
        return new SeeOtherResult($"{Url.RouteUrl("Article", new { slug })}#{anchor}");
    }

    private async Task<IActionResult> ShowFormAgainAsync(
        string slug, CommentForm form, int statusCode, CancellationToken cancellationToken)
    {
        var page = await _articles.GetPageAsync(slug, _heldComments.Read(HttpContext), form, null, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = statusCode;
        return View("~/Features/Articles/Show.cshtml", page);
    }
}
