using NewsPortal.Web.Features.AdminArticles;

namespace NewsPortal.Web.Features.AdminBylines;

public sealed class BylineForm
{
    public const int MaxLinks = 10;

    [Display(Name = "Name")]
    [Required(ErrorMessage = "Give the byline a name.")]
    [StringLength(FieldLengths.AuthorName, ErrorMessage = "Keep the name under {1} characters.")]
    public string? Name { get; set; }

    [Display(Name = "Address (/author/…; leave empty to make one from the name)")]
    [StringLength(FieldLengths.Slug, ErrorMessage = "Keep the address under {1} characters.")]
    [RegularExpression(ArticleForm.SlugPattern, ErrorMessage = "Use lowercase letters, digits and single hyphens, e.g. ana-ruiz.")]
    public string? Slug { get; set; }

    [Display(Name = "Title (e.g. Transport correspondent)")]
    [StringLength(FieldLengths.AuthorTitle, ErrorMessage = "Keep the title under {1} characters.")]
    public string? Title { get; set; }

    [Display(Name = "Short biography")]
    [StringLength(FieldLengths.AuthorBio, ErrorMessage = "Keep the biography under {1} characters.")]
    public string? Bio { get; set; }

    [Display(Name = "Photo (from the media library)")]
    public int? PhotoMediaItemId { get; set; }

    [Display(Name = "Staff account (optional)")]
    [StringLength(450)]
    public string? StaffUserId { get; set; }

    [Display(Name = "Links (their own pages elsewhere, one https:// address a line)")]
    [StringLength(FieldLengths.AuthorLinks, ErrorMessage = "Keep the links under {1} characters in all.")]
    public string? Links { get; set; }

    /// <summary>What the byline looked like when the form was rendered (see <see cref="BylineAdmin.StampOf"/>).</summary>
    [StringLength(64)]
    public string? Stamp { get; set; }

    /// <summary>The form filled from the stored byline, as the edit page first shows it.</summary>
    public static BylineForm Of(Author author) => new()
    {
        Name = author.Name,
        Slug = author.Slug,
        Title = author.Title,
        Bio = author.Bio,
        PhotoMediaItemId = author.PhotoMediaItemId,
        StaffUserId = author.StaffUserId,
        Links = author.Links,
    };
}

public sealed record BylineRow(int Id, string Name, string Slug, string? Title, bool IsRetired, string? StaffAccount, int ArticleCount);

public sealed class BylineListViewModel
{
    public required IReadOnlyList<BylineRow> Bylines { get; init; }
}

public sealed class BylineEditViewModel
{
    /// <summary>Null for a new byline.</summary>
    public int? Id { get; init; }
    public string? CurrentSlug { get; init; }
    public bool IsRetired { get; init; }
    public required BylineForm Form { get; init; }
    public IReadOnlyList<SelectListItem> Photos { get; init; } = [];
    public IReadOnlyList<SelectListItem> StaffAccounts { get; init; } = [];

    /// <summary>The chosen photo as it will be shown, or null (none, or still processing: see <see cref="PhotoProcessing"/>).</summary>
    public Authors.BylinePhoto? Photo { get; init; }
    public bool PhotoProcessing { get; init; }
}

public sealed class BylineDeleteViewModel
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public int ArticleCount { get; init; }
}
