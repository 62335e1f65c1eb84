using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Features.Shared;
using NewsPortal.Web.Infrastructure.Identity;
using NewsPortal.Web.Infrastructure.Mvc;

namespace NewsPortal.Web.Features.AdminArticles;

[Authorize(Policy = Policies.Newsroom)]
[Route("admin/articles")]
public sealed class AdminArticlesController : Controller
{
    private readonly ArticleEditorService _editor;

    public AdminArticlesController(ArticleEditorService editor) => _editor = editor;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? q, int? page, CancellationToken cancellationToken)
    {
        ArticleStatus? filter = Enum.TryParse<ArticleStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        return View(await _editor.ListAsync(filter, q, Paging.ClampPage(page), cancellationToken));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(string? restore, [FromServices] Revisions.EditorStarts starts, CancellationToken cancellationToken) =>
        View("Edit", await starts.FromAsync(await _editor.NewAsync(cancellationToken), restore, null, cancellationToken));

    [HttpPost("new")]
    public Task<IActionResult> Create(ArticleForm form, string? intent, CancellationToken cancellationToken) =>
        SaveAsync(null, form, intent, cancellationToken);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, string? restore, long? revision, [FromServices] Revisions.EditorStarts starts, CancellationToken cancellationToken) =>
        await _editor.EditAsync(id, cancellationToken) is { } model ? View(await starts.FromAsync(model, restore, revision, cancellationToken)) : NotFound();

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Update(int id, ArticleForm form, string? intent, CancellationToken cancellationToken) =>
        SaveAsync(id, form, intent, cancellationToken);

    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> Preview(int id, CancellationToken cancellationToken)
    {
        var article = await _editor.PreviewAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        ViewData["Preview"] = true;
        return View("~/Features/Articles/Show.cshtml", new ArticlePageViewModel
        {
            Article = article,
            Comments = new CommentSectionViewModel { ArticleId = article.Id, ArticleSlug = article.Slug },
        });
    }

    private async Task<IActionResult> SaveAsync(int? id, ArticleForm form, string? intent, CancellationToken cancellationToken)
    {
        var parsedIntent = Enum.TryParse<ArticleIntent>(intent, ignoreCase: true, out var i) && Enum.IsDefined(i) ? i : ArticleIntent.Save;
        if (ModelState.IsValid)
        {
            var result = await _editor.SaveAsync(id, form, parsedIntent, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = parsedIntent switch
                {
                    ArticleIntent.Publish => "Published.",
                    ArticleIntent.Schedule => "Scheduled: it will appear by itself at the time you chose.",
                    ArticleIntent.Unpublish => "Unpublished: readers can no longer see it.",
                    ArticleIntent.SaveDraft => "Saved as a draft.",
                    _ => "Saved.",
                };
                return new SeeOtherResult($"/admin/articles/{result.Id}/edit");
            }

            if (result.Id is null && id is not null)
            {
                return NotFound();
            }

            if (result.Conflict is { } conflict)
            {
                // The editor's text comes back as typed, now based on the colleague's version: saving again keeps theirs as a revision.
                ViewData[Revisions.ArticleConflict.ViewDataKey] = conflict;
                form.OpenedAtVersion = conflict.CurrentVersion;
                form.KeepMine = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return View("Edit", await _editor.AgainAsync(id, form, cancellationToken));
    }
}
