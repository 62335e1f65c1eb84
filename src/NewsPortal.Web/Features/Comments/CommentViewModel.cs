namespace NewsPortal.Web.Features.Comments;

public sealed class CommentViewModel
{
    public int Id { get; init; }
    public int? ParentId { get; init; }
    public required string AuthorName { get; init; }

    /// <summary>Sanitized at write time by the comment sanitizer.</summary>
    public required string BodyHtml { get; init; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }

    public bool IsStaffReply { get; init; }

    /// <summary>UTC time its author last edited it, if they did.</summary>
    public DateTime? EditedAt { get; init; }

    /// <summary>The viewer wrote it, from this browser, and its edit window is open.</summary>
    public bool CanEdit { get; set; }

    /// <summary>Held for moderation; only ever shown to the person who wrote it.</summary>
    public bool IsAwaitingModeration { get; init; }

    public List<CommentViewModel> Replies { get; } = [];

    public string Initials => Avatar.Initials(AuthorName);
    public int AvatarColour => Avatar.Colour(AuthorName);
}
