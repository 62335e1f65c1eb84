namespace NewsPortal.Web.Features.AdminArticles.Revisions;

public sealed class EditorCollaborationViewModel
{
    /// <summary>Null for a new story.</summary>
    public int? ArticleId { get; init; }

    public ArticleConflict? Conflict { get; init; }

    /// <summary>"10:42" when the person has unsaved changes in their slot that the editor is not showing.</summary>
    public string? AutosaveOffer { get; init; }

    /// <summary>"10:42" when the editor shows the slot's changes (<c>?restore=autosave</c>).</summary>
    public string? AutosaveRestored { get; init; }

    /// <summary>"Ana Ruiz is editing (since 10:40)", one a person.</summary>
    public IReadOnlyList<string> Editing { get; init; } = [];

    public int AutosaveSeconds { get; init; }
    public string? ConflictChangedAt { get; init; }
}

/// <summary>
/// The editor page's newsroom notices: a save conflict, the offer to restore autosaved changes, who else is editing,
/// and the settings the page's script needs (autosave and heartbeat). Loads its own data, so Edit.cshtml only places it.
/// </summary>
public sealed class EditorCollaborationViewComponent(AutosaveSlots slots, PresenceTracker presence, SiteClock clock, IOptions<RevisionOptions> options) : ViewComponent
{
    private readonly RevisionOptions _options = options.Value;

    public async Task<IViewComponentResult> InvokeAsync(int? articleId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var conflict = ViewData[ArticleConflict.ViewDataKey] as ArticleConflict;
        var slot = conflict is null ? await slots.FindAsync(articleId ?? 0, cancellationToken) : null;
        var restoring = HttpMethods.IsGet(Request.Method)
                        && string.Equals(Request.Query["restore"], EditorStarts.RestoreAutosave, StringComparison.OrdinalIgnoreCase);
        var editing = articleId is { } id ? await presence.OthersAsync(id, cancellationToken) : [];
        return View("~/Features/AdminArticles/Revisions/_EditorCollaboration.cshtml", new EditorCollaborationViewModel
        {
            ArticleId = articleId,
            Conflict = conflict,
            ConflictChangedAt = conflict is null ? null : EditorTimes.Clock(clock, conflict.ChangedAt),
            AutosaveOffer = slot is not null && !restoring ? EditorTimes.Clock(clock, slot.SavedAt) : null,
            AutosaveRestored = slot is not null && restoring ? EditorTimes.Clock(clock, slot.SavedAt) : null,
            Editing = editing.Select(e => EditorTimes.Editing(clock, e)).ToList(),
            AutosaveSeconds = _options.AutosaveSeconds,
        });
    }
}
