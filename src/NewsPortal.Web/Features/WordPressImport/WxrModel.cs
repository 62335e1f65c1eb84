namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>The channel's own facts: which site exported it, and that it is a WordPress export at all.</summary>
public sealed record WxrChannel(string? Title, string? Link, string? BaseSiteUrl, string? BaseBlogUrl, string? WxrVersion);

/// <summary>A <c>wp:author</c>: the login posts name in <c>dc:creator</c>, and the name readers saw.</summary>
public sealed record WxrAuthor(string Login, string DisplayName);

/// <summary>A <c>wp:category</c> or <c>wp:tag</c> (slugs as exported: possibly percent-encoded).</summary>
public sealed record WxrTerm(WxrTaxonomy Taxonomy, string Slug, string Name, string? ParentSlug);

public enum WxrTaxonomy
{
    Category,
    Tag,
}

/// <summary>One <c>&lt;category domain=... nicename=...&gt;</c> on an item, in the order written.</summary>
public sealed record WxrItemTerm(WxrTaxonomy Taxonomy, string Slug, string Name);

/// <summary>One <c>item</c>: a post, page, attachment or anything else WordPress stores as a post.</summary>
public sealed class WxrItem
{
    public long Id { get; set; }
    public string Title { get; set; } = string.Empty;
    public string? Link { get; set; }
    public string? Creator { get; set; }
    public string Content { get; set; } = string.Empty;
    public string Excerpt { get; set; } = string.Empty;
    public string? PostDate { get; set; }
    public string? PostDateGmt { get; set; }
    public string? ModifiedGmt { get; set; }
    public string CommentStatus { get; set; } = "open";
    public string PostName { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;
    public string PostType { get; set; } = string.Empty;
    public long PostParent { get; set; }
    public string? AttachmentUrl { get; set; }
    public List<WxrItemTerm> Terms { get; } = [];
    public Dictionary<string, string> Meta { get; } = new(StringComparer.Ordinal);
    public List<WxrComment> Comments { get; } = [];

    /// <summary>Where the item starts in the file, for messages.</summary>
    public int Line { get; set; }
}

public sealed class WxrComment
{
    public long Id { get; set; }
    public string Author { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string Ip { get; set; } = string.Empty;
    public string? Date { get; set; }
    public string? DateGmt { get; set; }
    public string Content { get; set; } = string.Empty;
    public string Approved { get; set; } = "1";
    public string Type { get; set; } = string.Empty;
    public long Parent { get; set; }
}

/// <summary>A file the importer cannot read: where, and why. Nothing has been written when it is thrown.</summary>
public sealed class WxrFormatException : Exception
{
    public WxrFormatException(string message, int line, int column, Exception? inner = null)
        : base(line > 0 ? $"{message} (line {line}, column {column})" : message, inner)
    {
        Line = line;
        Column = column;
    }

    public WxrFormatException()
    {
    }

    public WxrFormatException(string message)
        : base(message)
    {
    }

    public WxrFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public int Line { get; }

    public int Column { get; }
}

public static class WxrDates
{
    /// <summary>
    /// WordPress's "yyyy-MM-dd HH:mm:ss"; null for the "0000-00-00 00:00:00" it writes for drafts' GMT dates,
    /// and for anything else it cannot be.
    /// </summary>
    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.StartsWith("0000", StringComparison.Ordinal))
        {
            return null;
        }

        return DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Unspecified)
            : null;
    }
}
