namespace NewsPortal.Web.Domain;

/// <summary>Someone has a story open in the editor: the page's heartbeat keeps <see cref="LastSeenAt"/> fresh; a minute without one and it no longer counts.</summary>
public class EditingPresence : EditorSlot
{
    public required string DisplayName { get; set; }

    /// <summary>UTC: when this stretch of editing began.</summary>
    public DateTime Since { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LastSeenAt { get; set; }
}
