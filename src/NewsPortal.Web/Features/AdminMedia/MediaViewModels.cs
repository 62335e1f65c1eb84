namespace NewsPortal.Web.Features.AdminMedia;

public sealed class MediaLibraryViewModel
{
    public string? Search { get; init; }

    public required IReadOnlyList<MediaRowViewModel> Items { get; init; }

    /// <summary>One line per refused file: its (cleaned) name and why.</summary>
    public IReadOnlyList<string> Refusals { get; init; } = [];

    public int Uploaded { get; init; }

    public long MaxUploadBytes { get; init; }
}

public sealed class MediaRowViewModel
{
    public int Id { get; init; }

    public required string DisplayName { get; init; }

    public string? Alt { get; init; }

    public string? Caption { get; init; }

    public string? Credit { get; init; }

    public MediaState State { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>The smallest WebP width, once processed.</summary>
    public string? ThumbnailFile { get; init; }

    public int ThumbnailWidth { get; init; }

    public int ThumbnailHeight { get; init; }
}

public sealed class MediaDetailsForm
{
    [Required(ErrorMessage = "Describe the image for people who cannot see it.")]
    [StringLength(MediaItem.AltMaxLength)]
    [Display(Name = "Alt text")]
    public string? Alt { get; set; }

    [StringLength(MediaItem.CaptionMaxLength)]
    public string? Caption { get; set; }

    [StringLength(MediaItem.CreditMaxLength)]
    public string? Credit { get; set; }
}

public sealed class MediaDetailsViewModel
{
    public required MediaRowViewModel Item { get; init; }

    public required MediaDetailsForm Form { get; init; }

    public IReadOnlyList<MediaVariant> Variants { get; init; } = [];

    public IReadOnlyList<MediaUse> Uses { get; init; } = [];

    /// <summary>The address an article's hero image field takes (the ≤1200 px JPEG); null until processed.</summary>
    public string? HeroAddress { get; init; }

    /// <summary>Why the last delete was refused.</summary>
    public string? DeleteRefusal { get; init; }
}

/// <summary>One image the editor's picker offers (JSON): <see cref="Src"/> is what the article's figure gets.</summary>
public sealed record MediaPickerItem(int Id, string Thumbnail, string Alt, string? Caption, string? Credit, string Src, string? Webp, int Width, int Height);
