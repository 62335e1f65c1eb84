namespace NewsPortal.Web.Domain;

/// <summary>
/// One change to the comment rules: an Admin's save of the settings page, or a moderator adding a commenter's address
/// to the blocked or always-hold list from the queue. Admins see these on the settings page.
/// </summary>
public class CommentSettingsChange
{
    public long Id { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>The staff member's email (kept as text so the record outlives the account).</summary>
    public required string ChangedBy { get; set; }

    /// <summary>What changed, in words; never an address (a list entry is named by the comment it came from).</summary>
    public required string Summary { get; set; }

    /// <summary>The comment whose author was listed, for a moderator's addition.</summary>
    public int? CommentId { get; set; }
}
