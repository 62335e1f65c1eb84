namespace NewsPortal.Web.Domain;

/// <summary>A slug a section had before it was renamed; <c>/category/{OldSlug}</c> answers 301 to the current one.</summary>
public class CategorySlugRedirect : ISlugRedirect
{
    public int Id { get; set; }
    public required string OldSlug { get; set; }

    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}
