namespace NewsPortal.Web.Domain;

/// <summary>What happened to a story in the newsroom: the <see cref="ArticleEvent.Kind"/> values.</summary>
public static class ArticleEventKinds
{
    public const string Submitted = "submitted";
    public const string Withdrawn = "withdrawn";
    public const string SentBack = "sent-back";
    public const string Published = "published";
    public const string Scheduled = "scheduled";
    public const string Correction = "correction";
    public const string Update = "update";
    public const string PreviewCreated = "preview-created";
    public const string PreviewRevoked = "preview-revoked";
    public const string PreviewOpened = "preview-opened";
}

/// <summary>One entry of a story's history: who did what and when, with the note they wrote.</summary>
public class ArticleEvent : ArticleRecord<long>
{
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>One of <see cref="ArticleEventKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The staff member's display name, or "Preview link" for an anonymous first use; kept as text so the history outlives the account.</summary>
    public required string Actor { get; set; }

    public string? Note { get; set; }
}
