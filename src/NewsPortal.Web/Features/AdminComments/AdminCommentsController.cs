using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminComments;

[Authorize(Policy = Policies.Moderation)]
[Route("admin/comments")]
public sealed class AdminCommentsController(ModerationService moderation, ModerationQueue queue, UserManager<StaffUser> users) : Controller
{
    public const string AlreadyHandledMessage = "This comment was already handled by someone else, so nothing was changed. The queue below is up to date.";

    public const string ReplyToUnpublishedMessage = "Readers cannot see this comment, so a reply would appear without it. Approve the comment first, then reply. Your text is kept below.";

    public const string ReportsAlreadyDecidedMessage = "Someone else decided about this comment (or it changed) after your page was loaded, so nothing was changed. The queue below is up to date.";


    [HttpGet("")]
    public async Task<IActionResult> Index(
        string? status, string? q, int? article, string? sort, int? page, int? size, [FromServices] ReportModerationService reports, CancellationToken cancellationToken) =>
        string.Equals(status, "reported", StringComparison.OrdinalIgnoreCase)
            ? View("Reported", await reports.QueueAsync(Paging.ClampPage(page), QueueQuery.DefaultPageSize, cancellationToken))
            : View(await queue.QueueAsync(QueueQuery.From(status, q, article, sort, page, size), cancellationToken));

    /// <summary>Dismiss, hide or remove: settles every report waiting on the comment.</summary>
    [HttpPost("{id:int}/reports/{decision:regex(^(dismiss|hide|remove)$)}")]
    public async Task<IActionResult> Decide(
        int id, string decision, ReportDecisionForm form, string? returnUrl, [FromServices] ReportModerationService reports, CancellationToken cancellationToken)
    {
        var chosen = decision switch
        {
            "hide" => Domain.ReportDecision.Hidden,
            "remove" => Domain.ReportDecision.Removed,
            _ => Domain.ReportDecision.Dismissed,
        };
        if (!ModelState.IsValid)
        {
            TempData["Warning"] = "Please keep the statement of reasons under 1,000 characters. Nothing was changed.";
            return BackTo(returnUrl ?? "/admin/comments?status=reported");
        }

        switch (await reports.DecideAsync(id, chosen, form, User.StaffName(), cancellationToken))
        {
            case DecisionOutcome.NotFound:
                return NotFound();
            case DecisionOutcome.AlreadyHandled:
                TempData["Warning"] = ReportsAlreadyDecidedMessage;
                break;
            case DecisionOutcome.GroundMissing:
                TempData["Warning"] = "Choose a ground from the list before hiding or removing a comment. Nothing was changed.";
                break;
            default:
                TempData["Flash"] = chosen switch
                {
                    Domain.ReportDecision.Dismissed => "Reports dismissed; the comment stays.",
                    Domain.ReportDecision.Hidden => "Comment hidden; the statement of reasons is on its way to its author.",
                    _ => "Comment removed; the statement of reasons is on its way to its author.",
                };
                break;
        }

        return BackTo(returnUrl ?? "/admin/comments?status=reported");
    }

    /// <summary>
    /// Adds the comment author's address to the blocked (spam) or always-hold list of the comment rules. Moderators may
    /// do this (it is how they deal with a troll), although the lists are otherwise edited on the Admin-only settings
    /// page: each addition is recorded with who and when in the settings history the Admins see there.
    /// </summary>
    [HttpPost("{id:int}/email/{list:regex(^(ban|hold)$)}")]
    public async Task<IActionResult> ListEmail(
        int id, string list, string? returnUrl, [FromServices] AdminSettings.CommentSettingsService settings, CancellationToken cancellationToken)
    {
        var email = await queue.AuthorEmailAsync(id, cancellationToken);
        if (email is null)
        {
            return NotFound();
        }

        var ban = list == "ban";
        await settings.AddEmailAsync(id, email, ban, User.StaffName(), cancellationToken);
        TempData["Flash"] = ban
            ? $"{email} is blocked: new comments from it are marked as spam. The Admins see this change in the settings history."
            : $"{email} is on the always-hold list: new comments from it wait for a moderator. The Admins see this change in the settings history.";
        return BackTo(returnUrl ?? "/admin/comments?status=reported");
    }

    /// <summary>Reports received and decided per month, and the median time to a decision: for Admins.</summary>
    [HttpGet("reports/summary")]
    [Authorize(Policy = Policies.Administration)]
    public async Task<IActionResult> Transparency([FromServices] ReportModerationService reports, CancellationToken cancellationToken) =>
        View("Transparency", await reports.TransparencyAsync(12, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await queue.DetailAsync(id, cancellationToken) is { } detail ? View(detail) : NotFound();

    /// <summary>Approves, rejects, marks as spam, bins or restores one comment (<c>verb</c> names the action).</summary>
    [HttpPost("{id:int}/{verb:regex(^(approve|reject|spam|trash|restore)$)}")]
    public async Task<IActionResult> Apply(int id, string verb, int? version, string? returnUrl, CancellationToken cancellationToken)
    {
        if (!ModerationActions.TryParse(verb, out var action))
        {
            return NotFound();
        }

        var result = await moderation.ApplyAsync(id, action, version, User.StaffName(), cancellationToken);
        return Answer(result.Outcome, $"Comment {ModerationActions.PastTense(action)}.", BackTo(returnUrl));
    }

    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk(
        [FromForm(Name = "action")] string? bulkAction, [FromForm] int[]? ids, [FromForm] Dictionary<int, int>? versions, string? returnUrl, CancellationToken cancellationToken)
    {
        if (!ModerationActions.TryParse(bulkAction, out var action))
        {
            TempData["Warning"] = "Choose what to do with the selected comments.";
            return BackTo(returnUrl);
        }

        if (ids is not { Length: > 0 })
        {
            TempData["Warning"] = "Select at least one comment first.";
            return BackTo(returnUrl);
        }

        var result = await moderation.ApplyBulkAsync(ids, versions ?? [], action, User.StaffName(), cancellationToken);
        TempData["Flash"] = BulkMessage(result, action);
        return BackTo(returnUrl);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Edit")] CommentEditForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(id, edit: form, reply: null, cancellationToken);
        }

        var outcome = await moderation.EditAsync(id, form, User.StaffName(), cancellationToken);
        return Answer(outcome, "The comment text was updated.", new SeeOtherResult($"/admin/comments/{id}"));
    }

    [HttpPost("{id:int}/reply")]
    public async Task<IActionResult> Reply(int id, [Bind(Prefix = "Reply")] StaffReplyForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(id, edit: null, reply: form, cancellationToken);
        }

        var user = await users.GetUserAsync(User);
        var (outcome, replyId) = await moderation.ReplyAsync(id, form, User.StaffName(), user?.DisplayName ?? "NewsPortal staff", cancellationToken);
        switch (outcome)
        {
            case ModerationOutcome.NotFound:
                return NotFound();
            case ModerationOutcome.ParentNotPublished:
                ModelState.AddModelError("Reply.Body", ReplyToUnpublishedMessage);
                return await ShowAgainAsync(id, edit: null, reply: form, cancellationToken);
        }

        TempData["Flash"] = "Your reply is published.";
        return new SeeOtherResult($"/admin/comments/{replyId}");
    }

    internal static string BulkMessage(BulkModerationResult result, ModerationAction action)
    {
        static string Comments(int n) => n == 1 ? "1 comment" : $"{n} comments";
        var message = $"{Comments(result.Changed)} {ModerationActions.PastTense(action)}.";
        if (result.ChangedBySomeoneElse > 0)
        {
            message += $" {result.ChangedBySomeoneElse} skipped because someone else changed {(result.ChangedBySomeoneElse == 1 ? "it" : "them")} after your page was loaded.";
        }

        if (result.AlreadyInThatState > 0)
        {
            message += $" {result.AlreadyInThatState} skipped: already in that state.";
        }

        if (result.NotProcessed > 0)
        {
            message += $" {Comments(result.NotProcessed)} not processed: at most {QueueQuery.MaxPageSize} at a time.";
        }

        return message;
    }

    private async Task<IActionResult> ShowAgainAsync(int id, CommentEditForm? edit, StaffReplyForm? reply, CancellationToken cancellationToken)
    {
        var detail = await queue.DetailAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        return View("Show", new CommentDetailViewModel
        {
            Comment = detail.Comment,
            History = detail.History,
            Edit = edit ?? detail.Edit,
            Reply = reply ?? new StaffReplyForm(),
        });
    }

    /// <summary>404 when the comment is gone; otherwise the flash (or, when someone else got there first, the warning) and <paramref name="next"/>.</summary>
    private IActionResult Answer(ModerationOutcome outcome, string done, IActionResult next)
    {
        if (outcome == ModerationOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == ModerationOutcome.AlreadyHandled)
        {
            TempData["Warning"] = AlreadyHandledMessage;
        }
        else
        {
            TempData["Flash"] = done;
        }

        return next;
    }

    private SeeOtherResult BackTo(string? returnUrl) =>
        new(Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/admin", StringComparison.Ordinal) ? returnUrl : "/admin/comments?status=pending");
}
