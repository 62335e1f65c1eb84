namespace NewsPortal.Web.Domain;

/// <summary>
/// One image in the media library: the stored original (metadata stripped, upright, sRGB) and, once processed, its
/// variants. <see cref="State"/> is the job's record: a row stays <see cref="MediaState.Processing"/> until every
/// variant is written, so a process killed half-way leaves work the next start finds (see MediaProcessor).
/// </summary>
public class MediaItem
{
    public const int DisplayNameMaxLength = 200;
    public const int AltMaxLength = 500;
    public const int CaptionMaxLength = 1000;
    public const int CreditMaxLength = 200;
    public const int FileNameMaxLength = 80;

    public int Id { get; set; }

    /// <summary>The original's name in the store: its SHA-256 and an extension, never anything the client sent.</summary>
    public required string OriginalName { get; set; }

    /// <summary>The uploaded file's name, cleaned, kept only to show and search.</summary>
    public required string DisplayName { get; set; }

    /// <summary>The format the upload's content was (jpeg, png, webp, avif, gif).</summary>
    public required string SourceFormat { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public long Bytes { get; set; }

    /// <summary>Null until an editor writes it; an image without alt text cannot be inserted into an article.</summary>
    public string? Alt { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }

    public MediaState State { get; set; }

    /// <summary>How many times the job has claimed this row; past the limit it is marked failed, never left processing.</summary>
    public int Attempts { get; set; }

    /// <summary>UTC. A job holds the row until then; a process that dies lets the lease run out and another takes it.</summary>
    public DateTime? LeaseUntil { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC; when the variants were finished.</summary>
    public DateTime? ProcessedAt { get; set; }

    public string? UploadedBy { get; set; }

    public List<MediaVariant> Variants { get; } = [];
}

public enum MediaState
{
    Processing = 0,
    Ready = 1,
    Failed = 2,
}

/// <summary>One encoded size of a <see cref="MediaItem"/>, served under its content hash (so forever cacheable).</summary>
public class MediaVariant
{
    public int Id { get; set; }

    public int MediaItemId { get; set; }

    /// <summary>"w" for a width of the responsive set, "social" for the 1200×630 crop.</summary>
    public required string Kind { get; set; }

    /// <summary>avif, webp or jpeg.</summary>
    public required string Format { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public long Bytes { get; set; }

    public required string FileName { get; set; }
}
