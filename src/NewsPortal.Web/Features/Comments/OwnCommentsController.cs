namespace NewsPortal.Web.Features.Comments;

public sealed class OwnCommentForm
{
    [Display(Name = "Comment")]
    [Required(ErrorMessage = "Please enter your comment!")]
    [StringLength(FieldLengths.CommentBody, ErrorMessage = "Please keep your comment under {1} characters.")]
    public string? Body { get; set; }

    /// <summary>The version the author was editing; a newer one means a moderator changed it meanwhile.</summary>
    public int Version { get; set; }
}

public sealed class OwnCommentViewModel
{
    public required OwnComment Comment { get; init; }
    public required OwnCommentForm Form { get; init; }
    public int EditWindowMinutes { get; init; }

    /// <summary>Pre-moderation is on and the comment is published: a changed text may go back to a moderator.</summary>
    public bool EditGoesBackToModeration { get; init; }
}

/// <summary>
/// The author's own comment: edit or delete it from the browser that posted it (its signed cookie says so) within
/// the edit window. Anyone else, or the author after the window, is told why they cannot, with a 403.
/// </summary>
public sealed class OwnCommentsController(OwnCommentService own, HeldCommentsCookie cookie, CommentRulesSource rules) : Controller
{
    public const string NotYoursMessage = "You can edit or delete a comment only from the browser you posted it from, and only for a short time after posting it.";
    private const string EditView = "~/Features/Comments/Edit.cshtml";

    private readonly CommentRulesSource _rules = rules;

    [HttpGet("/news/{slug}/comments/{id:int}/edit")]
    public async Task<IActionResult> Edit(string slug, int id, CancellationToken cancellationToken)
    {
        if (!cookie.ReadEditable(HttpContext).Contains(id))
        {
            return await NotYoursAsync(slug, id, cancellationToken);
        }

        var (outcome, comment) = await own.FindAsync(slug, id, cancellationToken);
        return outcome switch
        {
            OwnEditOutcome.NotFound => NotFound(),
            OwnEditOutcome.NotYours => await NotYoursAsync(slug, id, cancellationToken),
            _ => await ShowAsync(comment!, new OwnCommentForm { Body = Infrastructure.Sanitizing.CommentSanitizer.ToEditableText(comment!.BodyHtml), Version = comment.Version }, StatusCodes.Status200OK, cancellationToken),
        };
    }

    [HttpPost("/news/{slug}/comments/{id:int}/edit")]
    [EnableRateLimiting(CommentRateLimiting.PolicyName)]
    [CommentRequestBody]
    public async Task<IActionResult> Edit(string slug, int id, OwnCommentForm form, CancellationToken cancellationToken)
    {
        if (!cookie.ReadEditable(HttpContext).Contains(id))
        {
            return await NotYoursAsync(slug, id, cancellationToken);
        }

        var outcome = ModelState.IsValid ? await own.EditAsync(slug, id, form, cancellationToken) : OwnEditOutcome.Invalid;
        switch (outcome)
        {
            case OwnEditOutcome.NotFound:
                return NotFound();
            case OwnEditOutcome.NotYours:
                return await NotYoursAsync(slug, id, cancellationToken);
            case OwnEditOutcome.Invalid or OwnEditOutcome.Conflict:
                var (_, comment) = await own.FindAsync(slug, id, cancellationToken);
                if (comment is null)
                {
                    return await NotYoursAsync(slug, id, cancellationToken);
                }

                if (outcome == OwnEditOutcome.Conflict)
                {
                    ModelState.AddModelError(string.Empty, "A moderator changed this comment while you were editing it, so your edit was not saved. The current text is below.");
                    form = new OwnCommentForm { Body = form.Body, Version = comment.Version };
                    ModelState.Remove(nameof(OwnCommentForm.Version));
                }
                else if (ModelState.IsValid)
                {
                    ModelState.AddModelError(nameof(OwnCommentForm.Body), "Please enter your comment!");
                }

                return await ShowAsync(comment, form, outcome == OwnEditOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status200OK, cancellationToken);
        }

        if (outcome == OwnEditOutcome.SavedAndHeld)
        {
            cookie.Remember(HttpContext, id);
        }

        TempData[ArticlesControllerKeys.PostedKey] = outcome == OwnEditOutcome.SavedAndHeld ? ArticlesControllerKeys.EditedHeld : ArticlesControllerKeys.Edited;
        return new SeeOtherResult(string.Create(CultureInfo.InvariantCulture, $"/news/{slug}/comments/{id}"));
    }

    [HttpPost("/news/{slug}/comments/{id:int}/delete")]
    [EnableRateLimiting(CommentRateLimiting.PolicyName)]
    public async Task<IActionResult> Delete(string slug, int id, int version, CancellationToken cancellationToken)
    {
        if (!cookie.ReadEditable(HttpContext).Contains(id))
        {
            return await NotYoursAsync(slug, id, cancellationToken);
        }

        switch (await own.DeleteAsync(slug, id, version, cancellationToken))
        {
            case OwnEditOutcome.NotFound:
                return NotFound();
            case OwnEditOutcome.NotYours:
                return await NotYoursAsync(slug, id, cancellationToken);
            case OwnEditOutcome.Conflict:
                TempData[ArticlesControllerKeys.PostedKey] = ArticlesControllerKeys.DeleteConflict;
                return new SeeOtherResult($"/news/{slug}#comments");
        }

        TempData[ArticlesControllerKeys.PostedKey] = ArticlesControllerKeys.Deleted;
        return new SeeOtherResult($"/news/{slug}#comments");
    }

    private async Task<IActionResult> ShowAsync(OwnComment comment, OwnCommentForm form, int status, CancellationToken cancellationToken)
    {
        Response.StatusCode = status;
        var rules = await _rules.GetAsync(cancellationToken);
        return View(EditView, new OwnCommentViewModel
        {
            Comment = comment,
            Form = form,
            EditWindowMinutes = rules.EditWindowMinutes,
            EditGoesBackToModeration = rules.PreModeration && comment.Status == CommentStatus.Approved,
        });
    }

    private async Task<IActionResult> NotYoursAsync(string slug, int id, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        ViewData["Slug"] = slug;
        ViewData["CommentId"] = id;
        ViewData["EditWindowMinutes"] = (await _rules.GetAsync(cancellationToken)).EditWindowMinutes;
        return View("~/Features/Comments/NotYours.cshtml");
    }
}

/// <summary>The one-time notices the article page shows after an author's own change.</summary>
public static class ArticlesControllerKeys
{
    public const string PostedKey = "CommentPosted";
    public const string Edited = "edited";
    public const string EditedHeld = "edited-held";
    public const string Deleted = "deleted";
    public const string DeleteConflict = "delete-conflict";
}
