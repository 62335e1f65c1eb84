using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Authors;

public sealed class AuthorsController(AuthorPageService authors) : Controller
{
    /// <summary>A byline's page; a byline renamed since answers 301 from its old slug, as articles and sections do.</summary>
    [HttpGet("/author/{slug}")]
    public async Task<IActionResult> Show(string slug, int? page, CancellationToken cancellationToken)
    {
        var answer = await authors.GetAsync(slug, Paging.ClampPage(page), cancellationToken);
        if (answer.MovedTo is { } current)
        {
            return RedirectPermanent(page is > 1 ? $"/author/{current}?page={page}" : $"/author/{current}");
        }

        return answer.Page is { } model && model.Articles.Page <= model.Articles.PageCount ? View(model) : NotFound();
    }
}
