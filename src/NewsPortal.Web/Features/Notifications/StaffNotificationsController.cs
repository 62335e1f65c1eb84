namespace NewsPortal.Web.Features.Notifications;

/// <summary>A moderator's own choice of e-mail about held comments, and the page a one-click link in one opens.</summary>
[Authorize(Policy = Policies.Moderation)]
public sealed class StaffNotificationsController(NewsDbContext db, UserManager<StaffUser> users, TimeProvider time, LinkSigner signer) : Controller
{
    [HttpGet("admin/notifications")]
    public async Task<IActionResult> Preferences(CancellationToken cancellationToken)
    {
        var id = users.GetUserId(User)!;
        var choice = await db.StaffMailPreferences.AsNoTracking().Where(p => p.StaffUserId == id)
            .Select(p => (HeldCommentMail?)p.HeldComments).SingleOrDefaultAsync(cancellationToken);
        return View("~/Features/Notifications/Preferences.cshtml", new PreferencesForm { HeldComments = choice ?? HeldCommentMail.Nothing });
    }

    [HttpPost("admin/notifications")]
    public async Task<IActionResult> Preferences(PreferencesForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(form.HeldComments))
        {
            ModelState.AddModelError(nameof(PreferencesForm.HeldComments), "Choose one of the options.");
            return View("~/Features/Notifications/Preferences.cshtml", new PreferencesForm());
        }

        var id = users.GetUserId(User)!;
        var now = time.GetUtcNow().UtcDateTime;
        var preference = await db.StaffMailPreferences.SingleOrDefaultAsync(p => p.StaffUserId == id, cancellationToken);
        if (preference is null)
        {
            preference = new StaffMailPreference { StaffUserId = id, DigestFrom = now };
            db.StaffMailPreferences.Add(preference);
        }
        else if (preference.HeldComments != form.HeldComments)
        {
            // A new choice starts from now: no digest of everything held before it.
            preference.DigestFrom = now;
            preference.Version++;
        }

        preference.HeldComments = form.HeldComments;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            TempData["Warning"] = "Your choice was changed at the same moment elsewhere; check it below.";
            return new SeeOtherResult("/admin/notifications");
        }

        TempData["Flash"] = "Your e-mail choice is saved.";
        return new SeeOtherResult("/admin/notifications");
    }

    /// <summary>
    /// Where the approve and spam links in a moderator's e-mail lead. Nothing changes here: the page shows the comment
    /// and a button that posts the ordinary moderation form, so a link scanner following the link approves nothing.
    /// </summary>
    [HttpGet("admin/comments/{id:int}/confirm")]
    public async Task<IActionResult> ConfirmModeration(int id, [FromQuery(Name = "do")] string? action, [FromQuery(Name = "t")] string? token, CancellationToken cancellationToken)
    {
        var (check, subject) = await signer.CheckAsync(MailLinks.ModeratePurpose, token);
        var expected = string.Create(CultureInfo.InvariantCulture, $"{id}:{action}:{users.GetUserId(User)}");
        var comment = await db.Comments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ConfirmModerationViewModel.CommentSummary(c.Id, c.Version, c.AuthorName, c.BodyHtml, c.Status, c.StatusReason, c.Article.Headline))
            .SingleOrDefaultAsync(cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        var problem = check switch
        {
            LinkCheck.Expired => "This link has expired. You can still moderate the comment from the queue.",
            LinkCheck.Invalid => "This link is not valid. You can still moderate the comment from the queue.",
            _ when subject != expected => "This link was sent to another member of staff or for another action. You can moderate the comment from the queue.",
            _ when comment.Status != CommentStatus.Pending => $"This comment is no longer held: it is {comment.Status.ToString().ToLowerInvariant()}.",
            _ => null,
        };
        return View("~/Features/Notifications/ConfirmModeration.cshtml", new ConfirmModerationViewModel(comment, action == "spam" ? "spam" : "approve", problem));
    }
}

public sealed class PreferencesForm
{
    public HeldCommentMail HeldComments { get; set; }
}

public sealed record ConfirmModerationViewModel(ConfirmModerationViewModel.CommentSummary Comment, string Action, string? Problem)
{
    public sealed record CommentSummary(int Id, int Version, string AuthorName, string BodyHtml, CommentStatus Status, string? Reason, string Headline);
}
