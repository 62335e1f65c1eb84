namespace NewsPortal.Web.Features.AdminArticles.Revisions;

/// <summary>
/// A story's revisions (list, diff, restore: Editors and Admins), and for everyone who writes (Reporters too, on the
/// stories they may open) the autosave slot and who else is editing.
/// </summary>
[Authorize(Policy = Policies.Writing)]
[Route("admin/articles")]
public sealed class RevisionsController(SiteClock clock) : Controller
{
    private readonly SiteClock _clock = clock;

    [HttpGet("{id:int}/revisions")]
    [Authorize(Policy = Policies.Newsroom)]
    public async Task<IActionResult> Index(int id, long? from, long? to, [FromServices] RevisionHistory history, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest("Choose two revisions from the list to compare.");
        }

        return await history.LoadAsync(id, from, to, cancellationToken) is { } model
            ? View("~/Features/AdminArticles/Revisions/Index.cshtml", model)
            : NotFound();
    }

    [HttpPost("{id:int}/revisions/{revisionId:long}/restore")]
    [Authorize(Policy = Policies.Newsroom)]
    public async Task<IActionResult> Restore(int id, long revisionId, [FromServices] RestoreRevision restore, CancellationToken cancellationToken)
    {
        var result = await restore.RestoreAsync(id, revisionId, cancellationToken);
        var when = EditorTimes.Clock(_clock, result.RestoredFromAt);
        switch (result.Outcome)
        {
            case RestoreOutcome.Applied:
                TempData["Flash"] = $"Restored the version of {when}. It is a draft: nothing was published. The text it replaced is kept in the revisions.";
                return new SeeOtherResult($"/admin/articles/{id}/edit");
            case RestoreOutcome.IntoEditor:
                TempData["Flash"] = $"The version of {when} is in the editor below and kept as a revision. Readers still see the published text until you press \"Update published article\".";
                return new SeeOtherResult($"/admin/articles/{id}/edit?revision={result.RevisionId.ToString(CultureInfo.InvariantCulture)}");
            default:
                return NotFound();
        }
    }

    [HttpPost("{id:int}/autosave")]
    public async Task<IActionResult> Autosave(int id, AutosaveForm form, [FromServices] AutosaveSlots slots, [FromServices] ArticleAccess access, CancellationToken cancellationToken) =>
        await MayOpenAsync(id, access, cancellationToken) ? await AutosaveAsync(id, form, slots, cancellationToken) : Forbid();

    [HttpPost("new/autosave")]
    public Task<IActionResult> AutosaveNew(AutosaveForm form, [FromServices] AutosaveSlots slots, CancellationToken cancellationToken) =>
        AutosaveAsync(0, form, slots, cancellationToken);

    [HttpPost("{id:int}/autosave/discard")]
    public async Task<IActionResult> Discard(int id, [FromServices] AutosaveSlots slots, [FromServices] ArticleAccess access, CancellationToken cancellationToken)
    {
        if (!await MayOpenAsync(id, access, cancellationToken))
        {
            return Forbid();
        }

        await slots.DiscardAsync(id, cancellationToken);
        TempData["Flash"] = "Your unsaved changes were discarded.";
        return new SeeOtherResult($"/admin/articles/{id}/edit");
    }

    [HttpPost("new/autosave/discard")]
    public async Task<IActionResult> DiscardNew([FromServices] AutosaveSlots slots, CancellationToken cancellationToken)
    {
        await slots.DiscardAsync(0, cancellationToken);
        TempData["Flash"] = "Your unsaved changes were discarded.";
        return new SeeOtherResult("/admin/articles/new");
    }

    /// <summary>The editor page's heartbeat: this person has the story open; the answer is who else has.</summary>
    [HttpPost("{id:int}/presence")]
    public async Task<IActionResult> Presence(int id, [FromServices] PresenceTracker presence, [FromServices] ArticleAccess access, CancellationToken cancellationToken)
    {
        if (!await MayOpenAsync(id, access, cancellationToken))
        {
            return Forbid();
        }

        if (!await presence.BeatAsync(id, cancellationToken))
        {
            return NotFound("That article no longer exists.");
        }

        var others = await presence.OthersAsync(id, cancellationToken);
        return Json(new { editing = others.Select(o => EditorTimes.Editing(_clock, o)).ToList() });
    }

    [HttpPost("{id:int}/presence/leave")]
    public async Task<IActionResult> Leave(int id, [FromServices] PresenceTracker presence, CancellationToken cancellationToken)
    {
        await presence.LeaveAsync(id, cancellationToken);
        return NoContent();
    }

    // A reporter only on the stories they may open (their own); an unknown id goes on to the 404 below.
    private async Task<bool> MayOpenAsync(int id, ArticleAccess access, CancellationToken cancellationToken) =>
        await access.FindAsync(id, cancellationToken) is not { } article
        || ArticleAccess.MayOpen(await access.ActorAsync(User, cancellationToken), article);

    private async Task<IActionResult> AutosaveAsync(int id, AutosaveForm form, AutosaveSlots slots, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            var message = ModelState.Where(e => e.Value?.Errors.Count > 0)
                .Select(e => e.Value!.Errors[0].ErrorMessage is { Length: > 0 } m ? m : $"{e.Key} is not valid.")
                .First();
            return BadRequest($"Not autosaved: {message}");
        }

        var (outcome, savedAt) = await slots.SaveAsync(id, form, cancellationToken);
        return outcome == AutosaveOutcome.NoSuchArticle
            ? NotFound("Not autosaved: that article no longer exists.")
            : Json(new { savedAt = EditorTimes.Clock(_clock, savedAt) });
    }
}

/// <summary>Times as the newsroom's notices say them: "10:42" today, "6 Dec, 10:42" before.</summary>
public static class EditorTimes
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Clock(SiteClock clock, DateTime utc)
    {
        var local = clock.ToLocal(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return local.Date == clock.Now.Date ? local.ToString("HH:mm", English) : local.ToString("d MMM, HH:mm", English);
    }

    public static string Editing(SiteClock clock, PresentEditor editor) => $"{editor.DisplayName} is editing (since {Clock(clock, editor.Since)})";
}
