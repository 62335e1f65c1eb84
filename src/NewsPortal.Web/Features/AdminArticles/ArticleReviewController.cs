namespace NewsPortal.Web.Features.AdminArticles;

public static class ArticleReviewLinks
{
    /// <summary>The <c>status</c> value of the review queue's tab on <c>/admin/articles</c>.</summary>
    public const string ReviewStatus = "review";

    public const string NewPreviewLinkKey = "NewPreviewLink";
}

/// <summary>
/// Review (send back, withdraw), corrections and preview links of one story. Every action checks
/// <see cref="ArticleAccess"/> first: sending back and corrections are the editors'; a reporter may withdraw their own
/// submission and make or revoke preview links of their own stories.
/// </summary>
[Authorize(Policy = Policies.Writing)]
[Route("admin/articles/{id:int}")]
public sealed class ArticleReviewController(ArticleAccess access) : Controller
{
    [HttpPost("send-back")]
    public async Task<IActionResult> SendBack(int id, string? note, [FromServices] ArticleReview review, CancellationToken cancellationToken)
    {
        var actor = await access.ActorAsync(User, cancellationToken);
        if (actor.IsReporterOnly)
        {
            return Forbid();
        }

        return Done(id, await review.SendBackAsync(id, note, actor, cancellationToken), "Sent back to the reporter with your note.");
    }

    [HttpPost("withdraw")]
    public async Task<IActionResult> Withdraw(int id, [FromServices] ArticleReview review, CancellationToken cancellationToken)
    {
        var (actor, refused) = await OpenAsync(id, cancellationToken);
        return refused ?? Done(id, await review.WithdrawAsync(id, actor, cancellationToken), "Withdrawn from review: it is your draft again.");
    }

    [HttpPost("notes")]
    public async Task<IActionResult> AddNote(int id, ArticleNoteForm form, [FromServices] ArticleCorrections corrections, CancellationToken cancellationToken)
    {
        var actor = await access.ActorAsync(User, cancellationToken);
        if (actor.IsReporterOnly)
        {
            return Forbid();
        }

        if (await access.FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var error = ModelState.IsValid
            ? await corrections.AddAsync(id, form, actor, cancellationToken)
            : ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault() ?? "Check the note and try again.";
        return Done(id, error, form.Kind == "update" ? "Update added: readers see it on the story now." : "Correction added: readers see it on the story now.");
    }

    [HttpPost("preview-links")]
    public async Task<IActionResult> CreatePreviewLink(int id, int days, [FromServices] ArticlePreviewLinks links, CancellationToken cancellationToken)
    {
        var (actor, refused) = await OpenAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var (path, error) = await links.CreateAsync(id, days, actor, cancellationToken);
        if (path is not null)
        {
            TempData[ArticleReviewLinks.NewPreviewLinkKey] = path;
        }

        return Done(id, error, "Preview link made: copy it below. Anyone with the link can read the story until it expires or you revoke it.");
    }

    [HttpPost("preview-links/{linkId:int}/revoke")]
    public async Task<IActionResult> RevokePreviewLink(int id, int linkId, [FromServices] ArticlePreviewLinks links, CancellationToken cancellationToken)
    {
        var (actor, refused) = await OpenAsync(id, cancellationToken);
        return refused ?? Done(id, await links.RevokeAsync(id, linkId, actor, cancellationToken), "Preview link revoked: it no longer opens.");
    }

    /// <summary>The actor, or the answer when the story does not exist or is not theirs.</summary>
    private async Task<(ArticleActor Actor, IActionResult? Refused)> OpenAsync(int id, CancellationToken cancellationToken)
    {
        var actor = await access.ActorAsync(User, cancellationToken);
        var info = await access.FindAsync(id, cancellationToken);
        return info is null ? (actor, NotFound())
            : !ArticleAccess.MayOpen(actor, info) ? (actor, Forbid())
            : (actor, null);
    }

    private SeeOtherResult Done(int id, string? error, string success)
    {
        TempData[error is null ? "Flash" : "Warning"] = error ?? success;
        return new SeeOtherResult($"/admin/articles/{id}/edit");
    }
}
