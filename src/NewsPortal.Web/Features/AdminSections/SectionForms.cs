using NewsPortal.Web.Features.AdminArticles;

namespace NewsPortal.Web.Features.AdminSections;

public sealed class SectionForm
{
    [Display(Name = "Name")]
    [Required(ErrorMessage = "Give the section a name.")]
    [StringLength(FieldLengths.CategoryName, ErrorMessage = "Keep the name under {1} characters.")]
    public string? Name { get; set; }

    [Display(Name = "Address (/category/…; leave empty to make one from the name)")]
    [StringLength(FieldLengths.Slug, ErrorMessage = "Keep the address under {1} characters.")]
    [RegularExpression(ArticleForm.SlugPattern, ErrorMessage = "Use lowercase letters, digits and single hyphens, e.g. local-news.")]
    public string? Slug { get; set; }

    [Display(Name = "Description (shown on the section page and to search engines)")]
    [StringLength(FieldLengths.SectionDescription, ErrorMessage = "Keep the description under {1} characters.")]
    public string? Description { get; set; }

    [Display(Name = "Hide from the site's navigation (the page and its articles stay)")]
    public bool HiddenFromNavigation { get; set; }

    /// <summary>What the section looked like when the form was rendered (see <see cref="SectionAdmin.StampOf"/>).</summary>
    [StringLength(64)]
    public string? Stamp { get; set; }

    /// <summary>The form filled from the stored section, as the edit page first shows it.</summary>
    public static SectionForm Of(Category category) => new()
    {
        Name = category.Name,
        Slug = category.Slug,
        Description = category.Description,
        HiddenFromNavigation = category.HiddenFromNavigation,
    };
}

public sealed class DeleteSectionForm
{
    /// <summary>Where the section's articles go; required when it has any.</summary>
    [Display(Name = "Move its articles to")]
    public int? MoveToId { get; set; }
}
