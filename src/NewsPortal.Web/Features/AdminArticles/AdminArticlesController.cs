using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminArticles;

/// <remarks>
/// Open to reporters too; what a reporter may do here (their own drafts, no publishing) is <see cref="ArticleAccess"/>'s
/// rule, checked by every action before it reads or writes a story.
/// </remarks>
[Authorize(Policy = Policies.Writing)]
[Route("admin/articles")]
public sealed class AdminArticlesController(ArticleEditorService editor, ArticleEditorPages pages, ArticleAccess access, ArticleReview review, ArticleNewsroomPanels panels) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? q, int? page, [FromServices] ArticleList list, CancellationToken cancellationToken)
    {
        // A reporter's list is their own stories; the newsroom's list and the review queue are the editors'.
        if (ArticleAccess.IsReporterOnly(User))
        {
            var me = await access.ActorAsync(User, cancellationToken);
            return View("Mine", new ReporterStoriesViewModel { Stories = await review.MineAsync(me.UserId, Paging.ClampPage(page), cancellationToken) });
        }

        var tabs = await review.TabsAsync(cancellationToken);
        if (string.Equals(status, ArticleReviewLinks.ReviewStatus, StringComparison.OrdinalIgnoreCase))
        {
            return View("Review", new ReviewQueueViewModel { Rows = await review.QueueAsync(cancellationToken), Tabs = tabs });
        }

        ArticleStatus? filter = Enum.TryParse<ArticleStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        var model = await list.ListAsync(filter, q, Paging.ClampPage(page), cancellationToken);
        model.Tabs = tabs;
        return View(model);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(string? restore, [FromServices] Revisions.EditorStarts starts, CancellationToken cancellationToken)
    {
        var model = await starts.FromAsync(await pages.NewAsync(cancellationToken), restore, null, cancellationToken);
        model.IsReporterOnly = ArticleAccess.IsReporterOnly(User);
        return View("Edit", model);
    }

    [HttpPost("new")]
    public Task<IActionResult> Create(ArticleForm form, string? intent, CancellationToken cancellationToken) =>
        SaveAsync(null, form, intent, cancellationToken);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, string? restore, long? revision, [FromServices] Revisions.EditorStarts starts, CancellationToken cancellationToken)
    {
        var actor = await access.ActorAsync(User, cancellationToken);
        if (await access.FindAsync(id, cancellationToken) is not { } info || await pages.EditAsync(id, cancellationToken) is not { } model)
        {
            return NotFound();
        }

        if (!ArticleAccess.MayOpen(actor, info))
        {
            return Forbid();
        }

        model = await starts.FromAsync(model, restore, revision, cancellationToken);
        await WithNewsroomAsync(model, actor, cancellationToken);
        return View(model.Newsroom!.ReadOnly ? "ReadOnly" : "Edit", model);
    }

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Update(int id, ArticleForm form, string? intent, CancellationToken cancellationToken) =>
        SaveAsync(id, form, intent, cancellationToken);

    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> Preview(int id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is { } info && !ArticleAccess.MayOpen(await access.ActorAsync(User, cancellationToken), info))
        {
            return Forbid();
        }

        var article = await pages.PreviewAsync(id, cancellationToken);
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
        var actor = await access.ActorAsync(User, cancellationToken);
        if (await RefusedAsync(id, form, parsedIntent, actor, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (ModelState.IsValid)
        {
            var result = await editor.SaveAsync(id, form, parsedIntent, actor, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = parsedIntent switch
                {
                    ArticleIntent.Submit => "Submitted for review: an editor will publish it or send it back to you with a note.",
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

        return View("Edit", await AgainAsync(id, form, actor, cancellationToken));
    }

    /// <summary>
    /// The review rules, before anything is read from the form into a story: a reporter's publish, schedule or
    /// unpublish (whatever the button or field), a story that is not theirs or not theirs to change now, and a
    /// submission of a story that is not a draft. Nothing is changed; the form comes back with the reason.
    /// </summary>
    private async Task<IActionResult?> RefusedAsync(int? id, ArticleForm form, ArticleIntent intent, ArticleActor actor, CancellationToken cancellationToken)
    {
        var info = id is { } existing ? await access.FindAsync(existing, cancellationToken) : null;
        if (id is not null && info is null)
        {
            return NotFound();
        }

        if (info is not null && !ArticleAccess.MayOpen(actor, info))
        {
            return Forbid();
        }

        string? reason = null;
        if (!ArticleAccess.MayUse(actor, intent))
        {
            reason = ArticleAccess.PublishRefused;
        }
        else if (info is not null && !ArticleAccess.MayEdit(actor, info))
        {
            reason = info.SubmittedAt is not null
                ? "This story is waiting for review, so it cannot be changed now. Withdraw it from review to keep working on it."
                : "This story has left your hands (an editor has published or scheduled it). Ask an editor for changes.";
        }
        else if (intent == ArticleIntent.Submit && info is { Status: not ArticleStatus.Draft })
        {
            reason = "Only a draft can be submitted for review.";
        }

        if (reason is null)
        {
            return null;
        }

        ModelState.AddModelError(string.Empty, reason);
        var view = View("Edit", await AgainAsync(id, form, actor, cancellationToken));
        view.StatusCode = StatusCodes.Status403Forbidden;
        return view;
    }

    private async Task<ArticleEditorViewModel> AgainAsync(int? id, ArticleForm form, ArticleActor actor, CancellationToken cancellationToken)
    {
        var model = await pages.AgainAsync(id, form, cancellationToken);
        await WithNewsroomAsync(model, actor, cancellationToken);
        return model;
    }

    private async Task WithNewsroomAsync(ArticleEditorViewModel model, ArticleActor actor, CancellationToken cancellationToken)
    {
        model.IsReporterOnly = actor.IsReporterOnly;
        if (model.Id is { } id)
        {
            model.Newsroom = await panels.BuildAsync(id, actor, cancellationToken);
            model.Newsroom?.NewPreviewLink = TempData[ArticleReviewLinks.NewPreviewLinkKey] as string;
        }
    }
}
