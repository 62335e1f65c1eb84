namespace NewsPortal.Web.Domain;

/// <summary>A byline: someone who writes, shown on articles and on <c>/author/{slug}</c>. Not a staff account, but may name one.</summary>
public class Author : ListingPage
{
    /// <summary>The job under the name, e.g. "Transport correspondent".</summary>
    public string? Title { get; set; }

    public string? Bio { get; set; }

    /// <summary>The portrait, from the media library; its variants are served (or nothing while they are processing).</summary>
    public int? PhotoMediaItemId { get; set; }

    /// <summary>The staff account this person signs in with, if any (the Identity user's id).</summary>
    public string? StaffUserId { get; set; }

    /// <summary>Their own pages elsewhere, one absolute https URL a line; shown with <c>rel="me"</c>.</summary>
    public string? Links { get; set; }

    /// <summary>A retired byline can no longer be chosen for new work; its page and articles stay.</summary>
    public bool IsRetired { get; set; }

    public IReadOnlyList<string> LinkList() =>
        (Links ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
